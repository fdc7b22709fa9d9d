/**
 * The odds-history line chart (recharts). Loaded lazily by RaceSection, so recharts stays out of the first
 * download. Plots on the broken time axis from timeAxis.ts; the tooltip shows each point's real date.
 */

import { useState } from "react";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  usePlotArea,
  useXAxisScale,
  useYAxisScale,
  XAxis,
  YAxis,
} from "recharts";
import { formatOdds, formatPercent, type OddsFormat } from "../../../shared/domain/odds";
import { shortLabel, spreadLabels } from "./endLabels";
import { type AxisLayout, spacedLabels } from "./timeAxis";

export type ChartLine = { key: string; name: string; color: string };
export type ChartRow = { position: number; t: number } & Record<string, number>;
export type ChartMarker = {
  position: number;
  number: number;
  kind: "event" | "release";
  announced: boolean;
  /** The marker's UTC day, so the tooltip can list what happened on the day under the pointer. */
  date: string;
  /** What happened, with the category's winners at a precursor: "Golden Globes: Moonlight (Drama), …". */
  label: string;
};

type Props = {
  rows: ChartRow[];
  lines: ChartLine[];
  layout: AxisLayout;
  markers: ChartMarker[];
  format: OddsFormat;
  /** The chart's accessible name, "Best Picture: each contender's consensus chance over the season". */
  title: string;
};

const tooltipDate = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

const Y_AXIS_WIDTH = 44;
/** Room on the right for the direct labels at the lines' ends; narrower on a phone, where names are cut shorter. */
const LABEL_ROOM_PX = { narrow: 84, wide: 140 };
/** Below this chart width (a phone) the tooltip sits under the plot instead of over the lines it describes. */
const NARROW_CHART_PX = 640;

export default function RaceChart({ rows, lines, layout, markers, format, title }: Props) {
  const tickLabels = new Map(layout.ticks.map((tick) => [tick.position, tick.label]));
  const [containerWidth, setContainerWidth] = useState(0);
  const [readout, setReadout] = useState<HTMLDivElement | null>(null);
  const narrow = containerWidth > 0 && containerWidth < NARROW_CHART_PX;
  const labelRoom = narrow ? LABEL_ROOM_PX.narrow : LABEL_ROOM_PX.wide;
  // The plot is the container less the y axis and the label room: what the marker numbers have to share.
  const plotWidth = containerWidth - Y_AXIS_WIDTH - labelRoom;
  const labelled = spacedLabels(markers, layout.domain, plotWidth);
  const dropped = markers.length - labelled.size;
  return (
    <>
      <ResponsiveContainer width="100%" height={340} onResize={(width) => setContainerWidth(width)}>
        <LineChart data={rows} title={title} margin={{ top: 24, right: labelRoom, bottom: 4, left: 0 }}>
          <CartesianGrid stroke="var(--ink-line)" strokeDasharray="2 4" vertical={false} />
          <XAxis
            dataKey="position"
            type="number"
            scale="time"
            domain={layout.domain}
            ticks={layout.ticks.map((tick) => tick.position)}
            tickFormatter={(position: number) => tickLabels.get(position) ?? ""}
            stroke="var(--muted)"
            fontSize={12}
          />
          <YAxis
            domain={[0, "auto"]}
            tickFormatter={(probability: number) => `${Math.round(probability * 100)}%`}
            stroke="var(--muted)"
            fontSize={12}
            width={Y_AXIS_WIDTH}
          />
          {layout.breakBetween && (
            <ReferenceArea
              x1={layout.breakBetween[0]}
              x2={layout.breakBetween[1]}
              fill="var(--ink)"
              fillOpacity={0.9}
              label={{ value: "≈", fill: "var(--muted)", fontSize: 18, position: "insideTop" }}
            />
          )}
          {markers.map((marker) => (
            <ReferenceLine
              key={`${marker.number}`}
              x={marker.position}
              stroke={marker.kind === "event" ? "var(--gold-deep)" : "var(--accent-blue)"}
              strokeOpacity={0.6}
              strokeDasharray={marker.announced ? "4 4" : undefined}
              label={labelled.has(marker.number) ? <MarkerLabel marker={marker} /> : undefined}
            />
          ))}
          <Tooltip
            portal={narrow ? readout : undefined}
            content={({ active, payload }) => (
              <PointTooltip
                active={active}
                row={payload?.[0]?.payload as ChartRow | undefined}
                lines={lines}
                markers={markers}
                format={format}
              />
            )}
          />
          {/* In the chooser's order: recharts would sort by name, or by when each line was first drawn. */}
          <Legend
            wrapperStyle={{ fontSize: 13 }}
            itemSorter={(item) => lines.findIndex((line) => line.key === item.dataKey)}
          />
          {lines.map((line) => (
            <Line
              key={line.key}
              dataKey={line.key}
              name={line.name}
              stroke={line.color}
              strokeWidth={2}
              dot={(dot) => (
                <LiveDot
                  key={dot.index}
                  cx={dot.cx}
                  cy={dot.cy}
                  row={dot.payload}
                  color={line.color}
                  seasonEnd={layout.seasonEnd}
                />
              )}
              isAnimationActive={false}
              type="monotone"
            />
          ))}
          <EndLabels rows={rows} lines={lines} maxChars={narrow ? 11 : 19} />
        </LineChart>
      </ResponsiveContainer>
      {/* On a phone the tooltip renders here, under the plot, so reading a day never hides its lines. */}
      {narrow && <div ref={setReadout} className="chart-readout" aria-live="polite" />}
      {dropped > 0 && (
        <p className="race-note">
          {dropped} of {markers.length} key-date numbers are left off the chart at this width; every one is in the key
          dates list below.
        </p>
      )}
    </>
  );
}

/**
 * Each line's name beside its last point, spread apart so lines that end close together (two long shots near 0%)
 * stay told apart without matching colours to the legend.
 */
function EndLabels({ rows, lines, maxChars }: { rows: ChartRow[]; lines: ChartLine[]; maxChars: number }) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const plot = usePlotArea();
  if (!xScale || !yScale || !plot) return null;
  const ends = new Map<string, { x: number; y: number }>();
  for (const line of lines) {
    const last = rows.findLast((row) => row[line.key] !== undefined);
    const x = last && xScale(last.position);
    const y = last && yScale(last[line.key] ?? 0);
    if (x !== undefined && y !== undefined) ends.set(line.key, { x, y });
  }
  const placed = spreadLabels(
    new Map([...ends].map(([key, end]) => [key, end.y])),
    13,
    plot.y + 6,
    plot.y + plot.height,
  );
  return (
    <g className="chart-end-labels">
      {lines.map((line) => {
        const end = ends.get(line.key);
        const y = placed.get(line.key);
        if (!end || y === undefined) return null;
        return (
          <text key={line.key} x={end.x + 6} y={y} dy="0.35em" fill={line.color} fontSize={11}>
            <title>{line.name}</title>
            {shortLabel(line.name, maxChars)}
          </text>
        );
      })}
    </g>
  );
}

/** The marker's number above the chart, with what happened as its hover title. */
function MarkerLabel({ marker, viewBox }: { marker: ChartMarker; viewBox?: { x?: number; y?: number } }) {
  if (viewBox?.x === undefined || viewBox.y === undefined) return null;
  return (
    <text x={viewBox.x} y={viewBox.y - 6} textAnchor="middle" fill="var(--muted)" fontSize={10}>
      <title>{marker.label}</title>
      {marker.number}
    </text>
  );
}

/** Season points read as a line; each live day gets a dot, since a day or two of live picks is barely a line. */
function LiveDot({
  cx,
  cy,
  row,
  color,
  seasonEnd,
}: {
  cx?: number;
  cy?: number;
  row: ChartRow;
  color: string;
  seasonEnd: number;
}) {
  if (cx === undefined || cy === undefined || row.t < seasonEnd) return null;
  return <circle cx={cx} cy={cy} r={4} fill={color} stroke="var(--ink)" strokeWidth={1} />;
}

type TooltipProps = {
  active: boolean;
  row: ChartRow | undefined;
  lines: ChartLine[];
  markers: ChartMarker[];
  format: OddsFormat;
};

function PointTooltip({ active, row, lines, markers, format }: TooltipProps) {
  const shown = lines.filter((line) => row?.[line.key] !== undefined);
  if (!active || !row || shown.length === 0) return null;
  // Odds alongside the probability: the chosen format, or fractional when the choice is percent.
  const oddsFormat = format === "percent" ? "fractional" : format;
  const day = new Date(row.t).toISOString().slice(0, 10);
  const sameDay = markers.filter((marker) => marker.date === day);
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-date">{tooltipDate.format(row.t)}</p>
      <ul>
        {shown
          .sort((a, b) => (row[b.key] ?? 0) - (row[a.key] ?? 0))
          .map((line) => {
            const probability = row[line.key] ?? 0;
            return (
              <li key={line.key}>
                <span className="chart-swatch" style={{ background: line.color }} aria-hidden="true" />
                {line.name}: {formatPercent(probability)} · {formatOdds(probability, oddsFormat)}
              </li>
            );
          })}
      </ul>
      {sameDay.length > 0 && (
        <ul className="chart-tooltip-markers">
          {sameDay.map((marker) => (
            <li key={marker.number}>
              <span className="race-marker-number">{marker.number}</span> {marker.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
