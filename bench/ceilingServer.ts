/**
 * A ceiling to compare Frontrunner with: answers each benchmarked request with a pre-serialized body of the same
 * size, doing nothing else. `express` is the framework's ceiling, `http` (bare node:http) the platform's.
 * Usage: ceilingServer.ts express|http '[{"method","path","body"}]'; prints the port it listens on.
 */
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { loadConfig } from "../server/config.js";
import { createAppServer } from "../server/httpServer.js";

export type CeilingRoute = { method: string; path: string; body: string };

const [kind, routesJson = "[]"] = process.argv.slice(2);
const routes = JSON.parse(routesJson) as CeilingRoute[];

function expressCeiling(): Server {
  const app = express();
  // Keyed by method and full URL, query included: two endpoints may share a path (leaderboard pages).
  const bodies = new Map(routes.map((route) => [`${route.method} ${route.path}`, route.body]));
  app.use((req, res, next) => {
    const body = bodies.get(`${req.method} ${req.originalUrl}`);
    if (body === undefined) {
      next();
      return;
    }
    res.type("application/json").send(body);
  });
  // Served as Frontrunner's app is, so the ratio measures our code and not how the server was built.
  return createAppServer(app, loadConfig({}));
}

function httpCeiling(): Server {
  const bodies = new Map(routes.map((route) => [`${route.method} ${route.path}`, Buffer.from(route.body)]));
  return createServer((req, res) => {
    const body = bodies.get(`${req.method} ${req.url}`);
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": "application/json; charset=utf-8", "Content-Length": body.length });
    res.end(body);
  });
}

if (kind !== "express" && kind !== "http") throw new Error("usage: ceilingServer.ts express|http ROUTES_JSON");
const server = kind === "express" ? expressCeiling() : httpCeiling();
server.listen(0, "127.0.0.1");
await once(server, "listening");
process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
process.on("SIGTERM", () => server.close(() => process.exit(0)));
