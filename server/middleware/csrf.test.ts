/** The CSRF origin check: this server's own origin, PUBLIC_URL's, and a trusted proxy's forwarded host are ours. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "../test-support/apiClient.js";
import { uniqueUsername } from "../test-support/factories.js";
import { readError, startTestServer, type TestServer } from "../test-support/testServer.js";

/** Signs a new fan up with these extra headers: 201 when the origin check lets the write through. */
const signUpWith = (server: TestServer, headers: Record<string, string>) =>
  apiClient(server).post("/api/auth/signup", { username: uniqueUsername(), password: "password123" }, headers);

const expectRefused = async (response: Response) => {
  expect(response.status).toBe(403);
  expect((await readError(response)).code).toBe("csrf");
};

describe("behind a proxy, with PUBLIC_URL", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { PUBLIC_URL: "https://frontrunner.example" } });
  });
  afterAll(() => server.close());

  it("accepts writes from PUBLIC_URL's origin, though the proxy sent its own Host", async () => {
    expect((await signUpWith(server, { Origin: "https://frontrunner.example" })).status).toBe(201);
  });

  it("still accepts the origin the request was made to, and refuses others", async () => {
    expect((await signUpWith(server, { Origin: server.url })).status).toBe(201);
    await expectRefused(await signUpWith(server, { Origin: "https://evil.example" }));
    await expectRefused(await signUpWith(server, { Origin: "http://frontrunner.example" }));
    await expectRefused(await signUpWith(server, { Origin: "https://frontrunner.example.evil.example" }));
  });
});

describe("X-Forwarded-Host", () => {
  const forwarded = { "X-Forwarded-Host": "frontrunner.example", "X-Forwarded-Proto": "https" };

  it("names our origin when the proxy is trusted", async () => {
    const server = await startTestServer({ env: { TRUST_PROXY: "loopback" } });
    try {
      expect((await signUpWith(server, { ...forwarded, Origin: "https://frontrunner.example" })).status).toBe(201);
      await expectRefused(await signUpWith(server, { ...forwarded, Origin: "https://evil.example" }));
    } finally {
      await server.close();
    }
  });

  it("is ignored when the proxy is not trusted, so any client could send it", async () => {
    const server = await startTestServer();
    try {
      await expectRefused(await signUpWith(server, { ...forwarded, Origin: "https://frontrunner.example" }));
      expect((await signUpWith(server, { ...forwarded, Origin: server.url })).status).toBe(201);
    } finally {
      await server.close();
    }
  });
});
