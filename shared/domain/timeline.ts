/**
 * The season calendar: awards events and film release milestones merged into one dated list.
 * Shared so the calendar page and the race chart's markers agree on what happened when.
 */
import type { EventSummary, Film } from "../schemas/events.js";

export type TimelineEntry = {
  date: string;
  label: string;
  kind: "precursor" | "nominations" | "ceremony" | "release";
  /** Only releases can be `announced`: a published plan that later changed. */
  status: "actual" | "announced";
  note: string | null;
  eventSlug: string | null;
  filmSlug: string | null;
  /** For releases: limited debut, expansion, or wide; null for events. */
  releaseKind: "limited" | "expansion" | "wide" | null;
};

const releaseVerb = { limited: "opens in limited release", expansion: "expands", wide: "opens wide" } as const;

export function buildSeasonTimeline(events: readonly EventSummary[], films: readonly Film[]): TimelineEntry[] {
  const entries: TimelineEntry[] = events.map((event) => ({
    date: event.date,
    label: event.name,
    kind: event.kind,
    status: "actual",
    note: null,
    eventSlug: event.slug,
    filmSlug: null,
    releaseKind: null,
  }));
  for (const film of films) {
    for (const release of film.releases) {
      entries.push({
        date: release.date,
        label:
          release.status === "announced"
            ? `${film.title} ${releaseVerb[release.kind]} (as announced)`
            : `${film.title} ${releaseVerb[release.kind]}`,
        kind: "release",
        status: release.status,
        note: release.note,
        eventSlug: null,
        filmSlug: film.slug,
        releaseKind: release.kind,
      });
    }
  }
  // Stable order within a day: events before releases, then by label, so the list never reshuffles.
  const kindOrder = { precursor: 0, nominations: 0, ceremony: 0, release: 1 } as const;
  return entries.sort(
    (a, b) => a.date.localeCompare(b.date) || kindOrder[a.kind] - kindOrder[b.kind] || a.label.localeCompare(b.label),
  );
}
