/**
 * The race chart's broken time axis. The season (mid-November 2016 to the ceremony) is drawn at true scale; live
 * picks arriving years later sit after a short break, one equal slot per day with changes, so neither squashes
 * the other. Positions are what the chart plots; every label and tooltip shows the real date.
 */
const DAY = 86_400_000;

export const SEASON_START = Date.parse("2016-11-15T00:00:00Z");
/** The end of ceremony day: anything later is "live", drawn after the break. */
export const SEASON_END = Date.parse("2017-02-27T00:00:00Z");
/** Width of the visible break between the season and the live segment, in axis units (ms). */
export const BREAK_WIDTH = 8 * DAY;
/** The live segment never takes more than this, however many live days there are. */
const LIVE_SEGMENT_MAX = 24 * DAY;
const LIVE_SLOT_MAX = 6 * DAY;

export type AxisLayout = {
  /** Axis position of an instant that is one of the laid-out points (or any season instant). */
  position: (t: number) => number;
  domain: [number, number];
  /** Where the break is drawn, or null when nothing is live. */
  breakBetween: [number, number] | null;
  ticks: { position: number; label: string }[];
};

const monthTick = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" });
const dayTick = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

export function layoutTimeAxis(instants: readonly number[]): AxisLayout {
  const liveDays = [...new Set(instants.filter((t) => t >= SEASON_END).map(utcDayStart))].sort((a, b) => a - b);
  const slot = liveDays.length === 0 ? 0 : Math.min(LIVE_SLOT_MAX, LIVE_SEGMENT_MAX / liveDays.length);
  const liveStart = SEASON_END + BREAK_WIDTH;
  const livePosition = new Map(liveDays.map((day, index) => [day, liveStart + (index + 0.5) * slot]));

  const position = (t: number) => (t < SEASON_END ? t : (livePosition.get(utcDayStart(t)) ?? liveStart));
  const seasonTicks = [Date.UTC(2016, 11, 1), Date.UTC(2017, 0, 1), Date.UTC(2017, 1, 1)].map((t) => ({
    position: t,
    label: monthTick.format(t),
  }));
  const liveTicks = liveDays.map((day) => ({ position: position(day), label: dayTick.format(day) }));
  return {
    position,
    domain: [SEASON_START, liveDays.length === 0 ? SEASON_END : liveStart + liveDays.length * slot],
    breakBetween: liveDays.length === 0 ? null : [SEASON_END, liveStart],
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
