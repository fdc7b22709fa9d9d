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
  XAxis,
  YAxis,
} from "recharts";
import { formatOdds, formatPercent, type OddsFormat } from "../../../shared/domain/odds";
import { type AxisLayout, SEASON_END, spacedLabels } from "./timeAxis";

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
const PLOT_INSET_PX = Y_AXIS_WIDTH + 16;

export default function RaceChart({ rows, lines, layout, markers, format }: Props) {
  const tickLabels = new Map(layout.ticks.map((tick) => [tick.position, tick.label]));
  const [plotWidth, setPlotWidth] = useState(0);
  const labelled = spacedLabels(markers, layout.domain, plotWidth);
  return (
    // The plot is the container less the y axis and margins: what the marker numbers have to share.
    <ResponsiveContainer width="100%" height={340} onResize={(width) => setPlotWidth(width - PLOT_INSET_PX)}>
      <LineChart data={rows} margin={{ top: 24, right: 16, bottom: 4, left: 0 }}>
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
        <Legend wrapperStyle={{ fontSize: 13 }} />
        {lines.map((line) => (
          <Line
            key={line.key}
            dataKey={line.key}
            name={line.name}
            stroke={line.color}
            strokeWidth={2}
            dot={(dot) => <LiveDot key={dot.index} cx={dot.cx} cy={dot.cy} row={dot.payload} color={line.color} />}
            isAnimationActive={false}
            type="monotone"
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
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
function LiveDot({ cx, cy, row, color }: { cx?: number; cy?: number; row: ChartRow; color: string }) {
  if (cx === undefined || cy === undefined || row.t < SEASON_END) return null;
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
