import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { get as httpGet, type IncomingHttpHeaders } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "../test-support/factories.js";
import { readError, startTestServer, type TestServer } from "../test-support/testServer.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const expectCommonHeaders = (response: Response) => {
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(response.headers.get("referrer-policy")).toBe("no-referrer");
  expect(response.headers.get("strict-transport-security")).toContain("max-age=");
  expect(response.headers.get("x-powered-by")).toBeNull();
};

describe("security headers", () => {
  it.each(["/", "/events/oscars-2017/best-picture", "/b/AAAAAAAAAAAAAAAA"])(
    "page %s carries the app's policy",
    async (path) => {
      const response = await server.fetch(path);
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(response.headers.get("x-frame-options")).toBe("SAMEORIGIN");
      expectCommonHeaders(response);
    },
  );

  it.each(["/api/events", "/api/categories/1/odds", "/api/no-such-route"])(
    "API answer %s may not be loaded into or framed at all",
    async (path) => {
      const response = await server.fetch(path);
      expect(response.headers.get("content-security-policy")).toBe("default-src 'none';frame-ancestors 'none'");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expectCommonHeaders(response);
    },
  );
});

/** GET with a chosen Host header, which fetch does not let a caller set. */
function getWithHost(url: string, path: string, headers: Record<string, string>) {
  return new Promise<IncomingHttpHeaders>((resolve, reject) => {
    const request = httpGet(`${url}${path}`, { headers }, (response) => {
      response.resume();
      resolve(response.headers);
    });
    request.on("error", reject);
  });
}

describe("upgrade-insecure-requests", () => {
  const pageCsp = async (server: TestServer, headers: Record<string, string> = {}) =>
    (await getWithHost(server.url, "/", headers))["content-security-policy"] ?? "";

  it("is not sent over plain HTTP, so a page loaded from a LAN address can load its scripts", async () => {
    expect(await pageCsp(server)).not.toContain("upgrade-insecure-requests");
    expect(await pageCsp(server, { Host: "watchparty.local:3000" })).not.toContain("upgrade-insecure-requests");
    // Nobody vouches for this header: the proxy is not trusted.
    expect(await pageCsp(server, { "X-Forwarded-Proto": "https" })).not.toContain("upgrade-insecure-requests");
  });

  it("is sent when a trusted proxy says the page was asked for over HTTPS", async () => {
    const proxied = await startTestServer({ env: { TRUST_PROXY: "loopback" } });
    try {
      expect(await pageCsp(proxied, { "X-Forwarded-Proto": "https" })).toContain("upgrade-insecure-requests");
      expect(await pageCsp(proxied, { "X-Forwarded-Proto": "http" })).not.toContain("upgrade-insecure-requests");
    } finally {
      await proxied.close();
    }
  });

  it("is sent for PUBLIC_URL's host when PUBLIC_URL is https, and not for another host", async () => {
    const behindTls = await startTestServer({ env: { PUBLIC_URL: "https://frontrunner.example" } });
    try {
      expect(await pageCsp(behindTls, { Host: "frontrunner.example" })).toContain("upgrade-insecure-requests");
      expect(await pageCsp(behindTls, { Host: "192.168.1.20:3000" })).not.toContain("upgrade-insecure-requests");
    } finally {
      await behindTls.close();
    }
  });
});

/** Starts a request with a body of `contentLength` bytes but sends only its first kilobyte; resolves with the answer. */
function startLargeUpload(url: string, path: string, contentLength: number, cookie?: string) {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  let received = "";
  const answered = new Promise<string>((resolve, reject) => {
    socket.on("data", (chunk) => {
      received += chunk.toString();
      if (received.includes("\r\n\r\n")) resolve(received);
    });
    socket.on("error", reject);
  });
  socket.write(
    [
      `POST ${path} HTTP/1.1`,
      `Host: ${hostname}:${port}`,
      "Content-Type: application/json",
      "X-Requested-With: XMLHttpRequest",
      ...(cookie ? [`Cookie: ${cookie}`] : []),
      `Content-Length: ${contentLength}`,
      "",
      `{"season": ${" ".repeat(1024)}`,
    ].join("\r\n"),
  );
  return { answered, destroy: () => socket.destroy() };
}

/** Resolves with `promise`'s value, or with `fallback` if it has not settled within `ms` (never asserted on). */
const within = <T>(promise: Promise<T>, ms: number, fallback: T) =>
  Promise.race([promise, new Promise<T>((resolve) => setTimeout(() => resolve(fallback), ms).unref())]);

describe("the season import's 1 MB body", () => {
  const megabyte = 1024 * 1024;

  it("is refused 401 to a stranger before it is read", async () => {
    const upload = startLargeUpload(server.url, "/api/admin/import", megabyte);
    try {
      const answer = await within(upload.answered, 10_000, "no answer while the body was still being sent");
      expect(answer).toMatch(/^HTTP\/1\.1 401 /);
    } finally {
      upload.destroy();
    }
  });

  it("is refused 403 to a signed-in fan before it is read", async () => {
    const { client } = await signUp(server);
    const upload = startLargeUpload(server.url, "/api/admin/import", megabyte, client.cookie);
    try {
      const answer = await within(upload.answered, 10_000, "no answer while the body was still being sent");
      expect(answer).toMatch(/^HTTP\/1\.1 403 /);
    } finally {
      upload.destroy();
    }
  });
});

describe("source maps", () => {
  /** A built client of one script and its map, as `vite build` writes them. */
  function builtClient() {
    const dir = mkdtempSync(path.join(tmpdir(), "frontrunner-client-"));
    mkdirSync(path.join(dir, "assets"));
    writeFileSync(
      path.join(dir, "index.html"),
      '<!doctype html><html><head></head><body><div id="root"></div></body></html>',
    );
    writeFileSync(
      path.join(dir, "assets", "index-AbC123.js"),
      "console.log(1);\n//# sourceMappingURL=index-AbC123.js.map\n",
    );
    writeFileSync(path.join(dir, "assets", "index-AbC123.js.map"), '{"version":3,"sources":["../../client/main.tsx"]}');
    return dir;
  }

  it("are not served in production, though the scripts are", async () => {
    const dir = builtClient();
    const production = await startTestServer({ clientDir: dir });
    try {
      expect((await production.fetch("/assets/index-AbC123.js")).status).toBe(200);
      for (const map of [
        "/assets/index-AbC123.js.map",
        "/assets/index-AbC123.JS.MAP",
        "/assets/index-AbC123.js.map?x=1",
      ]) {
        const response = await production.fetch(map);
        expect(response.status).toBe(404);
        expect((await readError(response)).code).toBe("not_found");
      }
    } finally {
      await production.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("are served with SOURCE_MAPS=public", async () => {
    const dir = builtClient();
    const open = await startTestServer({ clientDir: dir, env: { SOURCE_MAPS: "public" } });
    try {
      const response = await open.fetch("/assets/index-AbC123.js.map");
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ version: 3, sources: ["../../client/main.tsx"] });
    } finally {
      await open.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
