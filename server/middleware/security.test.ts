import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../test-support/testServer.js";

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
