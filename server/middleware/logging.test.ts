import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { apiClient } from "../test-support/apiClient.js";
import { signUp } from "../test-support/factories.js";
import { startTestServer, type TestServer } from "../test-support/testServer.js";
import { createLogger } from "./logging.js";

let lines: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(...chunk.toString().split("\n").filter(Boolean));
    done();
  },
});
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ logger: createLogger("info", sink) });
});
afterAll(() => server.close());

describe("request logging", () => {
  it("logs each request as JSON with the id it echoes in X-Request-Id", async () => {
    lines = [];
    const response = await server.fetch("/api/events");
    const requestId = response.headers.get("x-request-id");
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    await response.text();
    // The line is written when the response has finished; a compressed answer (this one is over a kilobyte) sends
    // its headers with the first compressed block, so the client can read them before that.
    await vi.waitFor(() =>
      expect(lines.map((line) => JSON.parse(line) as unknown)).toContainEqual(
        expect.objectContaining({
          level: 30,
          reqId: requestId,
          req: expect.objectContaining({ method: "GET", url: "/api/events" }),
          res: { statusCode: 200 },
          responseTime: expect.any(Number),
          msg: "request completed",
        }),
      ),
    );
  });

  it("logs a client error as a warning", async () => {
    lines = [];
    const response = await server.fetch("/api/no-such-route");
    const requestId = response.headers.get("x-request-id");
    expect(lines.map((line) => JSON.parse(line) as unknown)).toContainEqual(
      expect.objectContaining({ level: 40, reqId: requestId, res: { statusCode: 404 } }),
    );
  });

  it("reuses a well-formed incoming request id and replaces a malformed one", async () => {
    const reused = await server.fetch("/api/health", { headers: { "X-Request-Id": "trace-abc-12345" } });
    expect(reused.headers.get("x-request-id")).toBe("trace-abc-12345");
    const replaced = await server.fetch("/api/health", { headers: { "X-Request-Id": "bad id <script>" } });
    expect(replaced.headers.get("x-request-id")).not.toContain("<script>");
  });

  it("never writes passwords or session tokens to the log", async () => {
    lines = [];
    const password = "s3cret-password-never-logged";
    const { client, username } = await signUp(server, { password });
    await apiClient(server).post("/api/auth/login", { username, password });
    await client.get("/api/me");
    await client.post("/api/auth/logout");
    const token = client.cookie?.split("=")[1];
    const log = lines.join("\n");
    expect(lines.length).toBeGreaterThanOrEqual(4);
    expect(log).not.toContain(password);
    expect(log).not.toContain("cookie");
    if (token) expect(log).not.toContain(token);
    expect(log).not.toMatch(/frontrunner_session=[A-Za-z0-9_-]{20,}/);
  });
});

describe("capability tokens in URLs", () => {
  const code = "Inv1teCode_-42";
  const slug = "ShareSlug_-12345";
  it.each([
    [`/api/pools/invites/${code}`, "/api/pools/invites/[redacted]"],
    [`/join/${code}`, "/join/[redacted]"],
    [`/signin?next=%2Fjoin%2F${code}`, "/signin?next=%2Fjoin%2F[redacted]"],
    [`/signup?next=/join/${code}`, "/signup?next=/join/[redacted]"],
    [`/b/${slug}`, "/b/[redacted]"],
    [`/b/${slug}/card.png?v=abc`, "/b/[redacted]/card.png?v=abc"],
    [`/api/ballots/${slug}`, "/api/ballots/[redacted]"],
    [`/API/Pools/Invites/${code}`, "/API/Pools/Invites/[redacted]"],
  ])("are not written to the log: %s is logged as %s", async (url, logged) => {
    lines = [];
    await server.fetch(url);
    const log = lines.join("\n");
    expect(log).not.toContain(code);
    expect(log).not.toContain(slug);
    expect(lines.map((line) => JSON.parse(line) as { req?: { url: string } })).toContainEqual(
      expect.objectContaining({ req: expect.objectContaining({ url: logged }) }),
    );
  });

  it("are not written for a revoked share link either", async () => {
    const { client } = await signUp(server);
    lines = [];
    await client.delete(`/api/me/share/${slug}`);
    expect(lines.join("\n")).not.toContain(slug);
    expect(lines.join("\n")).toContain("/api/me/share/[redacted]");
  });
});
