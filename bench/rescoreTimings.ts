/**
 * Times re-scoring on a built benchmark database, in-process and each the median of several runs: a winner
 * correction next to the bare write of the rows it rewrites, a full event re-score, and ballots completing after the
 * event's first winner.
 */
import { systemClock } from "../server/clock.js";
import { type Db, openDatabase } from "../server/db/connection.js";
import { seededRandom } from "../server/seed/random.js";
import { createServices } from "../server/services/index.js";
import type { BenchDatabase } from "./buildDatabase.js";
import { median } from "./median.js";

export type RescoreTimings = {
  /**
   * A wrong winner announced on Best Actress, then the right one: each re-scores the overall and its leaderboard.
   * `bareWriteMs` is the floor they are judged against, timed in the same runs: the `rows` of those two
   * leaderboards, each written by one prepared UPDATE in one transaction and nothing else. `overBareWrite` is the
   * median over runs of the slower correction of a run divided by that run's floor.
   */
  winnerCorrection: {
    toWrongMs: number;
    backToRightMs: number;
    bareWriteMs: number;
    rows: number;
    overBareWrite: number;
  };
  /** A new tiebreaker actual value, with every fan's answer in: every leaderboard of the event. */
  fullRescoreMs: number;
  /** The last pick of an incomplete ballot (30% of fans are) after scoring began, its whole transaction. */
  lateCompletionMs: number;
  runs: number;
};

/** Share of fans whose ballot is made incomplete for the completion timing: many fans, in big tie groups. */
const INCOMPLETE_SHARE = 0.3;
/** The replayed 2017 season's actual value (La La Land won six Oscars). */
const TIEBREAKER_ACTUAL = 6;

function timed(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

const milliseconds = (value: number) => Math.round(value * 10) / 10;

/**
 * The least a winner correction could write: every row of the overall leaderboard and of the corrected category's
 * (positions run 1…n on each), changed in place by one prepared UPDATE on its primary key, in one transaction. SQLite
 * writes nothing for a row whose values stay the same, so each run adds a point and an untimed statement takes it
 * back; the correction's own work beyond this (reading picks, ranking, keeping the indexes) is what the ratio
 * measures.
 */
function bareWriteOf(db: Db, eventId: number, categoryId: number) {
  const sizes = db
    .prepare<[number, number], { board: number; rows: number }>(
      `SELECT category_id AS board, COUNT(*) AS rows FROM scores WHERE event_id = ? AND category_id IN (0, ?)
       GROUP BY category_id`,
    )
    .all(eventId, categoryId);
  const bump = db.prepare<[number, number, number]>(
    "UPDATE scores SET points = points + 1 WHERE event_id = ? AND category_id = ? AND position = ?",
  );
  const restore = db.prepare<[number, number]>(
    "UPDATE scores SET points = points - 1 WHERE event_id = ? AND category_id IN (0, ?)",
  );
  const write = db.transaction(() => {
    for (const { board, rows } of sizes) {
      for (let position = 1; position <= rows; position += 1) bump.run(eventId, board, position);
    }
  });
  return {
    rows: sizes.reduce((sum, size) => sum + size.rows, 0),
    time() {
      const ms = timed(write);
      restore.run(eventId, categoryId);
      return ms;
    },
  };
}

/**
 * Readies the database for the other two timings: every fan answers the tiebreaker (3 to 12, so a new actual
 * value reorders every leaderboard), and a share of fans lose their pick in the open category and their
 * completion, so they rank as incomplete until their last pick. Returns those fans. The odds snapshots are left
 * as they were: nothing timed here reads them.
 */
function answerAndUnfinish(db: Db, fixture: BenchDatabase, eventId: number): number[] {
  const random = seededRandom(2017);
  const fans = db.prepare<[], number>("SELECT id FROM users ORDER BY id").pluck().all();
  const answer = db.prepare("INSERT OR REPLACE INTO tiebreaker_answers VALUES (?, ?, ?, 0)");
  const deletePick = db.prepare("DELETE FROM picks WHERE user_id = ? AND category_id = ?");
  const deleteCompletion = db.prepare("DELETE FROM ballot_completions WHERE user_id = ? AND event_id = ?");
  const unfinished = fans.filter((_, index) => index % Math.round(1 / INCOMPLETE_SHARE) === 0);
  db.transaction(() => {
    for (const fan of fans) answer.run(fan, eventId, 3 + Math.floor(random() * 10));
    for (const fan of unfinished) {
      deletePick.run(fan, fixture.openCategoryId);
      deleteCompletion.run(fan, eventId);
    }
  })();
  return unfinished;
}

export function timeRescores(fixture: BenchDatabase, runs: number): RescoreTimings {
  const db = openDatabase(fixture.dbPath);
  try {
    const services = createServices(db, systemClock);
    const actor = { userId: null, name: "benchmark" };
    const { categoryId, winnerId, wrongWinnerId } = fixture.correction;
    const event = services.season.getEvent("oscars-2017");
    const bareWrite = bareWriteOf(db, event.id, categoryId);
    const toWrong: number[] = [];
    const backToRight: number[] = [];
    const bare: number[] = [];
    const ratios: number[] = [];
    // The floor is timed between the two corrections of each run and each run is judged on its own, so a burst of
    // load from elsewhere on the machine slows a correction and the floor it is compared with alike.
    for (let run = 0; run < runs; run += 1) {
      const wrong = timed(() => services.admin.setWinner(actor, categoryId, wrongWinnerId));
      const floor = bareWrite.time();
      const right = timed(() => services.admin.setWinner(actor, categoryId, winnerId));
      toWrong.push(wrong);
      bare.push(floor);
      backToRight.push(right);
      ratios.push(Math.max(wrong, right) / floor);
    }
    const unfinished = answerAndUnfinish(db, fixture, event.id);
    services.scores.rescoreEvent(event.id);
    // A new actual value re-scores the whole event; alternating two values makes each one a change.
    const full = Array.from({ length: runs }, (_, run) =>
      timed(() => services.admin.setTiebreakerActual(actor, event.slug, TIEBREAKER_ACTUAL + ((run + 1) % 2))),
    );
    const [contenderId] = fixture.writeContenderIds;
    const completions = unfinished
      .slice(0, runs)
      .map((fan) => timed(() => services.picks.setPick(fan, fixture.openCategoryId, contenderId)));
    return {
      winnerCorrection: {
        toWrongMs: milliseconds(median(toWrong)),
        backToRightMs: milliseconds(median(backToRight)),
        bareWriteMs: milliseconds(median(bare)),
        rows: bareWrite.rows,
        overBareWrite: Math.round(median(ratios) * 100) / 100,
      },
      fullRescoreMs: milliseconds(median(full)),
      lateCompletionMs: milliseconds(median(completions)),
      runs,
    };
  } finally {
    db.close();
  }
}
