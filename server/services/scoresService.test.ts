/** Scoring against the shared rules: SQL points and ranks equal the domain functions, pick-at-lock, locked-in odds. */

import { describe, expect, it } from "vitest";
import { pointsForPick, type RankingEntry, rankEntries } from "../../shared/domain/scoring.js";
import { type Clock, fixedClock } from "../clock.js";
import { openDatabase } from "../db/connection.js";
import { migrate } from "../db/migrate.js";
import { POINTS_SQL } from "../repositories/scoreRepository.js";
import { createUserRepository } from "../repositories/userRepository.js";
import { type Random, seededRandom } from "../seed/random.js";
import { seedSeasonIfEmpty } from "../seed/seedSeason.js";
import { lookupBySlug } from "../test-support/apiClient.js";
import type { Actor } from "./adminService.js";
import { createServices } from "./index.js";

const operator: Actor = { userId: null, name: "cli:test" };

function setup(clock: Clock = fixedClock("2017-02-01T12:00:00Z")) {
  const db = openDatabase(":memory:");
  migrate(db);
  const services = createServices(db, clock);
  seedSeasonIfEmpty(services.season);
  const event = services.season.getEvent("oscars-2017");
  const users = createUserRepository(db);
  const { category, contender } = lookupBySlug(event);
  const addUser = (username: string, isDemo = false) =>
    users.insert({ username, passwordHash: null, isDemo, createdAt: 0 }).id;
  return { db, services, event, category, contender, addUser };
}

describe("points in SQL", () => {
  it("equal pointsForPick for right and wrong picks over many probabilities", () => {
    const { db } = setup();
    const statement = db.prepare<[number, number], { points: number }>(
      `SELECT ${POINTS_SQL} AS points
       FROM (SELECT 1 AS contender_id, ? AS locked_in_probability) p, (SELECT ? AS winner_contender_id) c`,
    );
    const random = seededRandom(7);
    const probabilities = [0, 1, 0.5, 0.005, 0.015, 0.895, 0.9, 0.905, 0.125, 0.135, 1 / 3, 2 / 3];
    for (let index = 0; index < 5000; index += 1) probabilities.push(random());
    for (let step = 0; step <= 1000; step += 1) probabilities.push(step / 1000);
    for (const probability of probabilities) {
      expect(statement.get(probability, 1)?.points).toBe(pointsForPick(true, probability));
      expect(statement.get(probability, 2)?.points).toBe(pointsForPick(false, probability));
    }
  });
});

type Expected = RankingEntry & { userId: number; isDemo: boolean; decided: number };

function randomSeasonOutcome(random: Random) {
  const world = setup();
  const { db, services, event } = world;
  const actual = 6;
  const completionTimes = [1_000, 2_000, 3_000];
  const probabilities = [0.1, 0.25, 0.5];
  const decidedCategories = event.categories.filter(() => random() < 0.7);
  const winners = new Map(decidedCategories.map((category) => [category.id, category.contenders[0]?.id ?? 0]));
  const insertPick = db.prepare(
    "INSERT INTO picks (user_id, category_id, contender_id, updated_at, locked_in_probability) VALUES (?, ?, ?, 0, ?)",
  );
  const insertAnswer = db.prepare("INSERT INTO tiebreaker_answers VALUES (?, ?, ?, 0)");
  const insertCompletion = db.prepare("INSERT INTO ballot_completions VALUES (?, ?, ?)");
  const boards = new Map<number, Expected[]>();
  const addToBoard = (board: number, entry: Expected) => boards.set(board, [...(boards.get(board) ?? []), entry]);

  for (let index = 0; index < 300; index += 1) {
    const isDemo = random() < 0.4;
    const userId = world.addUser(`fan ${index}`, isDemo);
    const answer = random() < 0.7 ? 3 + Math.floor(random() * 7) : null;
    if (answer !== null) insertAnswer.run(userId, event.id, answer);
    const completedAt = random() < 0.6 ? (completionTimes[Math.floor(random() * 3)] ?? null) : null;
    if (completedAt !== null) insertCompletion.run(userId, event.id, completedAt);
    const tiebreakerDistance = answer === null ? null : Math.abs(answer - actual);
    const overall: Expected = { userId, isDemo, points: 0, correct: 0, decided: 0, tiebreakerDistance, completedAt };
    let picked = 0;
    for (const category of event.categories) {
      if (random() < 0.2) continue;
      picked += 1;
      // Few contenders and few probabilities, so full ties are common.
      const contenderId = category.contenders[Math.floor(random() * 2)]?.id ?? 0;
      const probability = probabilities[Math.floor(random() * 3)] ?? 0.5;
      insertPick.run(userId, category.id, contenderId, probability);
      const winner = winners.get(category.id);
      if (winner === undefined) continue;
      const correct = contenderId === winner;
      const points = pointsForPick(correct, probability);
      overall.points += points;
      overall.correct += Number(correct);
      overall.decided += 1;
      addToBoard(category.id, { ...overall, points, correct: Number(correct), decided: 1 });
    }
    if (picked > 0) addToBoard(0, overall);
  }
  // The actual value first, so the final scores are the work of the per-category re-scores winners trigger.
  services.admin.setTiebreakerActual(operator, "oscars-2017", actual);
  for (const [categoryId, winner] of winners) services.admin.setWinner(operator, categoryId, winner);
  return { ...world, boards };
}

describe("ranks in SQL", () => {
  it("equal rankEntries on random data, overall and per category, for everyone and for real users only", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const { db, event, boards } = randomSeasonOutcome(seededRandom(seed));
      const stored = db.prepare<
        [number, number],
        { user_id: number; points: number; correct: number; decided: number; rank: number; real_rank: number | null }
      >("SELECT user_id, points, correct, decided, rank, real_rank FROM scores WHERE event_id = ? AND category_id = ?");
      // Pages read by position: 1, 2, 3… with ranks never going down.
      const byPosition = db.prepare<[number, number], { position: number; rank: number }>(
        "SELECT position, rank FROM scores WHERE event_id = ? AND category_id = ? ORDER BY position",
      );
      expect(boards.size).toBeGreaterThan(1);
      for (const [board, entries] of boards) {
        const rows = new Map(stored.all(event.id, board).map((row) => [row.user_id, row]));
        const positions = byPosition.all(event.id, board);
        expect(positions.map((row) => row.position)).toEqual(positions.map((_, index) => index + 1));
        expect(positions.map((row) => row.rank)).toEqual(positions.map((row) => row.rank).toSorted((a, b) => a - b));
        expect(rows.size).toBe(entries.length);
        const realRanks = new Map(rankEntries(entries.filter((entry) => !entry.isDemo)).map((e) => [e.userId, e.rank]));
        for (const entry of rankEntries(entries)) {
          expect(rows.get(entry.userId)).toEqual({
            user_id: entry.userId,
            points: entry.points,
            correct: entry.correct,
            decided: entry.decided,
            rank: entry.rank,
            real_rank: realRanks.get(entry.userId) ?? null,
          });
        }
      }
    }
  });
});

describe("what a pick scores", () => {
  it("locks in the consensus the fan saw just before their own pick", () => {
    const { services, category, contender, addUser } = setup();
    const picture = category("best-picture").id;
    const moonlight = contender("best-picture", "moonlight");
    for (const [index, slug] of ["la-la-land", "la-la-land", "moonlight"].entries()) {
      services.picks.setPick(addUser(`early ${index}`), picture, contender("best-picture", slug));
    }
    const seen = services.odds.getOdds(picture).contenders.find((row) => row.contenderId === moonlight);
    const pick = services.picks.setPick(addUser("late"), picture, moonlight);
    expect(pick.lockedInProbability).toBeCloseTo(seen?.probability ?? Number.NaN, 12);
    // The fan's own pick moves the odds afterwards, not the odds they locked in.
    const after = services.odds.getOdds(picture).contenders.find((row) => row.contenderId === moonlight);
    expect(after?.probability).toBeGreaterThan(pick.lockedInProbability ?? 1);
  });

  it("counts the pick held at lock: a change after lock is refused, so the current pick is the pick at lock", () => {
    const clock = fixedClock("2017-02-01T12:00:00Z");
    const { services, event, category, contender, addUser, db } = setup(clock);
    const picture = category("best-picture").id;
    const fan = addUser("steady");
    const early = services.picks.setPick(fan, picture, contender("best-picture", "moonlight"));
    db.prepare("UPDATE categories SET locks_at = ? WHERE id = ?").run(clock.now().getTime() + 1000, picture);
    clock.advance(1000);
    expect(() => services.picks.setPick(fan, picture, contender("best-picture", "la-la-land"))).toThrow(
      expect.objectContaining({ code: "category_locked" }),
    );
    expect(() => services.picks.clearPick(fan, picture)).toThrow(expect.objectContaining({ code: "category_locked" }));
    services.admin.setWinner(operator, picture, contender("best-picture", "moonlight"));
    const query = { event: "oscars-2017", category: "best-picture", limit: 25, offset: 0, demo: true };
    const board = services.scores.leaderboard(query);
    expect(services.scores.standingOn(query, fan)).toEqual({
      rank: 1,
      username: "steady",
      points: pointsForPick(true, early.lockedInProbability ?? 1),
      correct: 1,
      decided: 1,
      accuracy: 1,
    });
    expect(board.decidedCategories).toBe(1);
    expect(event.categories.length).toBeGreaterThan(1);
  });

  it("records the first moment a ballot is complete, and a later clear and re-pick does not move it", () => {
    const clock = fixedClock("2017-02-01T12:00:00Z");
    const { services, event, addUser } = setup(clock);
    const fan = addUser("completist");
    for (const category of event.categories) {
      clock.advance(60_000);
      services.picks.setPick(fan, category.id, category.contenders[0]?.id ?? 0);
    }
    const completedAt = clock.now().getTime();
    expect(services.scores.completedAt(fan, event.id)).toBe(completedAt);
    const first = event.categories[0];
    clock.advance(60_000);
    services.picks.clearPick(fan, first?.id ?? 0);
    services.picks.setPick(fan, first?.id ?? 0, first?.contenders[1]?.id ?? 0);
    expect(services.scores.completedAt(fan, event.id)).toBe(completedAt);
  });

  it("re-scores everyone when a winner is corrected, in the same transaction", () => {
    const { services, category, contender, addUser } = setup();
    const picture = category("best-picture").id;
    const believer = addUser("believer");
    const doubter = addUser("doubter");
    services.picks.setPick(believer, picture, contender("best-picture", "la-la-land"));
    services.picks.setPick(doubter, picture, contender("best-picture", "moonlight"));
    const query = { event: "oscars-2017", category: undefined, limit: 25, offset: 0, demo: true };
    services.admin.setWinner(operator, picture, contender("best-picture", "la-la-land"));
    expect(services.scores.leaderboard(query).entries.map((entry) => entry.username)).toEqual(["believer", "doubter"]);
    services.admin.setWinner(operator, picture, contender("best-picture", "moonlight"));
    const corrected = services.scores.leaderboard(query);
    expect(corrected.entries.map((entry) => [entry.username, entry.correct])).toEqual([
      ["doubter", 1],
      ["believer", 0],
    ]);
    services.admin.setWinner(operator, picture, null);
    expect(services.scores.leaderboard(query)).toEqual({ total: 0, decidedCategories: 0, entries: [] });
  });
});
