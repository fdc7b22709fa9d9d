/**
 * A ceiling to compare Frontrunner with: answers each benchmarked request with a pre-serialized body of the same
 * size, doing nothing else. `express` is the framework's ceiling, `http` (bare node:http) the platform's.
 * Usage: ceilingServer.ts express|http '[{"method","path","body","encoding"?}]'; prints the port it listens on. A
 * route with an encoding answers the body compressed as our server compresses it, once, at start.
 */
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { loadConfig } from "../server/config.js";
import { createAppServer } from "../server/httpServer.js";
import type { ContentEncoding } from "../server/middleware/compression.js";
import { ceilingBytes } from "./compressedReads.js";

export type CeilingRoute = { method: string; path: string; body: string; encoding?: ContentEncoding | undefined };

const [kind, routesJson = "[]"] = process.argv.slice(2);
const routes = JSON.parse(routesJson) as CeilingRoute[];
const headersFor = (route: CeilingRoute) => ({
  "Content-Type": "application/json; charset=utf-8",
  ...(route.encoding ? { "Content-Encoding": route.encoding, Vary: "Accept-Encoding" } : {}),
});

function expressCeiling(): Server {
  const app = express();
  // Keyed by method and full URL, query included: two endpoints may share a path (leaderboard pages).
  const answers = new Map(
    routes.map((route) => [`${route.method} ${route.path}`, { route, bytes: ceilingBytes(route) }]),
  );
  app.use((req, res, next) => {
    const answer = answers.get(`${req.method} ${req.originalUrl}`);
    if (answer === undefined) {
      next();
      return;
    }
    if (!answer.route.encoding) {
      res.type("application/json").send(answer.route.body);
      return;
    }
    res.set(headersFor(answer.route)).send(answer.bytes);
  });
  // Served as Frontrunner's app is, so the ratio measures our code and not how the server was built.
  return createAppServer(app, loadConfig({}));
}

function httpCeiling(): Server {
  const answers = new Map(
    routes.map((route) => [`${route.method} ${route.path}`, { route, bytes: ceilingBytes(route) }]),
  );
  return createServer((req, res) => {
    const answer = answers.get(`${req.method} ${req.url}`);
    if (!answer) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { ...headersFor(answer.route), "Content-Length": answer.bytes.length });
    res.end(answer.bytes);
  });
}

if (kind !== "express" && kind !== "http") throw new Error("usage: ceilingServer.ts express|http ROUTES_JSON");
const server = kind === "express" ? expressCeiling() : httpCeiling();
server.listen(0, "127.0.0.1");
await once(server, "listening");
process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
process.on("SIGTERM", () => server.close(() => process.exit(0)));
