/** The app's HTTP server: requests and responses arrive already Express's, and Express still works on them. */
import { once } from "node:events";
import type { IncomingMessage, Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { createAppServer } from "./httpServer.js";

let server: Server | undefined;
afterEach(() => server?.close());

async function serve(app: express.Express): Promise<string> {
  server = createAppServer(app);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("createAppServer", () => {
  it("creates each request and response with Express's prototypes, so Express has none to change", async () => {
    const app = express();
    app.get("/echo", (req, res) => {
      res.status(201).json({ header: req.get("x-test"), query: req.query.q });
    });
    const url = await serve(app);
    // Heard before the app's own listener, as Node hands the objects over.
    const seen: { request: unknown; response: unknown }[] = [];
    server?.prependListener("request", (req: IncomingMessage, res) => {
      seen.push({ request: Object.getPrototypeOf(req), response: Object.getPrototypeOf(res) });
    });

    const response = await fetch(`${url}/echo?q=odds`, { headers: { "x-test": "yes" } });

    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ header: "yes", query: "odds" });
    expect(seen).toEqual([{ request: app.request, response: app.response }]);
  });

  it("keeps Express's request and response methods and the app reference", async () => {
    const app = express();
    app.get("/app", (req, res) => {
      res.type("text/plain").send(req.app === app ? "same app" : "another app");
    });
    const url = await serve(app);

    const response = await fetch(`${url}/app`);

    expect(response.headers.get("content-type")).toContain("text/plain");
    expect(await response.text()).toBe("same app");
  });
});
