/** How a category's winner came to be, told from its winner history: a plain win, or a win after a correction. */
import type { WinnerChange } from "../schemas/events.js";

/** A correction this soon after the first announcement happened during the show itself. */
const ON_STAGE_MS = 30 * 60_000;

const day = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

/**
 * The names read out before the final winner, and when the record was put right: "La La Land was read out in error
 * and corrected on stage". Null for a category whose winner was the only one ever announced (or that has none).
 * Any correction, on the night or later by an operator, is told the same way, from the history alone.
 */
export function correctionStory(history: readonly WinnerChange[], nameOf: (contenderId: number) => string) {
  const final = history.at(-1);
  if (!final || final.contenderId === null) return null;
  const finalId = final.contenderId;
  // The announcements since the winner was last cleared: an operator's clear-and-re-announce starts a new story.
  const lastClear = history.findLastIndex((change) => change.contenderId === null);
  const announced = history.slice(lastClear + 1);
  const misread = [
    ...new Set(
      announced.flatMap((change) =>
        change.contenderId === null || change.contenderId === finalId ? [] : [change.contenderId],
      ),
    ),
  ];
  const first = announced[0];
  if (misread.length === 0 || !first) return null;
  const names = new Intl.ListFormat("en-US", { type: "conjunction" }).format(misread.map(nameOf));
  const was = misread.length === 1 ? "was" : "were";
  const onStage = Date.parse(final.at) - Date.parse(first.at) <= ON_STAGE_MS;
  return onStage
    ? `${names} ${was} read out in error and corrected on stage`
    : `${names} ${was} announced in error and corrected on ${day.format(Date.parse(final.at))}`;
}
