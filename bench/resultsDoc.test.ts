import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RESULTS_END, RESULTS_START, replaceResults, writeResults } from "./resultsDoc.js";

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
