/**
 * Times re-scoring on a built benchmark database, in-process and each the median of several runs: a winner
 * correction, a full event re-score, and ballots completing after the event's first winner.
 */
import { systemClock } from "../server/clock.js";
import { type Db, openDatabase } from "../server/db/connection.js";
import { seededRandom } from "../server/seed/random.js";
import { createServices } from "../server/services/index.js";
import type { BenchDatabase } from "./buildDatabase.js";

export type RescoreTimings = {
  /** A wrong winner announced on Best Actress, then the right one: each re-scores the overall and its leaderboard. */
  winnerCorrection: { toWrongMs: number; backToRightMs: number };
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

const median = (values: number[]) => {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

function timed(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

const milliseconds = (value: number) => Math.round(value * 10) / 10;

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
    const toWrong: number[] = [];
    const backToRight: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      toWrong.push(timed(() => services.admin.setWinner(actor, categoryId, wrongWinnerId)));
      backToRight.push(timed(() => services.admin.setWinner(actor, categoryId, winnerId)));
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
      winnerCorrection: { toWrongMs: milliseconds(median(toWrong)), backToRightMs: milliseconds(median(backToRight)) },
      fullRescoreMs: milliseconds(median(full)),
      lateCompletionMs: milliseconds(median(completions)),
      runs,
    };
  } finally {
    db.close();
  }
}
