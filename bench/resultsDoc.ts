/**
 * Puts a measurement's Markdown into docs/performance.md between its two markers (the benchmark's, or Lighthouse's),
 * leaving the rest of the page (the prose written by hand around the results) as it is.
 */
import { readFileSync, writeFileSync } from "node:fs";

export const RESULTS_START = "<!-- bench:results:start -->";
export const RESULTS_END = "<!-- bench:results:end -->";

type Markers = { start: string; end: string };
const benchMarkers: Markers = { start: RESULTS_START, end: RESULTS_END };
/** The fan-out scenario's section (bench/fanout.ts), written by `npm run bench` and by `BENCH_ONLY=fanout`. */
export const fanoutMarkers: Markers = { start: "<!-- bench:fanout:start -->", end: "<!-- bench:fanout:end -->" };
/** The workers scenario's section (bench/workers.ts), written by `npm run bench` and by `BENCH_ONLY=workers`. */
export const workersMarkers: Markers = { start: "<!-- bench:workers:start -->", end: "<!-- bench:workers:end -->" };

/** The document with everything between the markers replaced by `results`; the markers themselves stay. */
export function replaceResults(document: string, results: string, markers: Markers = benchMarkers): string {
  const start = document.indexOf(markers.start);
  const end = document.indexOf(markers.end);
  if (start < 0 || end < 0 || end < start) {
    throw new Error(`the page has no results markers, "${markers.start}" then "${markers.end}", to put them between`);
  }
  if (document.indexOf(markers.start, start + 1) >= 0 || document.indexOf(markers.end, end + 1) >= 0) {
    throw new Error("the page has more than one pair of results markers");
  }
  const before = document.slice(0, start + markers.start.length);
  const after = document.slice(end);
  // Blank lines around the results, so the Markdown after the opening comment is read as Markdown.
  return `${before}\n\n${results.trim()}\n\n${after}`;
}

export function writeResults(file: string, results: string, markers: Markers = benchMarkers): void {
  writeFileSync(file, replaceResults(readFileSync(file, "utf8"), results, markers));
}
