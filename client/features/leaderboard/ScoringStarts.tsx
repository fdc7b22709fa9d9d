/** What an unranked leaderboard says before the first winner: when scoring starts, so the page is not a dead end. */
import { Link } from "react-router-dom";
import { seasonPaths } from "../../../shared/domain/seasonPaths";
import { closingCeremony, useEvent, usePageSeason } from "../../api/season";
import { formatDay } from "../../components/format";

export function ScoringStarts({ categoryName, eventSlug }: { categoryName?: string; eventSlug?: string }) {
  // The board's ceremony; unnamed, the one that closes the page's season (what pools score).
  const season = usePageSeason().query.data;
  const slug = eventSlug ?? (season && closingCeremony(season))?.slug;
  const ceremony = useEvent(slug).data;
  const ballotPath = season && slug ? seasonPaths.ballot(season.slug, slug) : "/ballot";
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
        Until then, <Link to={ballotPath}>make or change your picks</Link>: each category stays open until it locks.
      </p>
    </>
  );
}
