/**
 * The race chart's broken time axis. The season (its first event, or the first pick if that came earlier, to the end
 * of its ceremony's day) is drawn at true scale with a tick on the first of each month; live picks arriving years
 * later sit after a short break, one equal slot per day with changes, so neither squashes the other. Positions are
 * what the chart plots; every label and tooltip shows the real date.
 */
const DAY = 86_400_000;

/** Width of the visible break between the season and the live segment, in axis units (ms). */
export const BREAK_WIDTH = 8 * DAY;
/** The live segment never takes more than this, however many live days there are. */
const LIVE_SEGMENT_MAX = 24 * DAY;
const LIVE_SLOT_MAX = 6 * DAY;

/** A season's calendar days, as `GET /api/seasons/:slug` gives them (`YYYY-MM-DD`, first event and ceremony). */
export type SeasonSpan = { startsOn: string; endsOn: string };

export type AxisLayout = {
  /** Axis position of an instant that is one of the laid-out points (or any season instant). */
  position: (t: number) => number;
  domain: [number, number];
  /** The end of the ceremony's day (UTC): anything at or after it is "live", drawn after the break. */
  seasonEnd: number;
  /** Where the break is drawn, or null when nothing is live. */
  breakBetween: [number, number] | null;
  ticks: { position: number; label: string }[];
};

const monthTick = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" });
const dayTick = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

/**
 * The stretch drawn at true scale: from the season's first event, or from the day of the first pick when picks came
 * earlier (the launch season's simulated crowd joins two weeks before the Gothams), to the end of ceremony day.
 */
export function seasonWindow(span: SeasonSpan, instants: readonly number[]): [number, number] {
  const firstEvent = Date.parse(`${span.startsOn}T00:00:00Z`);
  const end = Date.parse(`${span.endsOn}T00:00:00Z`) + DAY;
  const firstPickDay = utcDayStart(instants.reduce((earliest, t) => Math.min(earliest, t), firstEvent));
  return [Math.min(firstEvent, firstPickDay), end];
}

/** The first day of every month from `start` (inclusive) to `end` (exclusive), as UTC instants. */
export function monthStarts(start: number, end: number): number[] {
  const first = new Date(start);
  const starts: number[] = [];
  for (let month = first.getUTCMonth(), year = first.getUTCFullYear(); ; month += 1) {
    const t = Date.UTC(year, month, 1);
    if (t >= end) return starts;
    if (t >= start) starts.push(t);
  }
}

export function layoutTimeAxis(instants: readonly number[], span: SeasonSpan): AxisLayout {
  const [seasonStart, seasonEnd] = seasonWindow(span, instants);
  const liveDays = [...new Set(instants.filter((t) => t >= seasonEnd).map(utcDayStart))].sort((a, b) => a - b);
  const slot = liveDays.length === 0 ? 0 : Math.min(LIVE_SLOT_MAX, LIVE_SEGMENT_MAX / liveDays.length);
  const liveStart = seasonEnd + BREAK_WIDTH;
  const livePosition = new Map(liveDays.map((day, index) => [day, liveStart + (index + 0.5) * slot]));

  const position = (t: number) => (t < seasonEnd ? t : (livePosition.get(utcDayStart(t)) ?? liveStart));
  const seasonTicks = monthStarts(seasonStart, seasonEnd).map((t) => ({ position: t, label: monthTick.format(t) }));
  const liveTicks = liveDays.map((day) => ({ position: position(day), label: dayTick.format(day) }));
  return {
    position,
    domain: [seasonStart, liveDays.length === 0 ? seasonEnd : liveStart + liveDays.length * slot],
    seasonEnd,
    breakBetween: liveDays.length === 0 ? null : [seasonEnd, liveStart],
    ticks: [...seasonTicks, ...liveTicks],
  };
}

const utcDayStart = (t: number) => Math.floor(t / DAY) * DAY;

/**
 * Which marker numbers fit above the chart without overprinting: walking left to right, a number is drawn only if
 * it is at least `minGapPx` from the last one drawn. The rest are still lines, listed under "Key dates".
 */
export function spacedLabels(
  markers: readonly { position: number; number: number }[],
  domain: readonly [number, number],
  widthPx: number,
  minGapPx = 14,
): Set<number> {
  const span = domain[1] - domain[0];
  const shown = new Set<number>();
  let lastX = Number.NEGATIVE_INFINITY;
  for (const marker of [...markers].sort((a, b) => a.position - b.position)) {
    const x = span > 0 ? ((marker.position - domain[0]) / span) * widthPx : 0;
    if (x - lastX >= minGapPx) {
      shown.add(marker.number);
      lastX = x;
    }
  }
  return shown;
}
