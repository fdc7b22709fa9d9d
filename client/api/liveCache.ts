/**
 * How the live stream's news changes what a page already holds, as pure functions over the API's shapes: what a
 * refetch would have answered, without the request.
 */
import type { EventDetail } from "../../shared/schemas/events";
import type { LiveWinnerMessage } from "../../shared/schemas/live";
import type { CategoryOdds, OddsHistory } from "../../shared/schemas/odds";

const utcDay = (iso: string) => iso.slice(0, 10);

/**
 * The history with the category's new odds as its latest point. The server keeps one point per UTC day, at the day's
 * last change (server/services/oddsService.ts, getHistory), so a change on the last point's day replaces it and a
 * change on a later day adds one.
 */
export function withLatestOdds(history: OddsHistory, odds: CategoryOdds): OddsHistory {
  if (odds.updatedAt === null) return history;
  const point = {
    t: odds.updatedAt,
    // A contender the nominations left out has no probability, and its line has ended (as in the server's history).
    probabilities: Object.fromEntries(
      odds.contenders.flatMap((entry) => (entry.eliminated ? [] : [[String(entry.contenderId), entry.probability]])),
    ),
  };
  const last = history.series.at(-1);
  if (last && last.t > odds.updatedAt) return history;
  const kept = last && utcDay(last.t) === utcDay(odds.updatedAt) ? history.series.slice(0, -1) : history.series;
  return { ...history, series: [...kept, point] };
}

/** The event with the winners the message announces (or corrects, or clears) in its categories. */
export function withWinners(event: EventDetail, message: LiveWinnerMessage): EventDetail {
  const winners = new Map(
    message.categories
      .filter((category) => category.event === event.slug)
      .map((category) => [category.categoryId, category]),
  );
  if (winners.size === 0) return event;
  return {
    ...event,
    categories: event.categories.map((category) => {
      const winner = winners.get(category.id);
      return winner === undefined
        ? category
        : { ...category, winnerContenderId: winner.winnerContenderId, winnerHistory: winner.winnerHistory };
    }),
  };
}
