/** What an unranked leaderboard says before the first winner: when scoring starts, so the page is not a dead end. */
import { Link } from "react-router-dom";
import { CEREMONY_SLUG, useEvent } from "../../api/season";
import { formatDay } from "../../components/format";

export function ScoringStarts({ categoryName }: { categoryName?: string }) {
  const ceremony = useEvent(CEREMONY_SLUG).data;
  return (
    <>
      <p>
        No winners announced yet{categoryName ? ` for ${categoryName}` : ""}. Scoring starts with the first envelope
        {ceremony && (
          <>
            {" "}
            at the {ceremony.name}, <time dateTime={ceremony.date}>{formatDay(ceremony.date)}</time>
          </>
        )}
        , and the ranking updates as each winner is announced.
      </p>
      <p>
        Until then, <Link to="/ballot">make or change your picks</Link>: each category stays open until it locks.
      </p>
    </>
  );
}
