/**
 * Which season and ceremony the operator's area acts on: the address's (`/admin?season=…&event=…`, so a reload or a
 * shared link keeps them), else the current season's closing ceremony; with every ballot of that season loaded, so
 * the area knows whether the season is finished history.
 */
import { useQueries, useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router-dom";
import { isSeasonDecided } from "../../../shared/domain/seasonHistory";
import type { EventDetail, SeasonDetail, SeasonSummary } from "../../../shared/schemas/events";
import { precursorResultsQuery } from "../../api/precursorResults";
import { ballotEvents, closingCeremony, eventQuery, filmsQuery, useSeason, useSeasons } from "../../api/season";
import type { QueryLike } from "../../components/QueryState";

export type AdminScope = {
  season: SeasonDetail;
  /** The chosen ceremony, or why there is none (an address naming no such ceremony, a season without ballots). */
  ceremony: EventDetail | { problem: string };
  /** The ceremony the season's precursors foreshadow (its closing one), whose categories their results name. */
  closing: EventDetail | undefined;
  /** Every ballot of the season is decided: it is read-only history (shared/domain/seasonHistory.ts). */
  history: boolean;
};

/** The address's choice, read once per render. */
export function useAdminChoice() {
  const [search, setSearch] = useSearchParams();
  return {
    season: search.get("season") ?? undefined,
    event: search.get("event") ?? undefined,
    /** A new history entry each time, so Back returns to the previous choice. */
    choose: (season: string, event?: string) => setSearch(event === undefined ? { season } : { season, event }),
  };
}

/** The chosen season and ceremony as one query; a slug the address names that does not exist is a `problem`. */
export function useAdminScope(): QueryLike<AdminScope> & {
  seasons: SeasonSummary[] | undefined;
  /** The chosen season with its events, once loaded, for the choice of ceremony. */
  season: SeasonDetail | undefined;
  /** The slug of the season the area acts on (the address's, else the current one). */
  seasonSlug: string | undefined;
  /** The address names a season there is none of. */
  unknownSeason: boolean;
} {
  const choice = useAdminChoice();
  const seasons = useSeasons();
  const listed = seasons.data?.seasons;
  const slug = choice.season ?? listed?.find((candidate) => candidate.current)?.slug;
  const known = listed?.some((candidate) => candidate.slug === slug) ?? false;
  const season = useSeason(known ? slug : undefined);
  // Asked for here, beside the season's own queries, so the films and results the tools below read are not fetched
  // one round trip after another once the season has loaded.
  useQuery({ ...filmsQuery(slug), enabled: known });
  useQuery({ ...precursorResultsQuery(slug), enabled: known });
  const ballots = useQueries({
    queries: (season.data ? ballotEvents(season.data) : []).map((event) => eventQuery(event.slug)),
  });
  const failed = seasons.error ?? season.error ?? ballots.find((ballot) => ballot.error)?.error ?? null;
  const loaded = ballots.flatMap((ballot) => (ballot.data ? [ballot.data] : []));

  const unknownSeason = listed !== undefined && !known;
  let data: AdminScope | undefined;
  if (listed && season.data && loaded.length === ballots.length) {
    const closingSlug = closingCeremony(season.data)?.slug;
    const eventSlug = choice.event ?? closingSlug;
    const chosen =
      loaded.find((ballot) => ballot.slug === eventSlug) ?? (choice.event === undefined ? loaded.at(-1) : undefined);
    data = {
      season: season.data,
      ceremony:
        chosen ??
        (loaded.length === 0
          ? { problem: `${season.data.name} has no ceremony that takes picks: import a season file with categories.` }
          : { problem: `${season.data.name} has no ceremony “${choice.event}” that takes picks. Choose one above.` }),
      closing: loaded.find((ballot) => ballot.slug === closingSlug),
      history: isSeasonDecided(loaded.flatMap((ballot) => ballot.categories.map((row) => row.winnerContenderId))),
    };
  }

  return {
    seasons: listed,
    season: season.data,
    seasonSlug: slug,
    unknownSeason,
    isPending: data === undefined && failed === null,
    isError: failed !== null,
    error: failed,
    data,
    refetch: () => Promise.all([seasons.refetch(), season.refetch(), ...ballots.map((ballot) => ballot.refetch())]),
  };
}
