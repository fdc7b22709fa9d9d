/** The app's HTTP server: requests and responses arrive already Express's, and Express still works on them. */
import { once } from "node:events";
import type { IncomingMessage, Server } from "node:http";
import { type AddressInfo, connect, type Socket } from "node:net";
import express from "express";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { apiErrorSchema } from "../shared/schemas/errors.js";
import { fixedClock } from "./clock.js";
import { loadConfig } from "./config.js";
import { createAppServer } from "./httpServer.js";
import { oscarIds, signUp } from "./test-support/factories.js";
import { startTestServer, type TestServer } from "./test-support/testServer.js";

let server: Server | undefined;
afterEach(() => server?.close());

async function serve(app: express.Express): Promise<string> {
  server = createAppServer(app, loadConfig({}));
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

describe("timeouts", () => {
  /** A raw connection to the app that reports everything it received once the server closes it. */
  function rawConnection(url: string) {
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname);
    let received = "";
    socket.on("data", (chunk) => {
      received += chunk.toString();
    });
    const closed = new Promise<string>((resolve) => socket.on("close", () => resolve(received)));
    socket.on("error", () => undefined);
    return { socket, closed };
  }

  /** Writes `text` a character at a time, 100 ms apart, until the connection closes. */
  function dribble(socket: Socket, text: string) {
    let at = 0;
    const timer = setInterval(() => {
      if (socket.destroyed || at >= text.length) clearInterval(timer);
      else socket.write(text.charAt(at++));
    }, 100);
    socket.on("close", () => clearInterval(timer));
  }

  /** Resolves with what the server sent before closing, or `null` if it kept the connection open that long. */
  const closedWithin = (closed: Promise<string>, ms: number) =>
    Promise.race([closed, new Promise<null>((resolve) => setTimeout(() => resolve(null), ms).unref())]);

  /** The error in a raw HTTP answer's JSON body. */
  const errorIn = (answer: string | null) =>
    apiErrorSchema.parse(JSON.parse(answer?.slice(answer.indexOf("\r\n\r\n") + 4) ?? "")).error;

  let app: TestServer;
  beforeAll(async () => {
    // Before the Oscars' locks, so the last test can make a pick.
    app = await startTestServer({
      clock: fixedClock("2017-01-09T09:00:00.000Z"),
      env: { REQUEST_TIMEOUT_SECONDS: "1" },
    });
  });
  afterAll(() => app.close());

  it("closes a connection whose body arrives too slowly, with 408", async () => {
    const { socket, closed } = rawConnection(app.url);
    socket.write(
      "PUT /api/picks/1 HTTP/1.1\r\nHost: frontrunner.test\r\nContent-Type: application/json\r\n" +
        "X-Requested-With: XMLHttpRequest\r\nContent-Length: 1000\r\n\r\n",
    );
    dribble(socket, `{"contenderId": ${" ".repeat(1000)}`);
    const answer = await closedWithin(closed, 15_000);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(errorIn(answer).code).toBe("request_timeout");
  });

  it("closes a connection whose headers arrive too slowly", async () => {
    const { socket, closed } = rawConnection(app.url);
    socket.write("GET /api/health HTTP/1.1\r\nHost: frontrunner.test\r\n");
    dribble(socket, "X-Slow: ".padEnd(2000, "a"));
    expect(await closedWithin(closed, 15_000)).toMatch(/^HTTP\/1\.1 408 /);
  });

  it("answers a request that is not HTTP with 400 in the API's error shape", async () => {
    const { socket, closed } = rawConnection(app.url);
    socket.write("NOT HTTP AT ALL\r\n\r\n");
    const answer = await closedWithin(closed, 15_000);
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(errorIn(answer).code).toBe("bad_request");
  });

  it("closes an idle keep-alive connection", async () => {
    const { socket, closed } = rawConnection(app.url);
    socket.write("GET /api/health HTTP/1.1\r\nHost: frontrunner.test\r\nConnection: keep-alive\r\n\r\n");
    expect(await closedWithin(closed, 15_000)).toMatch(/^HTTP\/1\.1 200 /);
  });

  it("times only the request: the live odds stream stays open past the timeout", async () => {
    const stream = await app.fetch("/api/odds/stream");
    const reader = stream.body?.pipeThrough(new TextDecoderStream()).getReader();
    if (!reader) throw new Error("no body");
    // A slow request closed with 408 shows the timeout sweep ran while the stream was open.
    const { socket, closed } = rawConnection(app.url);
    socket.write("GET /api/health HTTP/1.1\r\nHost: frontrunner.test\r\n");
    dribble(socket, "X-Slow: ".padEnd(2000, "a"));
    expect(await closedWithin(closed, 15_000)).toMatch(/^HTTP\/1\.1 408 /);

    const ids = oscarIds(app.services);
    const { client } = await signUp(app);
    const picture = ids.category("best-picture");
    expect(
      (await client.put(`/api/picks/${picture}`, { contenderId: ids.contender("best-picture", "moonlight") })).status,
    ).toBe(200);
    let received = "";
    while (!received.includes("event: odds")) {
      const chunk = await reader.read();
      if (chunk.done) throw new Error(`the stream was closed: ${received}`);
      received += chunk.value;
    }
    await reader.cancel();
  });
});
