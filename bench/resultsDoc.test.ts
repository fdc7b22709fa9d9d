import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  fanoutMarkers,
  RESULTS_END,
  RESULTS_START,
  replaceResults,
  workersMarkers,
  writeResults,
} from "./resultsDoc.js";

const page = (between: string) =>
  `# Performance\n\nWritten by hand.\n\n${RESULTS_START}${between}${RESULTS_END}\n\n## After\n\nAlso by hand.\n`;

describe("replaceResults", () => {
  it("replaces only what is between the markers", () => {
    expect(replaceResults(page("\nold table\n"), "| new | table |\n")).toBe(page("\n\n| new | table |\n\n"));
  });

  it("gives the same page when run twice with the same results", () => {
    const once = replaceResults(page("\n"), "results");
    expect(replaceResults(once, "results")).toBe(once);
  });

  it.each([
    ["no markers", "# Performance\n"],
    ["only the start", `${RESULTS_START}\n`],
    ["the end before the start", `${RESULTS_END}\n${RESULTS_START}\n`],
    ["two pairs", `${page("\n")}${page("\n")}`],
  ])("refuses a page with %s", (_, document) => {
    expect(() => replaceResults(document, "results")).toThrow(/marker/);
  });
});

describe("writeResults", () => {
  it("rewrites the file in place", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "frontrunner-results-"));
    try {
      const file = path.join(dir, "performance.md");
      writeFileSync(file, page("\nold\n"));
      writeResults(file, "new");
      expect(readFileSync(file, "utf8")).toBe(page("\n\nnew\n\n"));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the scenarios' own sections", () => {
  it("replaces the workers section and leaves the fan-out section and the bench results as they are", () => {
    const section = (markers: { start: string; end: string }, text: string) =>
      `${markers.start}\n\n${text}\n\n${markers.end}`;
    const document = [
      "# Performance",
      section({ start: RESULTS_START, end: RESULTS_END }, "bench"),
      section(fanoutMarkers, "fan-out"),
      section(workersMarkers, "old workers"),
      "",
    ].join("\n\n");
    expect(replaceResults(document, "new workers", workersMarkers)).toBe(
      document.replace("old workers", "new workers"),
    );
  });
});
