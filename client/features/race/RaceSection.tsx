/**
 * A category's race over time: the odds-history chart (lazy-loaded), toggles for which contenders it shows,
 * and the season's key dates it marks. Announced-but-changed release dates are dashed and labelled as announced.
 */
import { lazy, type ReactNode, Suspense, useId, useState } from "react";
import { precursorWinners, type TimelineEntry } from "../../../shared/domain/timeline";
import type { Category, SeasonDetail } from "../../../shared/schemas/events";
import type { OddsHistory } from "../../../shared/schemas/odds";
import { usePrecursorResults } from "../../api/precursorResults";
import { useSeasonTimeline } from "../../api/season";
import { formatDay } from "../../components/format";
import { QueryState } from "../../components/QueryState";
import { useOddsFormat } from "../../stores/oddsFormat";
import { useOddsHistory } from "./api";
import { defaultChartLines } from "./chartLines";
import type { ChartLine, ChartMarker, ChartRow } from "./RaceChart";
import { layoutTimeAxis } from "./timeAxis";

const RaceChart = lazy(() => import("./RaceChart"));

/** One colour per contender (categories have up to 12 here), each readable on the dark background. */
const palette = [
  "#e8c15a",
  "#7fb2ff",
  "#ff8a80",
  "#7ddc9a",
  "#d7a6ff",
  "#ffb366",
  "#5fd3d3",
  "#f2f2a0",
  "#ff9ed8",
  "#ffffff",
  "#c8e67a",
  "#e0a370",
];

type Props = {
  /** The season the category belongs to: the chart's span, its key dates and its name. */
  season: SeasonDetail;
  category: Category;
  /** Contender slugs shown at first; the reader can add any other. */
  initialSlugs: readonly string[];
  /** A link to the same odds as a table: the chart's alternative for readers who can't use it. */
  tableLink: ReactNode;
};

/**
 * The chart comes first and the contender chooser after it, so on a phone the race itself is on the first screen
 * rather than twelve chips.
 */
export function RaceSection({ season, category, initialSlugs, tableLink }: Props) {
  const history = useOddsHistory(category.id);
  const timeline = useSeasonTimeline(season);
  // Markers still draw without results (while loading or if the request fails); they only lack the winners.
  const results = usePrecursorResults(season.slug);
  const [shown, setShown] = useState(() => defaultChartLines(category, initialSlugs));
  // A winner announced while the page is open joins the chart too, keeping whatever the reader toggled.
  const [winnerId, setWinnerId] = useState(category.winnerContenderId);
  if (winnerId !== category.winnerContenderId) {
    setWinnerId(category.winnerContenderId);
    const announced = category.winnerContenderId;
    if (announced !== null) setShown((current) => new Set(current).add(announced));
  }
  const togglesId = useId();

  const toggle = (contenderId: number) =>
    setShown((current) => {
      const next = new Set(current);
      if (!next.delete(contenderId)) next.add(contenderId);
      return next;
    });
  const lines: ChartLine[] = category.contenders.flatMap((contender, index) =>
    shown.has(contender.id)
      ? [{ key: String(contender.id), name: contender.name, color: palette[index % palette.length] ?? "#fff" }]
      : [],
  );
  const filmSlugs = new Set(
    category.contenders.filter((contender) => shown.has(contender.id)).map((contender) => contender.film.slug),
  );
  const winners = precursorWinners(
    results.data?.results ?? [],
    category.id,
    new Map(category.contenders.map((contender) => [contender.id, contender.name])),
  );

  return (
    <div className="race">
      <QueryState query={history} loadingLabel="Loading the odds history…">
        {(data) => (
          <RaceHistory
            history={data}
            title={`${category.name}: each contender's consensus chance over the season`}
            lines={lines}
            season={season}
            timeline={timeline.data ?? []}
            filmSlugs={filmSlugs}
            winners={winners}
            tableLink={tableLink}
            chooser={
              <fieldset className="race-toggles" aria-describedby={togglesId}>
                <legend>Contenders on the chart</legend>
                <p id={togglesId} className="visually-hidden">
                  Tick a contender to add its line to the chart.
                </p>
                {category.contenders.map((contender, index) => (
                  <label key={contender.id} className="race-toggle">
                    <input type="checkbox" checked={shown.has(contender.id)} onChange={() => toggle(contender.id)} />
                    <span
                      className="chart-swatch"
                      style={{ background: palette[index % palette.length] }}
                      aria-hidden="true"
                    />
                    {contender.name}
                  </label>
                ))}
              </fieldset>
            }
            demoFans={data.demoFans}
          />
        )}
      </QueryState>
    </div>
  );
}

/** `winners`: who won this category at that precursor, "Moonlight (Drama), La La Land (Musical or Comedy)". */
type Marker = TimelineEntry & { number: number; winners: string | null };

type HistoryProps = {
  history: OddsHistory;
  season: SeasonDetail;
  title: string;
  lines: ChartLine[];
  /** The season's calendar, the films on the chart and this category's precursor winners: the chart's markers. */
  timeline: readonly TimelineEntry[];
  filmSlugs: ReadonlySet<string>;
  winners: ReadonlyMap<string, string>;
  tableLink: ReactNode;
  chooser: ReactNode;
  demoFans: number;
};

function RaceHistory({
  history,
  season,
  title,
  lines,
  timeline,
  filmSlugs,
  winners,
  tableLink,
  chooser,
  demoFans,
}: HistoryProps) {
  const format = useOddsFormat((state) => state.format);
  if (history.series.length === 0) {
    return <div className="state state-empty">No picks yet: the chart starts with the first pick.</div>;
  }
  const instants = history.series.map((point) => Date.parse(point.t));
  const layout = layoutTimeAxis(instants, season);
  const markers = markersFor(timeline, filmSlugs, winners, [layout.domain[0], layout.seasonEnd]);
  const rows: ChartRow[] = history.series.map((point, index) => {
    const t = instants[index] ?? 0;
    return { ...point.probabilities, position: layout.position(t), t };
  });
  if (layout.breakBetween) {
    // A row with no values inside the break, so the lines stop at the break instead of bridging nine years.
    const [breakStart, breakEnd] = layout.breakBetween;
    const gapAt = (breakStart + breakEnd) / 2;
    rows.splice(
      rows.findIndex((row) => row.position > gapAt),
      0,
      { position: gapAt, t: gapAt },
    );
  }
  const chartMarkers: ChartMarker[] = markers.map((marker) => ({
    position: Date.parse(`${marker.date}T12:00:00Z`),
    number: marker.number,
    kind: marker.kind === "release" ? "release" : "event",
    announced: marker.status === "announced",
    date: marker.date,
    label: marker.winners ? `${marker.label}: ${marker.winners}` : marker.label,
  }));

  return (
    <>
      <figure className="race-chart" aria-label={title}>
        <Suspense
          fallback={
            <div className="state state-loading race-chart-placeholder" role="status">
              <span className="spinner" aria-hidden="true" />
              Drawing the chart…
            </div>
          }
        >
          <RaceChart rows={rows} lines={lines} layout={layout} markers={chartMarkers} format={format} title={title} />
        </Suspense>
        {layout.breakBetween && (
          <figcaption className="race-caption">
            The season is drawn to scale; after the break (≈), each day with new picks since the ceremony gets one equal
            slot, dated on the axis.
          </figcaption>
        )}
      </figure>
      <p className="race-table-link">{tableLink}</p>
      {chooser}
      {markers.length > 0 && (
        <details className="race-markers">
          <summary>Key dates on the chart ({markers.length})</summary>
          <ol>
            {markers.map((marker) => (
              <li key={marker.number} className={`kind-${marker.kind} status-${marker.status}`}>
                <span className="race-marker-number">{marker.number}</span>
                <time dateTime={marker.date}>{formatDay(marker.date)}</time> {marker.label}
                {marker.winners && <span className="race-marker-winners">: {marker.winners}</span>}
                {marker.note && <span className="race-marker-note"> — {marker.note}</span>}
              </li>
            ))}
          </ol>
          <p className="race-note">Solid lines are what happened; dashed lines are dates as announced that changed.</p>
        </details>
      )}
      {demoFans > 0 && (
        <p className="race-note">
          The history includes a simulated crowd of {demoFans.toLocaleString("en-US")} fans whose picks follow how the{" "}
          {season.name} actually unfolded. Real fans' picks count alongside them.
        </p>
      )}
    </>
  );
}

/**
 * Awards events in the season (with this category's winners), plus the debuts and wide releases of the films on the
 * chart, inside the stretch the axis draws to scale.
 */
function markersFor(
  timeline: readonly TimelineEntry[],
  filmSlugs: ReadonlySet<string>,
  winners: ReadonlyMap<string, string>,
  [start, end]: readonly [number, number],
): Marker[] {
  return timeline
    .filter((entry) => {
      const at = Date.parse(`${entry.date}T12:00:00Z`);
      if (at < start || at >= end) return false;
      if (entry.kind !== "release") return true;
      return entry.filmSlug !== null && filmSlugs.has(entry.filmSlug) && entry.releaseKind !== "expansion";
    })
    .map((entry, index) => ({
      ...entry,
      number: index + 1,
      winners: entry.eventSlug === null ? null : (winners.get(entry.eventSlug) ?? null),
    }));
}
