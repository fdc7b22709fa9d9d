/**
 * The stored leaderboards against a from-scratch ranking (`pointsForPick`, `rankEntries`) after every step of
 * random seasons: winners announced, corrected and cleared, the tiebreaker's actual value changed, ballots
 * completed after scoring began, fans joining and leaving. Many ties, demo and real fans, fans without a
 * completion or a tiebreaker answer.
 */
import { describe, expect, it } from "vitest";
import { compareEntries, pointsForPick, type RankingEntry, rankEntries } from "../../../shared/domain/scoring.js";
import { fixedClock } from "../../clock.js";
import { openDatabase } from "../../db/connection.js";
import { loadMigrations, migrate } from "../../db/migrate.js";
import type { ScoreRow } from "../../repositories/scores/index.js";
import { createSeasonRepository } from "../../repositories/seasonRepository.js";
import { createUserRepository } from "../../repositories/userRepository.js";
import { type Random, seededRandom } from "../../seed/random.js";
import { seedSeasonIfEmpty } from "../../seed/seedSeason.js";
import { operator, seededServices } from "../../test-support/factories.js";
import { createServices } from "../index.js";
import { createSeasonService } from "../seasonService.js";

const EVENT = "oscars-2017";

type Expected = RankingEntry & { userId: number; isDemo: boolean; decided: number };
type Stored = Omit<ScoreRow, "username"> & {
  position: number;
  is_demo: number;
  real_rank: number | null;
  real_position: number | null;
};

function randomSeason(random: Random) {
  const clock = fixedClock("2017-02-01T12:00:00Z");
  const { db, services } = seededServices(clock);
  const event = services.season.getEvent(EVENT);
  const users = createUserRepository(db);
  const pickOf = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(random() * items.length)];
    if (item === undefined) throw new Error("picked from an empty list");
    return item;
  };
  // Fans, picks, answers and completions are hand-built rows, not service calls: the services would hash a password
  // per fan and choose each pick's locked-in odds and completion time, and these boards need chosen values that tie.
  // Two contenders and three probabilities per category, so points and full ties repeat.
  const contendersOf = new Map(event.categories.map((category) => [category.id, category.contenders.slice(0, 2)]));
  const insertPick = db.prepare(
    "INSERT INTO picks (user_id, category_id, contender_id, updated_at, locked_in_probability) VALUES (?, ?, ?, 0, ?)",
  );
  const insertAnswer = db.prepare("INSERT INTO tiebreaker_answers VALUES (?, ?, ?, 0)");
  const insertCompletion = db.prepare("INSERT INTO ballot_completions VALUES (?, ?, ?)");
  let fans = 0;
  // Fans who joined through the picks service: their picks are in the odds snapshots, so they can clear them.
  const joined = new Set<number>();
  const addFan = () => {
    fans += 1;
    const userId = users.insert({
      username: `fan ${fans}`,
      passwordHash: null,
      isDemo: random() < 0.4,
      createdAt: 0,
    }).id;
    // Answers lock with the first winner; fans joining later may have answered before their first pick.
    if (random() < 0.6) insertAnswer.run(userId, event.id, 3 + Math.floor(random() * 5));
    return userId;
  };
  for (let index = 0; index < 80; index += 1) {
    const userId = addFan();
    const skipped = event.categories.filter(() => random() < 0.25);
    for (const category of event.categories) {
      if (skipped.includes(category)) continue;
      insertPick.run(userId, category.id, pickOf(contendersOf.get(category.id) ?? []).id, pickOf([0.1, 0.25, 0.5]));
    }
    // Few completion times, so completions tie too; some later than the late completions below, which then
    // overtake them.
    const completedAt = pickOf([1_000, 2_000, clock.now().getTime() + 86_400_000]);
    if (skipped.length === 0 && random() < 0.8) insertCompletion.run(userId, event.id, completedAt);
  }

  const open = () =>
    db
      .prepare<[number], { id: number }>("SELECT id FROM categories WHERE event_id = ? AND winner_contender_id IS NULL")
      .all(event.id)
      .map((row) => row.id);
  // The boards the last step ranked again whole ("all" of them, or these), whose rows' previous ranks it moved.
  const reRanked: { boards: "all" | number[] } = { boards: [] };
  const steps: Record<string, () => string | undefined> = {
    winner() {
      const category = pickOf(event.categories);
      const winner = random() < 0.2 ? null : pickOf(contendersOf.get(category.id) ?? []).id;
      const changed = services.admin.setWinner(operator, category.id, winner);
      reRanked.boards = changed ? [0, category.id] : [];
      return `winner ${category.slug} = ${winner}`;
    },
    actual() {
      const actual = random() < 0.2 ? null : 3 + Math.floor(random() * 5);
      reRanked.boards = services.admin.setTiebreakerActual(operator, EVENT, actual) ? "all" : [];
      return `actual = ${actual}`;
    },
    complete() {
      // A fan who lacks exactly the open categories picks them: the last pick completes the ballot.
      const openIds = open();
      const candidates = db
        .prepare<[number], { user_id: number; picked: number }>(
          `SELECT p.user_id, COUNT(*) AS picked FROM picks p JOIN categories c ON c.id = p.category_id
           WHERE c.event_id = ? GROUP BY p.user_id`,
        )
        .all(event.id)
        .filter((row) => {
          const missing = event.categories.filter(
            (category) =>
              db.prepare("SELECT 1 FROM picks WHERE user_id = ? AND category_id = ?").get(row.user_id, category.id) ===
              undefined,
          );
          return missing.length > 0 && missing.every((category) => openIds.includes(category.id));
        });
      if (candidates.length === 0) return undefined;
      const fan = pickOf(candidates).user_id;
      // Some completions share an instant.
      if (random() < 0.7) clock.advance(1000);
      for (const category of event.categories) {
        if (db.prepare("SELECT 1 FROM picks WHERE user_id = ? AND category_id = ?").get(fan, category.id)) continue;
        services.picks.setPick(fan, category.id, pickOf(contendersOf.get(category.id) ?? []).id);
      }
      return `complete ${fan}`;
    },
    join() {
      const openIds = open();
      if (openIds.length === 0) return undefined;
      const fan = addFan();
      const category = pickOf(openIds);
      services.picks.setPick(fan, category, pickOf(contendersOf.get(category) ?? []).id);
      joined.add(fan);
      return `join ${fan}`;
    },
    leave() {
      // A fan who joined late and whose picks are all in open categories clears them all.
      const openIds = open();
      const candidates = db
        .prepare<[number], { user_id: number; categories: string }>(
          `SELECT p.user_id, group_concat(p.category_id) AS categories FROM picks p
           JOIN categories c ON c.id = p.category_id WHERE c.event_id = ? GROUP BY p.user_id`,
        )
        .all(event.id)
        .filter((row) => joined.has(row.user_id))
        .filter((row) => row.categories.split(",").every((id) => openIds.includes(Number(id))));
      if (candidates.length === 0) return undefined;
      const fan = pickOf(candidates);
      for (const id of fan.categories.split(",")) services.picks.clearPick(fan.user_id, Number(id));
      return `leave ${fan.user_id}`;
    },
  };
  return { db, services, event, steps, pickOf, reRanked };
}

type RanksRow = {
  category_id: number;
  user_id: number;
  rank: number;
  real_rank: number | null;
  previous_rank: number | null;
  previous_real_rank: number | null;
};
const ranksKey = (row: Pick<RanksRow, "category_id" | "user_id">) => `${row.category_id} ${row.user_id}`;
const storedRanks = (db: ReturnType<typeof openDatabase>, eventId: number) =>
  new Map(
    db
      .prepare<[number], RanksRow>(
        `SELECT category_id, user_id, rank, real_rank, previous_rank, previous_real_rank FROM scores
         WHERE event_id = ?`,
      )
      .all(eventId)
      .map((row) => [ranksKey(row), row]),
  );

/**
 * Previous ranks after a step: a board ranked again whole keeps each fan's ranks from before the step (none for a
 * fan new to it); any other move carries each fan's previous ranks along (none for a fan who just joined).
 */
function expectPreviousRanks(
  before: Map<string, RanksRow>,
  after: Map<string, RanksRow>,
  reRanked: "all" | number[],
  where: string,
) {
  // One comparison a step: an expect per row would cost more than the step itself.
  const wrong = [...after.values()].flatMap((row) => {
    const old = before.get(ranksKey(row));
    const whole = reRanked === "all" || reRanked.includes(row.category_id);
    const expected = whole
      ? { rank: old?.rank ?? null, real: old?.real_rank ?? null }
      : { rank: old?.previous_rank ?? null, real: old?.previous_real_rank ?? null };
    return expected.rank === row.previous_rank && expected.real === row.previous_real_rank
      ? []
      : [{ row: ranksKey(row), expected, stored: { rank: row.previous_rank, real: row.previous_real_rank } }];
  });
  expect(wrong, where).toEqual([]);
}

/** Every leaderboard as ranking everyone from the picks, winners, answers and completions would give it. */
function expectedBoards(db: ReturnType<typeof openDatabase>, eventId: number) {
  const picks = db
    .prepare<
      [number],
      {
        user_id: number;
        category_id: number;
        contender_id: number;
        locked_in_probability: number | null;
        winner_contender_id: number | null;
      }
    >(
      `SELECT p.user_id, p.category_id, p.contender_id, p.locked_in_probability, c.winner_contender_id
       FROM picks p JOIN categories c ON c.id = p.category_id WHERE c.event_id = ?`,
    )
    .all(eventId);
  const boards = new Map<number, Expected[]>();
  if (!picks.some((pick) => pick.winner_contender_id !== null)) return boards;
  const facts = db.prepare<
    { event: number; user: number },
    { is_demo: number; distance: number | null; completed: number | null }
  >(
    `SELECT u.is_demo,
       ABS((SELECT answer FROM tiebreaker_answers WHERE user_id = u.id AND event_id = :event)
         - (SELECT tiebreaker_actual FROM events WHERE id = :event)) AS distance,
       (SELECT completed_at FROM ballot_completions WHERE user_id = u.id AND event_id = :event) AS completed
     FROM users u WHERE u.id = :user`,
  );
  const overall = new Map<number, Expected>();
  for (const pick of picks) {
    let fan = overall.get(pick.user_id);
    if (!fan) {
      const row = facts.get({ event: eventId, user: pick.user_id });
      fan = {
        userId: pick.user_id,
        isDemo: row?.is_demo === 1,
        points: 0,
        correct: 0,
        decided: 0,
        tiebreakerDistance: row?.distance ?? null,
        completedAt: row?.completed ?? null,
      };
      overall.set(pick.user_id, fan);
    }
    if (pick.winner_contender_id === null) continue;
    const correct = pick.contender_id === pick.winner_contender_id;
    const points = pointsForPick(correct, pick.locked_in_probability ?? 1);
    fan.points += points;
    fan.correct += Number(correct);
    fan.decided += 1;
    const board = boards.get(pick.category_id) ?? [];
    board.push({ ...fan, points, correct: Number(correct), decided: 1 });
    boards.set(pick.category_id, board);
  }
  // Category entries were copied before later categories added to the totals; their facts are what matters.
  boards.set(0, [...overall.values()]);
  return boards;
}

function expectBoardsToMatch(db: ReturnType<typeof openDatabase>, eventId: number, context: string) {
  const expected = expectedBoards(db, eventId);
  const storedBoards = db
    .prepare<[number], { category_id: number }>("SELECT DISTINCT category_id FROM scores WHERE event_id = ?")
    .all(eventId)
    .map((row) => row.category_id);
  expect(
    storedBoards.toSorted((a, b) => a - b),
    context,
  ).toEqual([...expected.keys()].toSorted((a, b) => a - b));
  const read = db.prepare<[number, number], Stored>(
    "SELECT * FROM scores WHERE event_id = ? AND category_id = ? ORDER BY position",
  );
  for (const [board, entries] of expected) {
    const where = `${context}, board ${board}`;
    const rows = read.all(eventId, board);
    expect(
      rows.map((row) => row.position),
      where,
    ).toEqual(rows.map((_, index) => index + 1));
    const real = rows.filter((row) => row.real_position !== null);
    expect(
      real.map((row) => row.real_position),
      where,
    ).toEqual(real.map((_, index) => index + 1));
    const asEntries = rows.map((row) => ({
      points: row.points,
      correct: row.correct,
      tiebreakerDistance: row.tiebreaker_distance,
      completedAt: row.completed_at,
    }));
    for (const [index, entry] of asEntries.entries()) {
      const previous = asEntries[index - 1];
      if (previous) expect(compareEntries(previous, entry), `${where}, position ${index + 1}`).toBeLessThanOrEqual(0);
    }
    const realRanks = new Map(rankEntries(entries.filter((entry) => !entry.isDemo)).map((e) => [e.userId, e.rank]));
    const byUser = new Map(rows.map((row) => [row.user_id, row]));
    expect(byUser.size, where).toBe(entries.length);
    for (const entry of rankEntries(entries)) {
      const row = byUser.get(entry.userId);
      expect(
        row && {
          is_demo: row.is_demo,
          points: row.points,
          correct: row.correct,
          decided: row.decided,
          tiebreaker_distance: row.tiebreaker_distance,
          completed_at: row.completed_at,
          rank: row.rank,
          real_rank: row.real_rank,
          has_real_position: row.real_position !== null,
        },
        `${where}, user ${entry.userId}`,
      ).toEqual({
        is_demo: Number(entry.isDemo),
        points: entry.points,
        correct: entry.correct,
        decided: entry.decided,
        tiebreaker_distance: entry.tiebreakerDistance,
        completed_at: entry.completedAt,
        rank: entry.rank,
        real_rank: realRanks.get(entry.userId) ?? null,
        has_real_position: !entry.isDemo,
      });
    }
  }
  return expected;
}

describe("stored leaderboards", () => {
  // It rebuilds and compares every category's board at each of 270 steps: with the full 24-category ballot that is
  // three times the work of the first eight, so it gets room beyond the default timeout on a loaded machine.
  it("equal a from-scratch ranking after every winner, tiebreaker, completion, join and leave", () => {
    const counts: Record<string, number> = {};
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const random = seededRandom(seed);
      const { db, services, event, steps, pickOf, reRanked } = randomSeason(random);
      // Joins and leaves twice as often, so leaving fans often share a tie group with others.
      const names = [...Object.keys(steps), "join", "leave"];
      for (let step = 0; step < 45; step += 1) {
        // Winners first, so there are scores for the later steps to move.
        const name = step < 3 ? "winner" : pickOf(names);
        const ranksBefore = storedRanks(db, event.id);
        reRanked.boards = [];
        const done = steps[name]?.();
        if (done === undefined) continue;
        counts[name] = (counts[name] ?? 0) + 1;
        const expected = expectBoardsToMatch(db, event.id, `seed ${seed}, step ${step}: ${done}`);
        expectPreviousRanks(
          ranksBefore,
          storedRanks(db, event.id),
          reRanked.boards,
          `seed ${seed}, step ${step}: ${done}`,
        );
        // The signed-in fan's own row, as the leaderboard pins it, on one of the boards: ranked among everyone,
        // and among real fans only (where a demo fan is not pinned).
        const board = pickOf([...expected.keys()].concat(0));
        const category = board === 0 ? undefined : String(board);
        const entries = expected.get(board) ?? [];
        const realRanks = new Map(rankEntries(entries.filter((entry) => !entry.isDemo)).map((e) => [e.userId, e.rank]));
        for (const entry of rankEntries(entries)) {
          const query = { event: EVENT, category, limit: 1, offset: 0 };
          const where = `${done}: me on ${board}`;
          expect(services.scores.standingOn({ ...query, demo: true }, entry.userId)?.rank, where).toBe(entry.rank);
          expect(services.scores.standingOn({ ...query, demo: false }, entry.userId)?.rank, where).toBe(
            realRanks.get(entry.userId),
          );
        }
      }
    }
    // The sequences exercised every kind of change, more than once.
    for (const name of ["winner", "actual", "complete", "join", "leave"]) expect(counts[name]).toBeGreaterThan(5);
  }, 120_000);
});

describe("migration 0009", () => {
  it("keeps the scores written before it, row for row", () => {
    const db = openDatabase(":memory:");
    // Every migration but 0009 itself and the later one that adds previous ranks to its table (the others leave
    // the scores table alone), then the season, seeded through the season service alone (the scores service's
    // statements are prepared against the newest schema).
    const previousRanks = loadMigrations().find((migration) => migration.name.endsWith("_previous_ranks.sql"));
    migrate(
      db,
      loadMigrations().filter((migration) => migration.version !== 9 && migration.version !== previousRanks?.version),
    );
    const clock = fixedClock("2017-02-01T12:00:00Z");
    const season = createSeasonService({ db, seasons: createSeasonRepository(db), clock });
    seedSeasonIfEmpty(season);
    const event = season.getEvent(EVENT);
    const users = createUserRepository(db);
    const insert = db.prepare("INSERT INTO scores VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const [index, board] of [0, 0, 0, event.categories[0]?.id ?? 1].entries()) {
      const userId = users.insert({
        username: `kept ${index}`,
        passwordHash: null,
        isDemo: index === 1,
        createdAt: 0,
      }).id;
      insert.run(
        event.id,
        board,
        index + 1,
        userId,
        Number(index === 1),
        50,
        1,
        1,
        index,
        null,
        1,
        index === 1 ? null : 1,
        index === 1 ? null : 1,
      );
    }
    const before = db
      .prepare<[], Record<string, unknown>>("SELECT * FROM scores ORDER BY event_id, category_id, position")
      .all();
    expect(migrate(db)).toEqual([9, previousRanks?.version]);
    // The previous-ranks migration starts each row where it stands: no movement until the next announcement.
    expect(db.prepare("SELECT * FROM scores ORDER BY event_id, category_id, position").all()).toEqual(
      before.map((row) => ({ ...row, previous_rank: row.rank, previous_real_rank: row.real_rank })),
    );
    const services = createServices(db, clock);
    expect(services.scores.overallStanding(users.findByUsername("kept 0")?.id ?? 0, event.id)?.points).toBe(50);
  });
});
