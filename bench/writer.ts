/**
 * One writer process of the workers scenario (bench/workers.ts): writes picks through the app's own write path as
 * fast as it can for a while, timing how long each transaction waited for SQLite's write lock.
 * Usage: writer.ts PLAN_FILE (JSON of `WriterPlan`); prints "ready" once its fans' picks are known, starts on a "go"
 * line on stdin, and prints its `WriterOutcome` as one line of JSON.
 */
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { setImmediate as nextTurn } from "node:timers/promises";
import { systemClock } from "../server/clock.js";
import { openDatabase } from "../server/db/connection.js";
import { createServices } from "../server/services/index.js";
import type { WriterOutcome } from "./workersReport.js";

export type WriterPlan = {
  dbPath: string;
  categoryId: number;
  contenderIds: [number, number];
  /** Session tokens of this writer's fans: no two writers share a fan. */
  tokens: string[];
  seconds: number;
  /** Picks per transaction, as group commit gathers them from one turn of the event loop. */
  groupSize: number;
};

const [planFile] = process.argv.slice(2);
if (!planFile) throw new Error("usage: writer.ts PLAN_FILE");
const plan = JSON.parse(readFileSync(planFile, "utf8")) as WriterPlan;
const db = openDatabase(plan.dbPath);
const services = createServices(db, systemClock);
const fans = plan.tokens.map((token) => {
  const user = services.auth.userForToken(token);
  if (!user) throw new Error("a writer's session token names no fan");
  return user.id;
});
const [first, second] = plan.contenderIds;
const setPick = (fan: number, contender: number) => services.picks.setPick(fan, plan.categoryId, contender);

// Every fan on the first nominee before the clock starts, so each timed write flips a pick (a change, never a no-op).
db.transaction(() => {
  for (const fan of fans) setPick(fan, first);
})();

const isBusy = (error: unknown) =>
  typeof error === "object" && error !== null && String((error as { code?: unknown }).code).startsWith("SQLITE_BUSY");

process.stdout.write("ready\n");
const lines = createInterface({ input: process.stdin });
await once(lines, "line");

const waitsMs: number[] = [];
let holdMs = 0;
let picks = 0;
let busyErrors = 0;
let next = 0;
const cpuAtStart = process.cpuUsage();
const startedAt = performance.now();
const endsAt = startedAt + plan.seconds * 1000;
while (performance.now() < endsAt) {
  // What group commit does, with the lock's wait timed: BEGIN IMMEDIATE takes the write lock through SQLite's busy
  // handler (busy_timeout, server/db/connection.ts), so its time is the wait; each pick runs in its own savepoint.
  const asked = performance.now();
  try {
    db.exec("BEGIN IMMEDIATE");
  } catch (error) {
    if (!isBusy(error)) throw error;
    busyErrors += 1;
    waitsMs.push(performance.now() - asked);
    continue;
  }
  const locked = performance.now();
  waitsMs.push(locked - asked);
  for (let index = 0; index < plan.groupSize; index += 1, next += 1) {
    const fan = fans[next % fans.length] as number;
    // Round one over the fans sets the second nominee, round two the first again, and so on.
    setPick(fan, Math.floor(next / fans.length) % 2 === 0 ? second : first);
  }
  db.exec("COMMIT");
  holdMs += performance.now() - locked;
  picks += plan.groupSize;
  // As the server does between groups: the rest of the turn runs before the next group takes the lock.
  await nextTurn();
}
const seconds = (performance.now() - startedAt) / 1000;
const cpu = process.cpuUsage(cpuAtStart);
const outcome: WriterOutcome = {
  seconds,
  commits: waitsMs.length - busyErrors,
  picks,
  busyErrors,
  waitsMs,
  holdMs,
  cpuSeconds: (cpu.user + cpu.system) / 1e6,
};
db.close();
// The services keep timers of their own that would hold the process open: it exits once its one line is out.
process.stdout.write(`${JSON.stringify(outcome)}\n`, () => process.exit(0));
