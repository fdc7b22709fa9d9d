import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { meResponseSchema, userResponseSchema } from "../../shared/schemas/auth.js";
import { fixedClock } from "../clock.js";
import { EXTERNAL_WRITE_CHECK_MS } from "../db/cacheRegistry.js";
import { openDatabase } from "../db/connection.js";
import { SESSION_COOKIE } from "../middleware/session.js";
import { SESSION_TTL_MS } from "../services/authService.js";
import { apiClient } from "../test-support/apiClient.js";
import { makeDemoUser, signUp, uniqueUsername } from "../test-support/factories.js";
import { readError, startTestServer, type TestServer } from "../test-support/testServer.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe("POST /api/auth/signup", () => {
  it("creates the user, answers 201 with the user and sets an HttpOnly, SameSite=Lax session cookie", async () => {
    const client = apiClient(server);
    const username = uniqueUsername();
    const response = await client.post("/api/auth/signup", { username, password: "password123" });
    expect(response.status).toBe(201);
    const { user } = userResponseSchema.parse(await response.json());
    expect(user).toMatchObject({ username, isAdmin: false });
    const [cookie = ""] = response.headers.getSetCookie();
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43};`));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Expires=/i);
    expect(cookie).not.toMatch(/Secure/i);
    expect(userResponseSchema.parse(await (await client.get("/api/me")).json()).user.username).toBe(username);
  });

  it("stores a salted scrypt hash and only a hash of the session token", async () => {
    const { username, client } = await signUp(server, { password: "same password" });
    const other = await signUp(server, { password: "same password" });
    const hashes = server.db
      .prepare<[string, string], { password_hash: string }>("SELECT password_hash FROM users WHERE username IN (?, ?)")
      .all(username, other.username)
      .map((row) => row.password_hash);
    expect(hashes).toHaveLength(2);
    expect(hashes[0]).toMatch(/^scrypt\$/);
    expect(hashes[0]).not.toBe(hashes[1]);
    const token = client.cookie?.split("=")[1] ?? "";
    const stored = server.db.prepare("SELECT token_hash FROM sessions").pluck().all();
    expect(stored).not.toContain(token);
    expect(stored.every((hash) => typeof hash === "string" && /^[0-9a-f]{64}$/.test(hash))).toBe(true);
  });

  it("refuses a taken name, ignoring case, with 409 username_taken", async () => {
    const { username } = await signUp(server);
    const response = await apiClient(server).post("/api/auth/signup", {
      username: username.toUpperCase(),
      password: "password123",
    });
    expect(response.status).toBe(409);
    expect((await readError(response)).code).toBe("username_taken");
  });

  it.each([
    [{ username: "ab", password: "password123" }, "body.username"],
    [{ username: "a".repeat(25), password: "password123" }, "body.username"],
    [{ username: "robert'); DROP TABLE users;--", password: "password123" }, "body.username"],
    [{ username: "émile", password: "password123" }, "body.username"],
    [{ username: "space name", password: "password123" }, "body.username"],
    [{ username: "valid_name", password: "short" }, "body.password"],
    [{ username: "valid_name", password: "x".repeat(201) }, "body.password"],
    [{ username: 12345, password: "password123" }, "body.username"],
    [{ password: "password123" }, "body.username"],
    [{ username: "valid_name", password: "password123", isAdmin: true }, "body"],
  ])("refuses %o with 400 naming %s", async (body, path) => {
    const response = await apiClient(server).post("/api/auth/signup", body);
    expect(response.status).toBe(400);
    const error = await readError(response);
    expect(error.code).toBe("invalid_request");
    expect(error.details).toContainEqual(expect.objectContaining({ path }));
  });

  it("refuses malformed JSON with 400 invalid_json", async () => {
    const response = await apiClient(server).post("/api/auth/signup", '{"username": "x", ');
    expect(response.status).toBe(400);
    expect((await readError(response)).code).toBe("invalid_json");
  });

  it("refuses a body that is not JSON with 415", async () => {
    const response = await apiClient(server).post("/api/auth/signup", "username=a&password=b", {
      "Content-Type": "application/x-www-form-urlencoded",
    });
    expect(response.status).toBe(415);
    expect((await readError(response)).code).toBe("unsupported_media_type");
  });

  it("refuses an oversized body with 413", async () => {
    const response = await apiClient(server).post("/api/auth/signup", {
      username: "big",
      password: "x".repeat(40_000),
    });
    expect(response.status).toBe(413);
    expect((await readError(response)).code).toBe("payload_too_large");
  });
});

describe("POST /api/auth/login", () => {
  it("signs in with the right password, ignoring the name's case", async () => {
    const { username, password } = await signUp(server);
    const client = apiClient(server);
    const response = await client.post("/api/auth/login", { username: username.toUpperCase(), password });
    expect(response.status).toBe(200);
    expect(userResponseSchema.parse(await response.json()).user.username).toBe(username);
    expect((await client.get("/api/me")).status).toBe(200);
  });

  it("answers a wrong password and an unknown name identically", async () => {
    const { username } = await signUp(server);
    const wrongPassword = await apiClient(server).post("/api/auth/login", { username, password: "not the password" });
    const unknownName = await apiClient(server).post("/api/auth/login", {
      username: uniqueUsername("ghost"),
      password: "not the password",
    });
    expect(wrongPassword.status).toBe(401);
    expect(unknownName.status).toBe(401);
    expect(await readError(wrongPassword)).toEqual(await readError(unknownName));
    expect(wrongPassword.headers.getSetCookie()).toEqual([]);
  });

  it("never signs in a demo user, who has no password", async () => {
    makeDemoUser(server.db, { username: "demo_fan_1" });
    const response = await apiClient(server).post("/api/auth/login", {
      username: "demo_fan_1",
      password: "anything12",
    });
    expect(response.status).toBe(401);
    expect((await readError(response)).code).toBe("invalid_credentials");
  });
});

describe("sessions", () => {
  it("GET /api/me without a session answers 200 with no user: nobody signed in is an answer, not a failure", async () => {
    expect(await whoAmI(apiClient(server))).toBeNull();
  });

  it("ignores a forged or malformed session cookie", async () => {
    for (const forged of ["x", "a".repeat(43), "a".repeat(5000), "' OR 1=1 --"]) {
      const client = apiClient(server);
      client.cookie = `${SESSION_COOKIE}=${encodeURIComponent(forged)}`;
      expect(await whoAmI(client)).toBeNull();
    }
  });

  it("logout answers 204, clears the cookie and revokes the session on the server", async () => {
    const { client } = await signUp(server);
    const stolenCookie = client.cookie;
    const response = await client.post("/api/auth/logout");
    expect(response.status).toBe(204);
    expect(response.headers.getSetCookie()[0]).toMatch(new RegExp(`^${SESSION_COOKIE}=;`));
    const replay = apiClient(server);
    replay.cookie = stolenCookie;
    expect(await whoAmI(replay)).toBeNull();
  });

  // Sessions are remembered between requests (authService.ts): each test first asks once, so the answer after the
  // change could only come from memory if the cache were wrong.
  it("ends when the session expires, even one asked about a moment before, and its row is then purged", async () => {
    const clock = fixedClock("2017-01-10T12:00:00Z");
    const timed = await startTestServer({ clock });
    try {
      const { client } = await signUp(timed);
      clock.advance(SESSION_TTL_MS - 1);
      expect(await whoAmI(client)).not.toBeNull();
      expect(timed.services.auth.purgeExpiredSessions()).toBe(0);
      clock.advance(1);
      expect(await whoAmI(client)).toBeNull();
      expect(timed.services.auth.purgeExpiredSessions()).toBe(1);
      expect(timed.db.prepare("SELECT COUNT(*) AS n FROM sessions").get()).toEqual({ n: 0 });
    } finally {
      await timed.close();
    }
  });

  it("sees a role granted here at once", async () => {
    const { client, user } = await signUp(server);
    expect((await readMe(client)).isAdmin).toBe(false);
    server.services.auth.setAdmin(user.username, true);
    expect((await readMe(client)).isAdmin).toBe(true);
  });

  it("sees another process revoke a session or change a role within EXTERNAL_WRITE_CHECK_MS", async () => {
    const { client, user } = await signUp(server);
    const { client: revoked, user: revokedUser } = await signUp(server);
    expect((await readMe(client)).isAdmin).toBe(false);
    expect(await whoAmI(revoked)).not.toBeNull();
    // Raw SQL on a second connection on purpose: this is how another process (an operator's CLI) looks to us.
    const operator = openDatabase(server.dbPath);
    try {
      operator.prepare("UPDATE users SET is_admin = 1 WHERE id = ?").run(user.id);
      operator.prepare("DELETE FROM sessions WHERE user_id = ?").run(revokedUser.id);
    } finally {
      operator.close();
    }
    await sleep(EXTERNAL_WRITE_CHECK_MS + 10);
    expect((await readMe(client)).isAdmin).toBe(true);
    expect(await whoAmI(revoked)).toBeNull();
  });
});

/** Who `GET /api/me` says is signed in: a user, or null for nobody. */
async function whoAmI(client: ReturnType<typeof apiClient>) {
  const response = await client.get("/api/me");
  expect(response.status).toBe(200);
  return meResponseSchema.parse(await response.json()).user;
}

async function readMe(client: ReturnType<typeof apiClient>) {
  const user = await whoAmI(client);
  if (!user) throw new Error("expected a signed-in user");
  return user;
}

describe("CSRF", () => {
  it("refuses a state-changing request without X-Requested-With with 403 csrf", async () => {
    const response = await server.fetch("/api/auth/signup", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username: uniqueUsername(), password: "password123" }),
    });
    expect(response.status).toBe(403);
    expect((await readError(response)).code).toBe("csrf");
  });

  it("refuses a request from another origin even with the header", async () => {
    const response = await apiClient(server).post(
      "/api/auth/signup",
      { username: uniqueUsername(), password: "password123" },
      { Origin: "https://evil.example" },
    );
    expect(response.status).toBe(403);
    expect((await readError(response)).code).toBe("csrf");
  });

  it("accepts a request from its own origin", async () => {
    const response = await apiClient(server).post(
      "/api/auth/signup",
      { username: uniqueUsername(), password: "password123" },
      { Origin: server.url },
    );
    expect(response.status).toBe(201);
  });

  it("never answers a CORS preflight with permission", async () => {
    const response = await server.fetch("/api/picks/1", {
      method: "OPTIONS",
      headers: { Origin: "https://evil.example", "Access-Control-Request-Method": "PUT" },
    });
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("failed sign-in limits", () => {
  // One trusted proxy hop, so each request names its client address in X-Forwarded-For.
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startTestServer({
      env: {
        TRUST_PROXY: "1",
        RATE_LIMIT_FAILED_LOGINS_PER_USERNAME_PER_IP: "10",
        RATE_LIMIT_FAILED_LOGINS_PER_IP: "12",
      },
    });
  });
  afterAll(() => limited.close());

  const signIn = (username: string, password: string, address: string) =>
    apiClient(limited).post("/api/auth/login", { username, password }, { "X-Forwarded-For": address });

  it("never locks a fan out from another address, while the failing address is stopped", async () => {
    const bob = await signUp(limited);
    for (let attempt = 1; attempt <= 12; attempt++) {
      const response = await signIn(bob.username, "not bob's password", "203.0.113.1");
      expect(response.status, `attempt ${attempt}`).toBe(attempt <= 10 ? 401 : 429);
    }
    expect((await signIn(bob.username, bob.password, "198.51.100.7")).status).toBe(200);

    const blocked = await signIn(bob.username, bob.password, "203.0.113.1");
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await readError(blocked)).code).toBe("rate_limited");
    expect(blocked.headers.getSetCookie()).toEqual([]);
  });

  // Sixty 32 MiB scrypt checks share the machine's cores: a loaded two-core runner needs more than the default wait.
  it("counts an attempt only once it has failed: 60 concurrent right passwords all succeed and leave no count", async () => {
    const fan = await signUp(limited);
    const address = "203.0.113.2";
    const answers = await Promise.all(Array.from({ length: 60 }, () => signIn(fan.username, fan.password, address)));
    expect(answers.map((response) => response.status)).toEqual(Array(60).fill(200));
    // Nine failures leave one to spare under a limit of ten, only if the sixty successes counted nothing.
    for (let attempt = 0; attempt < 9; attempt++) {
      expect((await signIn(fan.username, "a wrong password", address)).status).toBe(401);
    }
    expect((await signIn(fan.username, fan.password, address)).status).toBe(200);
  }, 120_000);

  it("limits failures from one address across usernames", async () => {
    const fan = await signUp(limited);
    const address = "203.0.113.3";
    for (let attempt = 0; attempt < 12; attempt++) {
      expect((await signIn(uniqueUsername("guess"), "a wrong password", address)).status).toBe(401);
    }
    const blocked = await signIn(fan.username, fan.password, address);
    expect(blocked.status).toBe(429);
    expect((await readError(blocked)).message).toMatch(/network/);
    expect((await signIn(fan.username, fan.password, "198.51.100.8")).status).toBe(200);
  });
});

describe("rate limits", () => {
  it("limits failed sign-ins per username from one address with 429 and Retry-After", async () => {
    const limited = await startTestServer({ env: { RATE_LIMIT_FAILED_LOGINS_PER_USERNAME_PER_IP: "3" } });
    try {
      const { username, password } = await signUp(limited);
      for (let attempt = 0; attempt < 3; attempt++) {
        expect(
          (await apiClient(limited).post("/api/auth/login", { username, password: "wrong-password" })).status,
        ).toBe(401);
      }
      const blocked = await apiClient(limited).post("/api/auth/login", { username, password });
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await readError(blocked)).code).toBe("rate_limited");
      const otherUser = await signUp(limited);
      const unaffected = await apiClient(limited).post("/api/auth/login", {
        username: otherUser.username,
        password: otherUser.password,
      });
      expect(unaffected.status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it("limits sign-ups per IP", async () => {
    const limited = await startTestServer({ env: { RATE_LIMIT_SIGNUPS_PER_IP_PER_HOUR: "2" } });
    try {
      await signUp(limited);
      await signUp(limited);
      const blocked = await apiClient(limited).post("/api/auth/signup", {
        username: uniqueUsername(),
        password: "password123",
      });
      expect(blocked.status).toBe(429);
      expect(blocked.headers.get("retry-after")).not.toBeNull();
    } finally {
      await limited.close();
    }
  });
});
