/**
 * The seasons as every feature reads them: the list (the current one marked), one season with its events, the season
 * a page belongs to (its address's, else the current one), one event with its categories, the films, the calendar.
 */
import { queryOptions, useQueries, useQuery } from "@tanstack/react-query";
import { useParams } from "react-router-dom";
import { buildSeasonTimeline, type TimelineEntry } from "../../shared/domain/timeline";
import {
  type EventDetail,
  eventDetailSchema,
  eventsResponseSchema,
  filmsResponseSchema,
  type SeasonDetail,
  seasonDetailSchema,
  seasonsResponseSchema,
} from "../../shared/schemas/events";
import type { QueryLike } from "../components/QueryState";
import { ApiError, api } from "./client";
import { queryKeys } from "./queryKeys";

/** The season data changes only when an operator edits it, so it stays fresh for a minute. */
const seasonStaleTime = 60_000;

const seasonsQuery = () =>
  queryOptions({
    queryKey: queryKeys.seasons(),
    queryFn: ({ signal }) => api.get("/seasons", seasonsResponseSchema, signal),
    staleTime: seasonStaleTime,
  });

const seasonQuery = (slug: string) =>
  queryOptions({
    queryKey: queryKeys.season(slug),
    queryFn: ({ signal }) => api.get(`/seasons/${encodeURIComponent(slug)}`, seasonDetailSchema, signal),
    staleTime: seasonStaleTime,
  });

const eventsQuery = () =>
  queryOptions({
    queryKey: queryKeys.events(),
    queryFn: ({ signal }) => api.get("/events", eventsResponseSchema, signal),
    staleTime: seasonStaleTime,
  });

/** `?season=` narrows the films to the season's (the server's default, every film, is what it sent before). */
export const filmsQuery = (season?: string) =>
  queryOptions({
    queryKey: queryKeys.films(season),
    queryFn: ({ signal }) =>
      api.get(season ? `/films?season=${encodeURIComponent(season)}` : "/films", filmsResponseSchema, signal),
    staleTime: seasonStaleTime,
  });

export const eventQuery = (slug: string) =>
  queryOptions({
    queryKey: queryKeys.event(slug),
    queryFn: ({ signal }) => api.get(`/events/${encodeURIComponent(slug)}`, eventDetailSchema, signal),
    staleTime: seasonStaleTime,
  });

export const useSeasons = () => useQuery(seasonsQuery());

/** One season with its events; `undefined` waits (pending) until the page knows which season. */
export const useSeason = (slug: string | undefined) =>
  useQuery({ ...seasonQuery(slug ?? ""), enabled: slug !== undefined });

/** One event with its categories; `undefined` waits (pending) until the page knows which event. */
export const useEvent = (slug: string | undefined) =>
  useQuery({ ...eventQuery(slug ?? ""), enabled: slug !== undefined });

export const useEvents = () => useQuery(eventsQuery());

/** Every film, or one season's (`season`). */
export const useFilms = (season?: string) => useQuery(filmsQuery(season));

/** The season a page belongs to, as a query, and whether its address named a season there is none of. */
export type PageSeason = { query: QueryLike<SeasonDetail>; unknown: boolean };

/**
 * The season in the page's address (`/seasons/:season/…`), or the current one where the address names none (`/`,
 * the pools, the operator's area). The current one is the server's call (`current` in `GET /api/seasons`), made by
 * the rule in shared/domain/seasons.ts against its clock.
 */
export function usePageSeason(): PageSeason {
  const { season: named } = useParams();
  const seasons = useQuery({ ...seasonsQuery(), enabled: named === undefined });
  const slug = named ?? seasons.data?.seasons.find((season) => season.current)?.slug;
  const season = useQuery({ ...seasonQuery(slug ?? ""), enabled: slug !== undefined });
  const listing = named === undefined ? seasons : undefined;
  return {
    query: {
      isPending: (listing?.isPending ?? false) || season.isPending,
      isError: (listing?.isError ?? false) || season.isError,
      error: listing?.error ?? season.error,
      data: season.data,
      refetch: () => Promise.all([listing?.refetch(), slug === undefined ? undefined : season.refetch()]),
    },
    // A malformed slug (400) is as unknown as a missing one (404): both are bad addresses, not failures to retry.
    unknown: season.error instanceof ApiError && (season.error.status === 404 || season.error.status === 400),
  };
}

/**
 * The page's season and the event its address names, together: `unknown` when either is a bad address, or the event
 * belongs to another season (a ceremony's and a category's pages).
 */
export function usePageSeasonEvent(eventSlug: string): {
  query: QueryLike<{ season: SeasonDetail; ceremony: EventDetail }>;
  unknown: boolean;
} {
  const season = usePageSeason();
  const event = useEvent(eventSlug);
  const inSeason = season.query.data?.events.some((candidate) => candidate.slug === eventSlug);
  return {
    query: {
      isPending: event.isPending || season.query.isPending,
      isError: event.isError || season.query.isError,
      error: event.error ?? season.query.error,
      data: season.query.data && event.data && { season: season.query.data, ceremony: event.data },
      refetch: () => Promise.all([season.query.refetch(), event.refetch()]),
    },
    unknown: season.unknown || inSeason === false || (event.error instanceof ApiError && event.error.status === 404),
  };
}

/** The ceremony that closes the season (its last event): the race the season's home follows. */
export const closingCeremony = (season: SeasonDetail) => season.events.at(-1);

/**
 * The slug of the ceremony that closes the page's season, once known: the ceremony of pages whose address names no
 * event (the leaderboard, a pool's picks, the operator's area).
 */
export function usePageCeremony(): string | undefined {
  const season = usePageSeason().query.data;
  return season && closingCeremony(season)?.slug;
}

/** The season's events that take picks, in date order: each has its own ballot. */
export const ballotEvents = (season: SeasonDetail) => season.events.filter((event) => event.takesPicks);

/** The page's season with every ballot it has, loaded: what the notices above every page read. */
export function useSeasonBallots(): { season: SeasonDetail; ceremonies: EventDetail[] } | undefined {
  const season = usePageSeason().query.data;
  const ceremonies = useQueries({
    queries: (season ? ballotEvents(season) : []).map((event) => eventQuery(event.slug)),
    combine: (results) =>
      results.every((result) => result.data) ? results.flatMap((result) => result.data ?? []) : undefined,
  });
  return season && ceremonies ? { season, ceremonies } : undefined;
}

/**
 * The slug of the season an event belongs to (`null`: none has it), asked of every season's detail: seasons are few,
 * and an event's own answer does not name its season. Old addresses that name only an event redirect with it.
 */
export function useSeasonOfEvent(eventSlug: string): QueryLike<string | null> {
  const seasons = useSeasons();
  const details = useQueries({ queries: (seasons.data?.seasons ?? []).map((season) => seasonQuery(season.slug)) });
  const failed = seasons.error ?? details.find((detail) => detail.error)?.error ?? null;
  const loaded = seasons.data !== undefined && details.every((detail) => detail.data);
  return {
    isPending: !loaded && failed === null,
    isError: failed !== null,
    error: failed,
    data: loaded
      ? (details.find((detail) => detail.data?.events.some((event) => event.slug === eventSlug))?.data?.slug ?? null)
      : undefined,
    refetch: () => Promise.all([seasons.refetch(), ...details.map((detail) => detail.refetch())]),
  };
}

/** The season's events and its films' releases merged into its calendar. */
export const useSeasonTimeline = (season: SeasonDetail): QueryLike<TimelineEntry[]> => {
  const films = useQuery(filmsQuery(season.slug));
  return {
    isPending: films.isPending,
    isError: films.isError,
    error: films.error,
    data: films.data ? buildSeasonTimeline(season.events, films.data.films) : undefined,
    refetch: films.refetch,
  };
};
