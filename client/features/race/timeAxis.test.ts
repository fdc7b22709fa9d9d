import { describe, expect, it } from "vitest";
import { BREAK_WIDTH, layoutTimeAxis, SEASON_END, SEASON_START, spacedLabels } from "./timeAxis";

const at = (iso: string) => Date.parse(iso);

describe("layoutTimeAxis", () => {
  it("draws the season at true scale and nothing after it when no picks are live", () => {
    const layout = layoutTimeAxis([at("2016-11-20T10:00:00Z"), at("2017-01-08T22:00:00Z")]);
    expect(layout.position(at("2017-01-08T22:00:00Z"))).toBe(at("2017-01-08T22:00:00Z"));
    expect(layout.domain).toEqual([SEASON_START, SEASON_END]);
    expect(layout.breakBetween).toBeNull();
    expect(layout.ticks.map((tick) => tick.label)).toEqual(["Dec 2016", "Jan 2017", "Feb 2017"]);
  });

  it("puts live days after a break, in order, one slot each, labelled with their real dates", () => {
    const today = at("2026-05-04T09:30:00Z");
    const later = at("2026-05-04T17:00:00Z");
    const tomorrow = at("2026-05-05T08:00:00Z");
    const layout = layoutTimeAxis([at("2017-02-20T12:00:00Z"), today, later, tomorrow]);
    expect(layout.breakBetween).toEqual([SEASON_END, SEASON_END + BREAK_WIDTH]);
    expect(layout.position(today)).toBeGreaterThan(SEASON_END + BREAK_WIDTH);
    // Changes within one day share its slot: a point per day, as the history is.
    expect(layout.position(later)).toBe(layout.position(today));
    expect(layout.position(tomorrow)).toBeGreaterThan(layout.position(today));
    expect(layout.domain[1]).toBeGreaterThan(layout.position(tomorrow));
    expect(layout.ticks.map((tick) => tick.label).slice(-2)).toEqual(["May 4, 2026", "May 5, 2026"]);
    // The live segment is short next to the season, however far away in time it is.
    expect(layout.domain[1] - SEASON_END).toBeLessThan((SEASON_END - SEASON_START) / 2);
  });
});

describe("spacedLabels", () => {
  const markers = [
    { position: 0, number: 1 },
    { position: 5, number: 2 },
    { position: 20, number: 3 },
    { position: 30, number: 4 },
    { position: 100, number: 5 },
  ];

  it("keeps every number when the chart is wide enough", () => {
    expect([...spacedLabels(markers, [0, 100], 1000)]).toEqual([1, 2, 3, 4, 5]);
  });

  it("drops numbers that would overprint the one before on a narrow chart", () => {
    expect([...spacedLabels(markers, [0, 100], 100)]).toEqual([1, 3, 5]);
    expect([...spacedLabels(markers, [0, 100], 50)]).toEqual([1, 4, 5]);
  });
});
