/**
 * The live stream across processes: two real servers on one database file, and the operator's import command.
 * A change committed by any of them reaches both servers' streams (the bound itself, one poll, is tested in
 * server/services/liveFeed.test.ts without wall-clock time).
 */
import { execFile } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { eventDetailSchema } from "../shared/schemas/events.js";
import { liveOddsMessageSchema, liveWinnerMessageSchema } from "../shared/schemas/live.js";
import { categoryOddsSchema } from "../shared/schemas/odds.js";
import { projectRoot } from "./paths.js";
import { launchSeasonFile } from "./seed/seedSeason.js";
import { fetcherFor } from "./test-support/apiClient.js";
import { signUp } from "./test-support/factories.js";
import { cleanUpServerProcesses, startServerProcess, tempDbPath } from "./test-support/serverProcess.js";
import { openStream } from "./test-support/sseReader.js";

afterEach(cleanUpServerProcesses);

/** Two servers on one file: the first creates and seeds it, the second opens it once that is done. */
async function twoServers() {
  const dbPath = tempDbPath();
  const a = await startServerProcess({ DB_PATH: dbPath }).listening;
  const b = await startServerProcess({ DB_PATH: dbPath }).listening;
  return { dbPath, a, b };
}

function runCli(script: string, dbPath: string, ...args: string[]) {
  return new Promise<{ status: number; output: string }>((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", script, ...args],
      { cwd: projectRoot, env: { ...process.env, DB_PATH: dbPath }, encoding: "utf8" },
      (error, stdout, stderr) => resolve({ status: error === null ? 0 : 1, output: stdout + stderr }),
    );
  });
}

// Four processes start on a loaded machine: give them room.
describe("the live stream across processes", { timeout: 60_000 }, () => {
  it("carries a pick made through one server, and a winner announced through the other, on both", async () => {
    const { dbPath, a, b } = await twoServers();
    const [streamA, streamB] = await Promise.all([openStream(a), openStream(b)]);
    const event = eventDetailSchema.parse(await (await fetch(`${a}/api/events/oscars-2017`)).json());
    const [category] = event.categories;
    const contender = category?.contenders.find((candidate) => candidate.status !== "eliminated");
    if (!category || !contender) throw new Error("the seeded season has no category");

    const { client } = await signUp(fetcherFor(a));
    expect((await client.put(`/api/picks/${category.id}`, { contenderId: contender.id })).status).toBe(200);
    for (const [url, stream] of [
      [a, streamA],
      [b, streamB],
    ] as const) {
      const message = await stream.next((entry) => entry.event === "odds");
      const odds = categoryOddsSchema.parse(await (await fetch(`${url}/api/categories/${category.id}/odds`)).json());
      expect(liveOddsMessageSchema.parse(JSON.parse(message.data)).categories).toEqual([odds]);
      expect(odds.contenders.find((entry) => entry.contenderId === contender.id)?.picks).toBe(1);
    }

    const { client: admin, username } = await signUp(fetcherFor(b));
    const grant = await runCli("server/cli/admin.ts", dbPath, "grant", username);
    expect(grant.status).toBe(0);
    expect(
      (await admin.post(`/api/admin/categories/${category.id}/winner`, { contenderId: contender.id })).status,
    ).toBe(200);
    for (const stream of [streamA, streamB]) {
      const message = await stream.next((entry) => entry.event === "winner");
      expect(liveWinnerMessageSchema.parse(JSON.parse(message.data)).categories).toEqual([
        {
          event: "oscars-2017",
          categoryId: category.id,
          winnerContenderId: contender.id,
          winnerHistory: [{ contenderId: contender.id, at: expect.any(String) }],
        },
      ]);
    }
    await Promise.all([streamA.close(), streamB.close()]);
  });

  it("tells both servers' streams to resync when the operator imports a season from the command line", async () => {
    const { dbPath, a, b } = await twoServers();
    const streams = await Promise.all([openStream(a), openStream(b)]);
    const imported = await runCli("server/cli/seasonImport.ts", dbPath, launchSeasonFile);
    expect(imported.output).toContain("Imported");
    for (const stream of streams) await stream.next((entry) => entry.event === "resync");
    await Promise.all(streams.map((stream) => stream.close()));
  });
});
