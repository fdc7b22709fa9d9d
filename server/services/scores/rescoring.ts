/**
 * Re-scoring after a winner or the tiebreaker's actual value changes: run by the operator's writes, in their
 * transactions; the event's boards first, then the season and all-time boards built from them.
 */
import { notFound } from "../../errors.js";
import type { ScoresContext } from "./context.js";

export function createRescoring({ db, seasons, boards, records, boardsChanged }: ScoresContext) {
  return {
    /** Recomputes every leaderboard of the event from current picks, winners and the tiebreaker. */
    rescoreEvent: db.transaction((eventId: number) => {
      boardsChanged(eventId, boards.rebuildEvent(eventId));
      records.eventChanged(eventId);
    }),

    /**
     * After a winner change only the overall leaderboard and that category's move: the category's is rebuilt from
     * its picks, the overall one by the difference it makes to each fan.
     */
    rescoreCategory: db.transaction((categoryId: number) => {
      const category = seasons.findCategory(categoryId);
      if (!category) throw notFound("category");
      boardsChanged(category.event_id, boards.applyWinnerChange(category));
      records.eventChanged(category.event_id);
    }),
  };
}
