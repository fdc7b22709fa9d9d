/**
 * The addresses from before seasons had their own (`/ballot`, `/calendar`, `/leaderboard`, `/events/:event` and `/events/:event/:category`)
 * and a season's bare `/seasons/:season/ballot`: each replaces itself in history with the page's address under its
 * season, so Back never lands on a redirect.
 */
import { Navigate, useLocation, useParams } from "react-router-dom";
import { seasonPaths } from "../../shared/domain/seasonPaths";
import type { SeasonDetail } from "../../shared/schemas/events";
import { closingCeremony, usePageSeason, useSeasonOfEvent } from "../api/season";
import { QueryState } from "../components/QueryState";
import { NotFoundPage } from "./NotFoundPage";

/** Keeps the query and fragment of the old address (`?next=`, `#odds-heading`). */
function Replace({ to }: { to: string }) {
  const { search, hash } = useLocation();
  return <Navigate to={`${to}${search}${hash}`} replace />;
}

/** To a page of the address's season, or of the current one when the address names none. */
export function ToSeasonPage({ page }: { page: (season: SeasonDetail) => string }) {
  const { query, unknown } = usePageSeason();
  if (unknown) return <NotFoundPage what="season" />;
  return (
    <QueryState query={query} loadingLabel="Loading the season…">
      {(season) => <Replace to={page(season)} />}
    </QueryState>
  );
}

/** The ballot of the ceremony that closes the season: what `/ballot` was. */
export const closingBallot = (season: SeasonDetail) => {
  const closing = closingCeremony(season);
  return closing ? seasonPaths.ballot(season.slug, closing.slug) : seasonPaths.home(season.slug);
};

/** `/events/:event` and `/events/:event/:category` → the ceremony's or the category's page under the event's season. */
export function ToEventPageInSeason() {
  const { eventSlug = "", categorySlug } = useParams();
  const season = useSeasonOfEvent(eventSlug);
  const what = categorySlug === undefined ? "ceremony" : "category";
  return (
    <QueryState query={season} loadingLabel={`Loading the ${what}…`}>
      {(slug) =>
        slug === null ? (
          <NotFoundPage what={what} />
        ) : (
          <Replace
            to={
              categorySlug === undefined
                ? seasonPaths.event(slug, eventSlug)
                : seasonPaths.category(slug, eventSlug, categorySlug)
            }
          />
        )
      }
    </QueryState>
  );
}
