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

type PrecursorWin = { award: string; winner: string };

/**
 * One event's wins in a category, in a line: "Moonlight". Several awards for one category (the Golden Globes' two
 * pictures) name each by what sets it apart, "Moonlight (Drama), La La Land (Musical or Comedy)"; a tie reads
 * "Moonlight and La La Land (tie)".
 */
export function describeWins(wins: readonly PrecursorWin[]): string {
  const awards = [...new Set(wins.map((win) => win.award))];
  const prefix = sharedPrefix(awards);
  return awards
    .map((award) => {
      const winners = wins.filter((win) => win.award === award).map((win) => win.winner);
      const names = winners.length > 1 ? `${winners.join(" and ")} (tie)` : winners.join("");
      return awards.length > 1 ? `${names} (${award.slice(prefix.length) || award})` : names;
    })
    .join(", ");
}

/** The longest start, ending at a dash separator, that every award shares: "Best Motion Picture – ". */
function sharedPrefix(awards: readonly string[]): string {
  const [first, ...rest] = awards;
  if (first === undefined || rest.length === 0) return "";
  let length = 0;
  while (length < first.length && rest.every((award) => award[length] === first[length])) length += 1;
  const common = first.slice(0, length);
  const cut = Math.max(common.lastIndexOf(" – "), common.lastIndexOf(" - "));
  return cut < 0 ? "" : common.slice(0, cut + " – ".length);
}

/**
 * Who won what at each precursor in one category, by event slug, ready for a timeline label. Results naming a
 * contender the reader can't see (removed since) are left out rather than shown as a bare id.
 */
export function precursorWinners(
  results: readonly { eventSlug: string; award: string; categoryId: number; contenderId: number }[],
  categoryId: number,
  contenderNames: ReadonlyMap<number, string>,
): Map<string, string> {
  const winsByEvent = new Map<string, PrecursorWin[]>();
  for (const result of results) {
    const winner = contenderNames.get(result.contenderId);
    if (result.categoryId !== categoryId || winner === undefined) continue;
    const wins = winsByEvent.get(result.eventSlug) ?? [];
    wins.push({ award: result.award, winner });
    winsByEvent.set(result.eventSlug, wins);
  }
  return new Map([...winsByEvent].map(([slug, wins]) => [slug, describeWins(wins)]));
}
