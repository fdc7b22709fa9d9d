/** "6 of 8 picked", with a bar, and what is left: open categories without a pick, picks not nominated, locked ones. */
import type { Category } from "../../../shared/schemas/events";
import { categoryCount, eliminatedCount, summarizeBallot } from "./summary";

type Props = { categories: readonly Category[]; picks: ReadonlyMap<number, number>; nowMs: number };

export function BallotProgress({ categories, picks, nowMs }: Props) {
  const summary = summarizeBallot(categories, picks, nowMs);
  const details = [
    summary.openUnpicked > 0 ? `${categoryCount(summary.openUnpicked, "open")} without a pick` : "",
    summary.openEliminated > 0 ? `${eliminatedCount(summary.openEliminated)} — pick again` : "",
    summary.locked > 0 ? `${summary.locked} locked` : "",
  ].filter(Boolean);
  return (
    <div className="ballot-progress">
      <p className="ballot-progress-count" role="status">
        <strong>
          {summary.picked} of {summary.total} picked
        </strong>
        {details.length > 0 && <span className="ballot-progress-details"> · {details.join(" · ")}</span>}
      </p>
      <div className="progress-track" aria-hidden="true">
        <div className="progress-fill" style={{ width: `${(summary.picked / Math.max(summary.total, 1)) * 100}%` }} />
      </div>
    </div>
  );
}
