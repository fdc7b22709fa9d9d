/**
 * `WORKERS=2`: two server processes on one port over one database file, run as `npm start` runs them. A worker
 * killed during writes loses no acknowledged write and is replaced; SIGTERM stops them all. No test measures time.
 */
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { signUp } from "./test-support/factories.js";
import { cleanUpServerProcesses, startServerProcess, tempDbPath } from "./test-support/serverProcess.js";

afterEach(cleanUpServerProcesses);

type Write = { categoryId: number; contenderId: number };

/**
 * A connection the primary was handing to the worker at the moment it was killed can be left with no one to answer
 * it, and fetch would wait minutes for headers. A fan's browser gives up too; so does this client, and the write
 * counts as unacknowledged (which the check below allows to have been committed or not).
 */
const GIVE_UP_AFTER_MS = 10_000;
const patientFetcher = (url: string) => ({
  fetch: (pathname: string, init?: RequestInit) =>
    fetch(`${url}${pathname}`, { ...init, signal: AbortSignal.timeout(GIVE_UP_AFTER_MS) }),
});

/** Pids of the workers the primary reports started, in order. */
const workerPids = (output: string) =>
  [...output.matchAll(/"worker":(\d+),"msg":"worker started"/g)].map((match) => Number(match[1]));

const listeningCount = (output: string) => output.match(/"msg":"Frontrunner is listening"/g)?.length ?? 0;

async function twoWorkers() {
  const dbPath = tempDbPath();
  const server = startServerProcess({ DB_PATH: dbPath, WORKERS: "2" });
  const url = await server.listening;
  await expect.poll(() => listeningCount(server.output()), { timeout: 30_000 }).toBe(2);
  return { dbPath, server, url };
}

async function alternatingWrites(url: string): Promise<Write[]> {
  const event = (await (await fetch(`${url}/api/events/oscars-2017`)).json()) as {
    categories: { id: number; opensOn: string | null; contenders: { id: number }[] }[];
  };
  const writes: Write[] = [];
  // The categories open from the start: the rest open on nominations day, after this server's clock.
  const open = event.categories.filter((category) => category.opensOn === null);
  for (let round = 0; round < 10; round++) {
    for (const category of open) {
      const contender = category.contenders[round % 2];
      if (contender) writes.push({ categoryId: category.id, contenderId: contender.id });
    }
  }
  return writes;
}

describe("WORKERS=2", () => {
  it("a worker killed with SIGKILL during writes loses no acknowledged write, is replaced, and the port answers", {
    timeout: 300_000,
  }, async () => {
    const { dbPath, server, url } = await twoWorkers();
    const [first, second] = workerPids(server.output());
    if (first === undefined || second === undefined) throw new Error(`two workers expected: ${server.output()}`);
    const { client } = await signUp(patientFetcher(url));
    const writes = await alternatingWrites(url);

    const attempts: (Write & { acknowledged: boolean })[] = [];
    for (const [index, write] of writes.entries()) {
      if (index === 20) process.kill(first, "SIGKILL");
      const response = await client
        .put(`/api/picks/${write.categoryId}`, { contenderId: write.contenderId })
        .catch(() => undefined);
      attempts.push({ ...write, acknowledged: response?.ok === true });
    }
    // Connections to the dead worker fail; new ones go to the live worker, so nearly every write is acknowledged.
    expect(attempts.filter((attempt) => attempt.acknowledged).length).toBeGreaterThan(writes.length - 5);

    await expect.poll(() => workerPids(server.output()).length, { timeout: 60_000 }).toBe(3);
    expect(server.output()).toContain('"msg":"worker died: starting another"');
    await expect.poll(() => listeningCount(server.output()), { timeout: 60_000 }).toBe(3);
    await expect
      .poll(
        () =>
          patientFetcher(url)
            .fetch("/api/health")
            .then((response) => response.status),
        { timeout: 60_000 },
      )
      .toBe(200);

    const db = new Database(dbPath, { readonly: true });
    const picks = db
      .prepare<[], Write>("SELECT category_id AS categoryId, contender_id AS contenderId FROM picks")
      .all();
    db.close();
    // Each category holds its last acknowledged pick, or a later one whose answer was lost with the worker.
    for (const pick of picks) {
      const tried = attempts.filter((attempt) => attempt.categoryId === pick.categoryId);
      const lastAcknowledged = tried.findLastIndex((attempt) => attempt.acknowledged);
      const possible = tried.slice(lastAcknowledged).map((attempt) => attempt.contenderId);
      expect(possible).toContain(pick.contenderId);
      expect(tried[lastAcknowledged]).toBeDefined();
    }
    expect(picks).toHaveLength(new Set(writes.map((write) => write.categoryId)).size);
  });

  it("stops every worker and exits 0 on SIGTERM", { timeout: 120_000 }, async () => {
    const { server, url } = await twoWorkers();
    const pids = workerPids(server.output());
    server.child.kill("SIGTERM");
    expect((await server.exited).code).toBe(0);
    expect(server.output().match(/"msg":"stopped"/g)).toHaveLength(3);
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
    await expect(fetch(`${url}/api/health`)).rejects.toThrow();
  });

  it("stops with a clear message when WORKERS is not a count or auto", async () => {
    const server = startServerProcess({ DB_PATH: tempDbPath(), WORKERS: "many" });
    expect((await server.exited).code).toBe(1);
    expect(server.output()).toContain("WORKERS: must be a whole number of server processes from 1 to 64, or auto");
  });
});
