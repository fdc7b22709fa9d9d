/** The live feed reads the change log: another connection's commit is heard at the next poll, and old rows go. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { systemClock } from "../clock.js";
import { openDatabase } from "../db/connection.js";
import { migrate } from "../db/migrate.js";
import { createLiveChangeRepository } from "../repositories/liveChangeRepository.js";
import { createSeasonRepository } from "../repositories/seasonRepository.js";
import { seedSeasonIfEmpty } from "../seed/seedSeason.js";
import { makeUser, oscarIds } from "../test-support/factories.js";
import { createServices } from "./index.js";
import { createLiveFeed, LIVE_POLL_MS, type LiveChanges } from "./liveFeed.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "frontrunner-feed-"));
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

/** Two connections to one file, as two processes have: `writer` writes through the services, `reader` listens. */
function twoConnections() {
  const file = path.join(dir, "app.db");
  const writerDb = openDatabase(file);
  migrate(writerDb);
  const writer = createServices(writerDb, systemClock);
  seedSeasonIfEmpty(writer.season);
  const readerDb = openDatabase(file);
  let wall = 0;
  const feed = createLiveFeed({
    changes: createLiveChangeRepository(readerDb),
    seasons: createSeasonRepository(readerDb),
    now: () => wall,
  });
  return { writer, readerDb, feed, advanceWall: (ms: number) => (wall += ms) };
}

it("hears another connection's pick and winner within one poll, each thing once", async () => {
  const { writer, feed } = twoConnections();
  const ids = oscarIds(writer);
  const picture = ids.category("best-picture");
  const moonlight = ids.contender("best-picture", "moonlight");
  const fans = await Promise.all([makeUser(writer), makeUser(writer)]);
  vi.useFakeTimers();
  const batches: LiveChanges[] = [];
  feed.listen((batch) => batches.push(batch));
  for (const fan of fans) writer.picks.setPick(fan.id, picture, moonlight);

  expect(batches).toEqual([]);
  vi.advanceTimersByTime(LIVE_POLL_MS);
  expect(batches).toEqual([{ odds: [picture], winners: [], scores: [], season: false }]);

  writer.admin.setWinner({ userId: null, name: "cli:test" }, picture, moonlight);
  vi.advanceTimersByTime(LIVE_POLL_MS);
  expect(batches[1]?.winners).toEqual([picture]);
  expect(batches[1]?.scores.map((board) => board.eventId)).toEqual([ids.event.id]);
  expect(feed.winnerOf(picture)).toEqual({
    eventSlug: "oscars-2017",
    categoryId: picture,
    winnerContenderId: moonlight,
    winnerHistory: [{ category_id: picture, contender_id: moonlight, at: expect.any(Number) }],
  });

  vi.advanceTimersByTime(10 * LIVE_POLL_MS);
  expect(batches).toHaveLength(2);
});

it("prunes rows older than five minutes, keeping the newest", async () => {
  vi.useFakeTimers();
  const { writer, readerDb, feed, advanceWall } = twoConnections();
  const count = () => readerDb.prepare<[], number>("SELECT COUNT(*) FROM live_changes").pluck().get();
  feed.listen(() => undefined);
  writer.liveFeed.oddsChanged(1);
  writer.liveFeed.oddsChanged(2);
  advanceWall(Date.now() + 6 * 60_000);
  vi.advanceTimersByTime(LIVE_POLL_MS);
  expect(count()).toBe(1);
});
