/**
 * Puts the benchmark's Markdown into docs/performance.md between its two markers, leaving the rest of the page (the
 * prose written by hand around the results) as it is.
 */
import { readFileSync, writeFileSync } from "node:fs";

export const RESULTS_START = "<!-- bench:results:start -->";
export const RESULTS_END = "<!-- bench:results:end -->";

/** The document with everything between the markers replaced by `results`; the markers themselves stay. */
export function replaceResults(document: string, results: string): string {
  const start = document.indexOf(RESULTS_START);
  const end = document.indexOf(RESULTS_END);
  if (start < 0 || end < 0 || end < start) {
    throw new Error(`the page has no results markers, "${RESULTS_START}" then "${RESULTS_END}", to put them between`);
  }
  if (document.indexOf(RESULTS_START, start + 1) >= 0 || document.indexOf(RESULTS_END, end + 1) >= 0) {
    throw new Error("the page has more than one pair of results markers");
  }
  const before = document.slice(0, start + RESULTS_START.length);
  const after = document.slice(end);
  // Blank lines around the results, so the Markdown after the opening comment is read as Markdown.
  return `${before}\n\n${results.trim()}\n\n${after}`;
}

export function writeResults(file: string, results: string): void {
  writeFileSync(file, replaceResults(readFileSync(file, "utf8"), results));
}
