/** What every scoring operation works with: its dependencies, the stored boards, and the one notice that scores changed. */
import type { Clock } from "../../clock.js";
import type { Db } from "../../db/connection.js";
import { notFound } from "../../errors.js";
import type { PickRepository } from "../../repositories/pickRepository.js";
import type { ScoreRepository } from "../../repositories/scores/index.js";
import type { EventRow, SeasonRepository } from "../../repositories/seasonRepository.js";
import type { UserRepository } from "../../repositories/userRepository.js";
import type { PoolService } from "../poolService.js";
import { createRecordBoards } from "./recordBoards.js";
import { createScoreBoards } from "./scoreBoards.js";

export type ScoresDeps = {
  db: Db;
  seasons: SeasonRepository;
  scores: ScoreRepository;
  picks: PickRepository;
  users: UserRepository;
  pools: Pick<PoolService, "authorize" | "listShownOnProfile">;
  clock: Clock;
};

export function createScoresContext(deps: ScoresDeps) {
  const changeListeners: ((eventId: number) => void)[] = [];
  return {
    ...deps,
    boards: createScoreBoards(deps),
    /** The season and all-time boards, moved after every write to an event's boards. */
    records: createRecordBoards(deps),

    findEvent(slug: string): EventRow {
      const event = deps.seasons.findEventBySlug(slug);
      if (!event) throw notFound(`event "${slug}"`);
      return event;
    },

    /** Every write to the stored boards goes through here, so listeners hear of each one inside its transaction. */
    boardsChanged<T>(eventId: number, result: T): T {
      for (const listener of changeListeners) listener(eventId);
      return result;
    },

    /**
     * Runs in the same transaction as every change of stored scores and ranks (winners, the tiebreaker, a late
     * ballot completion), so a cache of leaderboards can't serve one that is gone. Hears the event whose boards moved.
     */
    onScoresChanged(listener: (eventId: number) => void) {
      changeListeners.push(listener);
    },
  };
}

export type ScoresContext = ReturnType<typeof createScoresContext>;
