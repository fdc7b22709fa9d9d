/** The season as every feature reads it: its events, one event with its categories, the films, the calendar. */
import { queryOptions, useQueries, useQuery } from "@tanstack/react-query";
import { buildSeasonTimeline, type TimelineEntry } from "../../shared/domain/timeline";
import { eventDetailSchema, eventsResponseSchema, filmsResponseSchema } from "../../shared/schemas/events";
import type { QueryLike } from "../components/QueryState";
import { api } from "./client";
import { queryKeys } from "./queryKeys";

/** The launch season's ceremony; later seasons will pick it from the events list. */
export const CEREMONY_SLUG = "oscars-2017";

/** The season data changes only when an operator edits it, so it stays fresh for a minute. */
const seasonStaleTime = 60_000;

const eventsQuery = () =>
  queryOptions({
    queryKey: queryKeys.events(),
    queryFn: ({ signal }) => api.get("/events", eventsResponseSchema, signal),
    staleTime: seasonStaleTime,
  });

const filmsQuery = () =>
  queryOptions({
    queryKey: queryKeys.films(),
    queryFn: ({ signal }) => api.get("/films", filmsResponseSchema, signal),
    staleTime: seasonStaleTime,
  });

export const eventQuery = (slug: string) =>
  queryOptions({
    queryKey: queryKeys.event(slug),
    queryFn: ({ signal }) => api.get(`/events/${encodeURIComponent(slug)}`, eventDetailSchema, signal),
    staleTime: seasonStaleTime,
  });

export const useEvent = (slug: string) => useQuery(eventQuery(slug));

export const useEvents = () => useQuery(eventsQuery());

export const useFilms = () => useQuery(filmsQuery());

/** Events and film releases merged into the season calendar. */
export const useSeasonTimeline = (): QueryLike<TimelineEntry[]> =>
  useQueries({
    queries: [eventsQuery(), filmsQuery()],
    combine: ([events, films]) => ({
      isPending: events.isPending || films.isPending,
      isError: events.isError || films.isError,
      error: events.error ?? films.error,
      data: events.data && films.data ? buildSeasonTimeline(events.data.events, films.data.films) : undefined,
      refetch: () => Promise.all([events.refetch(), films.refetch()]),
    }),
  });
