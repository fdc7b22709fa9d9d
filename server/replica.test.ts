/**
 * Replica mode with real processes, the test playing LiteFS: a primary on its database, and a replica on a copy
 * of it opened read-only, told where the primary is by PRIMARY_URL and that it is a replica by a `.primary` file.
 * The test writes both position files and ships the primary's pages to the copy, as LiteFS would. Every request is
 * bounded; no test measures time.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { meResponseSchema } from "../shared/schemas/auth.js";
import { apiErrorSchema } from "../shared/schemas/errors.js";
import { uniqueUsername } from "./test-support/factories.js";
import { cleanUpServerProcesses, startServerProcess, tempDir } from "./test-support/serverProcess.js";

afterEach(cleanUpServerProcesses);

const position = (txid: number) => `${txid.toString(16).padStart(16, "0")}/00000000deadbeef\n`;

/** Copies the primary's database onto the replica's, page by page through SQLite, as LiteFS ships a commit. */
async function ship(from: string, to: string) {
  const source = new Database(from, { readonly: true });
  try {
    await source.backup(to);
  } finally {
    source.close();
  }
}

/** A fan's browser: every cookie it was given, sent back on each request; every request bounded. */
function browser(url: string) {
  const cookies = new Map<string, string>();
  return {
    cookies,
    async fetch(pathname: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
      const response = await fetch(`${url}${pathname}`, {
        method: init.method ?? "GET",
        headers: {
          "X-Requested-With": "XMLHttpRequest",
          ...(init.body === undefined ? {} : { "Content-Type": "application/json" }),
          ...(cookies.size > 0 ? { Cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join("; ") } : {}),
          ...init.headers,
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(15_000),
      });
      for (const setCookie of response.headers.getSetCookie()) {
        const [pair = ""] = setCookie.split(";");
        const [name = "", value = ""] = pair.split("=");
        cookies.set(name, value);
      }
      return response;
    },
  };
}

async function primaryAndReplica(env: NodeJS.ProcessEnv = {}) {
  const primaryDir = tempDir();
  const primaryDb = path.join(primaryDir, "app.db");
  const primaryPosition = path.join(primaryDir, "app.db-pos");
  writeFileSync(primaryPosition, position(0x10));
  const primary = startServerProcess({ DB_PATH: primaryDb, LITEFS_DIR: primaryDir, TRUST_PROXY: "loopback" });
  const primaryUrl = await primary.listening;

  const replicaDir = tempDir();
  const replicaDb = path.join(replicaDir, "app.db");
  await ship(primaryDb, replicaDb);
  // LiteFS's stand-in keeps the copy open, as LiteFS keeps its files, so the replica's read-only connection finds
  // the WAL index it needs.
  const litefs = new Database(replicaDb);
  litefs.pragma("journal_mode = WAL");
  const replicaPosition = path.join(replicaDir, "app.db-pos");
  writeFileSync(replicaPosition, position(0x10));
  writeFileSync(path.join(replicaDir, ".primary"), "127.0.0.1\n");
  const replica = startServerProcess({
    DB_PATH: replicaDb,
    LITEFS_DIR: replicaDir,
    PRIMARY_URL: primaryUrl,
    TRUST_PROXY: "loopback",
    LOG_LEVEL: "debug",
    ...env,
  });
  const replicaUrl = await replica.listening;
  return {
    primary: { process: primary, url: primaryUrl, db: primaryDb, position: primaryPosition },
    replica: { process: replica, url: replicaUrl, db: replicaDb, position: replicaPosition },
    /** LiteFS's work: the replica gets the primary's pages, then its position moves to the primary's. */
    async catchUp() {
      await ship(primaryDb, replicaDb);
      writeFileSync(replicaPosition, readFileSync(primaryPosition));
    },
    closeLitefs: () => litefs.close(),
  };
}

async function bestPicture(fan: ReturnType<typeof browser>) {
  const event = (await (await fan.fetch("/api/events/oscars-2017")).json()) as {
    categories: { id: number; slug: string; contenders: { id: number }[] }[];
  };
  const category = event.categories.find((each) => each.slug === "best-picture");
  const contender = category?.contenders[0];
  if (!category || !contender) throw new Error("Best Picture is not seeded");
  return { categoryId: category.id, contenderId: contender.id };
}

const errorCode = async (response: Response) => apiErrorSchema.parse(await response.json()).error.code;

// Each test starts two servers, each migrating or seeding a database: slow on a loaded machine, never hanging.
describe("replica mode", { timeout: 120_000 }, () => {
  it("a pick sent to the replica is served by the primary, and the fan's next read waits for it to arrive", async () => {
    const { primary, replica, catchUp } = await primaryAndReplica({ REPLICA_WAIT_TIMEOUT_MS: "30000" });
    const fan = browser(replica.url);
    const { categoryId, contenderId } = await bestPicture(fan);

    // The primary commits the sign-up at TXID 0x11; the fan's address is the one the replica saw.
    writeFileSync(primary.position, position(0x11));
    const username = uniqueUsername();
    const signUp = await fan.fetch("/api/auth/signup", {
      method: "POST",
      body: { username, password: "correct horse battery" },
      headers: { "X-Forwarded-For": "203.0.113.7" },
    });
    expect(signUp.status).toBe(201);
    expect(fan.cookies.get("frontrunner_session")).toBeTruthy();
    expect(fan.cookies.get("fr_txid")).toBe("0000000000000011");
    expect(signUp.headers.get("x-frontrunner-txid")).toBeNull();
    const txidCookie = signUp.headers.getSetCookie().find((cookie) => cookie.startsWith("fr_txid="));
    expect(txidCookie).toMatch(/HttpOnly/i);
    expect(txidCookie).toMatch(/SameSite=Lax/i);
    expect(txidCookie).toMatch(/Max-Age=60/i);
    await expect.poll(() => primary.process.output()).toContain('"remoteAddress":"203.0.113.7"');
    // Both servers log the request under the id the fan was given.
    const requestId = signUp.headers.get("x-request-id") ?? "no id";
    await expect.poll(() => primary.process.output()).toContain(`"reqId":"${requestId}"`);
    await expect.poll(() => replica.process.output()).toContain(`"reqId":"${requestId}"`);
    await catchUp();

    writeFileSync(primary.position, position(0x12));
    const pick = await fan.fetch(`/api/picks/${categoryId}`, { method: "PUT", body: { contenderId } });
    expect(pick.status).toBe(200);
    expect(fan.cookies.get("fr_txid")).toBe("0000000000000012");
    // The primary has it; the replica's copy does not yet.
    const onPrimary = browser(primary.url);
    for (const [name, value] of fan.cookies) onPrimary.cookies.set(name, value);
    const primaryPicks = await (await onPrimary.fetch("/api/me/picks")).json();
    expect(JSON.stringify(primaryPicks)).toContain(`"contenderId":${contenderId}`);

    const read = fan.fetch("/api/me/picks");
    await expect.poll(() => replica.process.output()).toContain("waiting for the write");
    await catchUp();
    const answer = await read;
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual(primaryPicks);
    expect(replica.process.output()).not.toContain("wait timed out");
  });

  it("a read whose write never arrives is served from the replica once the wait's bound passes", async () => {
    const { primary, replica } = await primaryAndReplica({ REPLICA_WAIT_TIMEOUT_MS: "200" });
    const fan = browser(replica.url);
    writeFileSync(primary.position, position(0x11));
    const username = uniqueUsername();
    const signUp = await fan.fetch("/api/auth/signup", {
      method: "POST",
      body: { username, password: "correct horse battery" },
    });
    expect(signUp.status).toBe(201);
    expect(fan.cookies.get("fr_txid")).toBe("0000000000000011");

    // LiteFS never ships the sign-up: the copy has no such session, and says so once it stops waiting.
    const me = await fan.fetch("/api/me");
    expect(me.status).toBe(200);
    expect(meResponseSchema.parse(await me.json()).user).toBeNull();
    expect(replica.process.output()).toContain("read-your-writes wait timed out");
    expect(existsSync(replica.position)).toBe(true);
  });

  it("never writes to its copy: reads, forwarded writes and a GET that counts are all served without it", async () => {
    const { replica, closeLitefs } = await primaryAndReplica();
    closeLitefs();
    const files = [replica.db, `${replica.db}-wal`].filter((file) => existsSync(file));
    const digest = () => files.map((file) => createHash("sha256").update(readFileSync(file)).digest("hex"));
    const before = digest();
    const watcher = new Database(replica.db, { readonly: true });
    const dataVersion = () => watcher.pragma("data_version", { simple: true });
    const versionBefore = dataVersion();

    const fan = browser(replica.url);
    const { categoryId, contenderId } = await bestPicture(fan);
    expect((await fan.fetch(`/api/categories/${categoryId}/odds`)).status).toBe(200);
    expect((await fan.fetch("/api/leaderboard")).status).toBe(200);
    const signUp = await fan.fetch("/api/auth/signup", {
      method: "POST",
      body: { username: uniqueUsername(), password: "correct horse battery" },
    });
    expect(signUp.status).toBe(201);
    expect((await fan.fetch(`/api/picks/${categoryId}`, { method: "PUT", body: { contenderId } })).status).toBe(200);
    // An invite preview counts against a limit (a write): the primary answers it, here that the code is unknown.
    const preview = await fan.fetch("/api/pools/invites/nosuchcode1234");
    expect(preview.status).toBe(404);
    expect(await errorCode(preview)).toBe("not_found");

    expect(dataVersion()).toBe(versionBefore);
    watcher.close();
    expect(digest()).toEqual(before);
  });

  it("answers 503 primary_unavailable at once when the primary is down, and keeps serving reads", async () => {
    const { primary, replica } = await primaryAndReplica();
    const fan = browser(replica.url);
    const { categoryId, contenderId } = await bestPicture(fan);
    primary.process.child.kill("SIGKILL");
    await primary.process.exited;

    const signUp = await fan.fetch("/api/auth/signup", {
      method: "POST",
      body: { username: uniqueUsername(), password: "correct horse battery" },
    });
    expect(signUp.status).toBe(503);
    expect(await errorCode(signUp)).toBe("primary_unavailable");
    const pick = await fan.fetch(`/api/picks/${categoryId}`, { method: "PUT", body: { contenderId } });
    expect(pick.status).toBe(503);
    expect((await fan.fetch(`/api/categories/${categoryId}/odds`)).status).toBe(200);
  });
});
