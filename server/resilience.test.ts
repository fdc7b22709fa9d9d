/**
 * Crash safety, graceful shutdown and online backup, each against the real server process.
 * These prove durability properties; no test here measures time.
 */

import { existsSync, readFileSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { picksResponseSchema } from "../shared/schemas/picks.js";
import { backupDatabase } from "./db/backup.js";
import { openDatabase } from "./db/connection.js";
import { migrate } from "./db/migrate.js";
import { apiClient, fetcherFor } from "./test-support/apiClient.js";
import { signUp } from "./test-support/factories.js";
import { cleanUpServerProcesses, startServerProcess, tempDbPath } from "./test-support/serverProcess.js";

afterEach(cleanUpServerProcesses);

type Write = { categoryId: number; contenderId: number };

/** Alternates between two contenders in every category, so each write really changes the pick. */
async function ballotWrites(url: string): Promise<Write[]> {
  const event = (await (await fetch(`${url}/api/events/oscars-2017`)).json()) as {
    categories: { id: number; contenders: { id: number }[] }[];
  };
  const writes: Write[] = [];
  for (let round = 0; round < 40; round++) {
    for (const category of event.categories) {
      const contender = category.contenders[round % 2];
      if (contender) writes.push({ categoryId: category.id, contenderId: contender.id });
    }
  }
  return writes;
}

const readEvents = (dbPath: string) => {
  const db = new Database(dbPath, { readonly: true });
  try {
    return {
      events: db
        .prepare<[], Write>(
          "SELECT category_id AS categoryId, contender_id AS contenderId FROM pick_events ORDER BY id",
        )
        .all(),
      integrity: db.pragma("integrity_check", { simple: true }),
    };
  } finally {
    db.close();
  }
};

describe("crash safety", () => {
  it("keeps every acknowledged pick after SIGKILL mid-stream, and the database stays intact", async () => {
    const dbPath = tempDbPath();
    const server = startServerProcess({ DB_PATH: dbPath });
    const url = await server.listening;
    const { client } = await signUp(fetcherFor(url));
    const writes = await ballotWrites(url);

    const acknowledged: Write[] = [];
    const killAfter = 60;
    for (const write of writes) {
      if (acknowledged.length === killAfter) {
        // Kill while this write is on its way: it may or may not land, but it was never acknowledged.
        const inFlight = client.put(`/api/picks/${write.categoryId}`, { contenderId: write.contenderId });
        server.child.kill("SIGKILL");
        await inFlight.catch(() => undefined);
        break;
      }
      const response = await client.put(`/api/picks/${write.categoryId}`, { contenderId: write.contenderId });
      if (response.ok) acknowledged.push(write);
    }
    expect((await server.exited).signal).toBe("SIGKILL");
    expect(acknowledged).toHaveLength(killAfter);

    const { events, integrity } = readEvents(dbPath);
    expect(integrity).toBe("ok");
    expect(events.slice(0, acknowledged.length)).toEqual(acknowledged);
    expect(events.length).toBeLessThanOrEqual(acknowledged.length + 1);

    const restarted = startServerProcess({ DB_PATH: dbPath });
    const restartedUrl = await restarted.listening;
    const lastAcknowledged = new Map(acknowledged.map((write) => [write.categoryId, write.contenderId]));
    const signedIn = apiClient(fetcherFor(restartedUrl));
    signedIn.cookie = client.cookie;
    const { picks } = picksResponseSchema.parse(await (await signedIn.get("/api/me/picks")).json());
    const unacknowledged = events[acknowledged.length];
    for (const pick of picks) {
      const expected =
        unacknowledged?.categoryId === pick.categoryId
          ? unacknowledged.contenderId
          : lastAcknowledged.get(pick.categoryId);
      expect(pick.contenderId).toBe(expected);
    }
    expect(picks).toHaveLength(lastAcknowledged.size);
  });
});

/** Sends a request's head with `Expect: 100-continue` and resolves once the server has accepted it. */
function startSlowRequest(url: string, path: string, cookie: string, body: string) {
  const { hostname, port } = new URL(url);
  const socket: Socket = connect(Number(port), hostname);
  let received = "";
  const continued = new Promise<void>((resolve) => {
    socket.on("data", (chunk) => {
      received += chunk.toString();
      if (received.includes("100 Continue")) resolve();
    });
  });
  const closed = new Promise<string>((resolve) => socket.on("close", () => resolve(received)));
  socket.write(
    [
      `PUT ${path} HTTP/1.1`,
      `Host: ${hostname}:${port}`,
      "Content-Type: application/json",
      "X-Requested-With: XMLHttpRequest",
      `Cookie: ${cookie}`,
      `Content-Length: ${Buffer.byteLength(body)}`,
      "Expect: 100-continue",
      "Connection: close",
      "",
      "",
    ].join("\r\n"),
  );
  return { continued, closed, finish: () => socket.write(body) };
}

const refusesConnections = (url: string) =>
  fetch(`${url}/api/health`).then(
    () => false,
    () => true,
  );

describe("graceful shutdown", () => {
  it("on SIGTERM stops accepting, finishes the in-flight request, closes the database and exits 0", async () => {
    const dbPath = tempDbPath();
    const server = startServerProcess({ DB_PATH: dbPath });
    const url = await server.listening;
    const { client } = await signUp(fetcherFor(url));
    const [write] = await ballotWrites(url);
    if (!write) throw new Error("no categories seeded");

    const slow = startSlowRequest(
      url,
      `/api/picks/${write.categoryId}`,
      client.cookie ?? "",
      JSON.stringify({ contenderId: write.contenderId }),
    );
    await slow.continued;
    server.child.kill("SIGTERM");
    await expect.poll(() => refusesConnections(url)).toBe(true);

    slow.finish();
    const response = await slow.closed;
    expect(response).toMatch(/HTTP\/1\.1 200 OK/);
    expect(response).toContain(`"contenderId":${write.contenderId}`);
    expect((await server.exited).code).toBe(0);
    expect(server.output()).toContain('"msg":"stopped"');
    // A cleanly closed WAL database checkpoints and removes its write-ahead log.
    expect(existsSync(`${dbPath}-wal`) ? statSync(`${dbPath}-wal`).size : 0).toBe(0);
    expect(readEvents(dbPath).events).toEqual([write]);
  });

  it("stops cleanly on SIGTERM even while a live odds stream is open", async () => {
    const server = startServerProcess({ DB_PATH: tempDbPath() });
    const url = await server.listening;
    const stream = await fetch(`${url}/api/odds/stream`);
    await stream.body?.getReader().read();
    server.child.kill("SIGTERM");
    expect((await server.exited).code).toBe(0);
    expect(server.output()).toContain('"msg":"stopped"');
  });
});

describe("online backup", () => {
  it("copies a live database consistently, and the copy serves the same ballot", async () => {
    const dbPath = tempDbPath();
    const server = startServerProcess({ DB_PATH: dbPath });
    const url = await server.listening;
    const { client } = await signUp(fetcherFor(url));
    const writes = await ballotWrites(url);
    for (const write of writes.slice(0, 16)) {
      await client.put(`/api/picks/${write.categoryId}`, { contenderId: write.contenderId });
    }

    // Keep writing while the backup runs: the copy must still be a consistent database.
    let writing = true;
    const concurrentWrites = (async () => {
      for (const write of writes.slice(16)) {
        if (!writing) break;
        await client.put(`/api/picks/${write.categoryId}`, { contenderId: write.contenderId });
      }
    })();
    const duringWrites = await backupDatabase(dbPath, tempDbPath());
    writing = false;
    await concurrentWrites;
    expect(duringWrites.integrity).toBe("ok");

    const backupPath = tempDbPath();
    const quiet = await backupDatabase(dbPath, backupPath);
    expect(quiet.integrity).toBe("ok");
    const expected = picksResponseSchema.parse(await (await client.get("/api/me/picks")).json());

    server.child.kill("SIGTERM");
    await server.exited;
    const restored = startServerProcess({ DB_PATH: backupPath });
    const restoredClient = apiClient(fetcherFor(await restored.listening));
    restoredClient.cookie = client.cookie;
    expect(picksResponseSchema.parse(await (await restoredClient.get("/api/me/picks")).json())).toEqual(expected);
    expect(readEvents(backupPath).events).toEqual(readEvents(dbPath).events);
  });

  it("the backup CLI writes a checked copy, refuses to overwrite, and explains bad arguments", async () => {
    const { spawnSync } = await import("node:child_process");
    const run = (args: string[], env: NodeJS.ProcessEnv) =>
      spawnSync(process.execPath, ["--import", "tsx", "server/cli/backup.ts", ...args], {
        env: { ...process.env, ...env },
        encoding: "utf8",
      });
    const dbPath = tempDbPath();
    const db = openDatabase(dbPath);
    migrate(db);
    db.close();

    const target = tempDbPath();
    const made = run([target], { DB_PATH: dbPath });
    expect(made.status).toBe(0);
    expect(made.stdout).toContain("integrity ok");
    expect(existsSync(target)).toBe(true);

    const again = run([target], { DB_PATH: dbPath });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("already exists");

    const missing = run([tempDbPath()], { DB_PATH: tempDbPath() });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("no database at");

    const noTarget = run([], { DB_PATH: dbPath });
    expect(noTarget.status).toBe(1);
    expect(noTarget.stderr).toContain("usage: npm run backup -- <file>");
  });
});

describe("a log that cannot be written", () => {
  /** 2 MiB: above the seeded database and its WAL, which live under the same per-file cap. */
  const maxKiB = 2048;

  /** A server whose log file has room for its start-up lines and a few requests' lines, then fails with EFBIG. */
  async function serverWithNearlyFullLog() {
    const dbPath = tempDbPath();
    const logPath = path.join(path.dirname(dbPath), "server.log");
    writeFileSync(logPath, `${"x".repeat(maxKiB * 1024 - 2048)}\n`);
    const server = startServerProcess({ DB_PATH: dbPath }, { logFile: { path: logPath, maxKiB } });
    const url = await server.listening;
    const health = () => fetch(`${url}/api/health`, { signal: AbortSignal.timeout(10_000) });
    // Each request's line is about 250 bytes: these fill the file and go on past its cap.
    for (let request = 0; request < 20; request++) expect((await health()).status).toBe(200);
    expect(statSync(logPath).size).toBe(maxKiB * 1024);
    return { server, logPath, health };
  }

  it("keeps answering while every log write fails, and stops at once on SIGTERM", async () => {
    const { server, health } = await serverWithNearlyFullLog();
    for (let request = 0; request < 20; request++) expect((await health()).status).toBe(200);
    server.child.kill("SIGTERM");
    expect((await server.exited).code).toBe(0);
  });

  it("says how many lines it dropped once the log can be written again", async () => {
    const { server, logPath, health } = await serverWithNearlyFullLog();
    truncateSync(logPath, 0);
    expect((await health()).status).toBe(200);
    server.child.kill("SIGTERM");
    expect((await server.exited).code).toBe(0);
    const lines = readFileSync(logPath, "utf8")
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => JSON.parse(line) as { msg: string; droppedLines?: number });
    const report = lines.find((line) => line.droppedLines !== undefined);
    // 40 requests' lines cannot all have fitted in the 2 KB left.
    expect(report?.droppedLines).toBeGreaterThan(10);
    expect(lines.map((line) => line.msg)).toContain("stopped");
  });
});
