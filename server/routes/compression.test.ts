/**
 * Compressed answers: cached reads, answers built per request, precompressed files and the SPA's page go brotli or
 * gzip as the client accepts, each with `Vary: Accept-Encoding`; small answers and event streams never do.
 */
import { once } from "node:events";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { type IncomingHttpHeaders, type IncomingMessage, request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMPRESSION_THRESHOLD } from "../middleware/compression.js";
import { presentCategoryOdds } from "../presenters/odds.js";
import { oscarIds } from "../test-support/factories.js";
import { startTestServer, type TestServer } from "../test-support/testServer.js";

type RawAnswer = { status: number; headers: IncomingHttpHeaders; body: Buffer };

/** A GET whose body is read as sent: fetch() would decode it and hide the encoding. */
function rawGet(server: TestServer, pathname: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${pathname}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

function decoded({ headers, body }: RawAnswer): string {
  const encoding = headers["content-encoding"];
  if (encoding === "br") return brotliDecompressSync(body).toString("utf8");
  if (encoding === "gzip") return gunzipSync(body).toString("utf8");
  expect(encoding).toBeUndefined();
  return body.toString("utf8");
}

const varies = (answer: RawAnswer) => /accept-encoding/i.test(String(answer.headers.vary ?? ""));

let server: TestServer;
let clientDir: string;
const script = `export const hello = "${"frontrunner ".repeat(400)}";\n`;
const page = `<!doctype html><html><head><title>Frontrunner</title></head><body>${"<p>race</p>".repeat(200)}</body></html>`;

beforeAll(async () => {
  // A built client of our own: a script with the brotli and gzip copies the build writes, and a large page.
  clientDir = mkdtempSync(path.join(tmpdir(), "frontrunner-client-"));
  mkdirSync(path.join(clientDir, "assets"));
  writeFileSync(path.join(clientDir, "assets", "app-abc123.js"), script);
  writeFileSync(path.join(clientDir, "assets", "app-abc123.js.br"), brotliCompressSync(script));
  writeFileSync(path.join(clientDir, "assets", "app-abc123.js.gz"), gzipSync(script));
  writeFileSync(path.join(clientDir, "index.html"), page);
  server = await startTestServer({ clientDir });
});
afterAll(async () => {
  await server.close();
  rmSync(clientDir, { recursive: true, force: true });
});

describe("cached answers", () => {
  const oddsPath = () => `/api/categories/${oscarIds(server.services).category("best-picture")}/odds`;

  it("go in the encoding the client prefers, brotli first, and decode to the identity body", async () => {
    const identity = await rawGet(server, oddsPath());
    expect(identity.headers["content-encoding"]).toBeUndefined();
    expect(identity.body.length).toBeGreaterThanOrEqual(COMPRESSION_THRESHOLD);
    expect(JSON.parse(identity.body.toString("utf8"))).toEqual(
      presentCategoryOdds(server.services.odds.getOdds(oscarIds(server.services).category("best-picture"))),
    );
    expect(varies(identity)).toBe(true);

    for (const [accept, expected] of [
      ["gzip, deflate, br, zstd", "br"],
      ["gzip", "gzip"],
      ["br;q=0.5, gzip", "gzip"],
      ["deflate", undefined],
      ["identity", undefined],
    ] as const) {
      const answer = await rawGet(server, oddsPath(), { "Accept-Encoding": accept });
      expect(answer.headers["content-encoding"], accept).toBe(expected);
      expect(answer.headers["content-length"], accept).toBe(String(answer.body.length));
      expect(varies(answer), accept).toBe(true);
      expect(decoded(answer), accept).toBe(identity.body.toString("utf8"));
      if (expected) expect(answer.body.length, accept).toBeLessThan(identity.body.length);
    }
  });

  it("carry an ETag per encoding, each revalidating only its own representation", async () => {
    const identity = await rawGet(server, oddsPath());
    const br = await rawGet(server, oddsPath(), { "Accept-Encoding": "br" });
    const gzip = await rawGet(server, oddsPath(), { "Accept-Encoding": "gzip" });
    const etags = [identity, br, gzip].map((answer) => answer.headers.etag);
    expect(new Set(etags).size).toBe(3);
    for (const etag of etags) expect(etag).toMatch(/^"[\w-]+"$/);

    const brEtag = String(br.headers.etag);
    expect((await rawGet(server, oddsPath(), { "Accept-Encoding": "br", "If-None-Match": brEtag })).status).toBe(304);
    // The identity body's validator does not name the brotli bytes, nor the other way round.
    const crossed = await rawGet(server, oddsPath(), {
      "Accept-Encoding": "br",
      "If-None-Match": String(identity.headers.etag),
    });
    expect(crossed.status).toBe(200);
    expect(crossed.headers["content-encoding"]).toBe("br");
    expect((await rawGet(server, oddsPath(), { "If-None-Match": brEtag })).status).toBe(200);
  });

  it("stay uncompressed below the threshold", async () => {
    const history = await rawGet(
      server,
      `/api/categories/${oscarIds(server.services).category("best-picture")}/history`,
      { "Accept-Encoding": "br, gzip" },
    );
    expect(history.status).toBe(200);
    // Seeded without picks, a category's history is a few dozen bytes.
    expect(history.body.length).toBeLessThan(COMPRESSION_THRESHOLD);
    expect(history.headers["content-encoding"]).toBeUndefined();
  });
});

describe("answers built per request", () => {
  it("compress JSON of a kilobyte or more, and leave small JSON alone", async () => {
    const identity = await rawGet(server, "/api/events/oscars-2017");
    expect(identity.body.length).toBeGreaterThanOrEqual(COMPRESSION_THRESHOLD);
    const br = await rawGet(server, "/api/events/oscars-2017", { "Accept-Encoding": "gzip, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(varies(br)).toBe(true);
    expect(decoded(br)).toBe(identity.body.toString("utf8"));

    const health = await rawGet(server, "/api/health", { "Accept-Encoding": "br, gzip" });
    expect(health.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(health.body.toString("utf8"))).toEqual({ ok: true });
  });

  it("compress the app's page", async () => {
    const answer = await rawGet(server, "/events/oscars-2017", { "Accept-Encoding": "gzip" });
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(decoded(answer)).toBe(page);
    const identity = await rawGet(server, "/events/oscars-2017");
    expect(identity.headers["content-encoding"]).toBeUndefined();
    expect(identity.body.toString("utf8")).toBe(page);
  });

  it("never compress or hold back the odds stream", async () => {
    const controller = new AbortController();
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = request(
        `${server.url}/api/odds/stream`,
        { headers: { "Accept-Encoding": "br, gzip" }, signal: controller.signal },
        resolve,
      );
      req.on("error", reject);
      req.end();
    });
    try {
      expect(response.headers["content-encoding"]).toBeUndefined();
      // The first message arrives as it was written, readable as it is: nothing waits for a block to fill.
      const [first] = await once(response, "data");
      expect(String(first)).toMatch(/^retry: \d+/);
    } finally {
      controller.abort();
    }
  });
});

describe("built files", () => {
  it("are sent as the build precompressed them, with Vary and their own validators", async () => {
    const pathname = "/assets/app-abc123.js";
    const br = await rawGet(server, pathname, { "Accept-Encoding": "gzip, deflate, br" });
    expect(br.status).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["content-type"]).toMatch(/javascript/);
    expect(br.headers["cache-control"]).toMatch(/immutable/);
    expect(varies(br)).toBe(true);
    expect(decoded(br)).toBe(script);

    const gzip = await rawGet(server, pathname, { "Accept-Encoding": "gzip" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(decoded(gzip)).toBe(script);

    const identity = await rawGet(server, pathname);
    expect(identity.headers["content-encoding"]).toBeUndefined();
    expect(identity.body.toString("utf8")).toBe(script);
    expect(varies(identity)).toBe(true);
    expect(new Set([br, gzip, identity].map((answer) => answer.headers.etag)).size).toBe(3);
  });
});
