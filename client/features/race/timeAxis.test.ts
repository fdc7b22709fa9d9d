import { describe, expect, it } from "vitest";
import { BREAK_WIDTH, layoutTimeAxis, monthStarts, seasonWindow, spacedLabels } from "./timeAxis";

const at = (iso: string) => Date.parse(iso);
/** The spans GET /api/seasons gives the two seasons in the repo. */
const season2017 = { startsOn: "2016-11-28", endsOn: "2017-02-26" };
const season2018 = { startsOn: "2017-11-27", endsOn: "2018-03-04" };
const end2017 = at("2017-02-27T00:00:00Z");

describe("seasonWindow", () => {
  it("runs from the first event to the end of the ceremony's day", () => {
    expect(seasonWindow(season2018, [at("2017-12-01T10:00:00Z")])).toEqual([
      at("2017-11-27T00:00:00Z"),
      at("2018-03-05T00:00:00Z"),
    ]);
  });

  it("starts on the day of the first pick when picks came before the first event", () => {
    // The launch season's simulated crowd joins from 2016-11-15, before the Gothams of 2016-11-28.
    expect(seasonWindow(season2017, [at("2016-12-01T00:00:00Z"), at("2016-11-15T09:12:00Z")])).toEqual([
      at("2016-11-15T00:00:00Z"),
      end2017,
    ]);
  });

  it("is the season alone with no picks", () => {
    expect(seasonWindow(season2017, [])).toEqual([at("2016-11-28T00:00:00Z"), end2017]);
  });
});

describe("monthStarts", () => {
  it("lists the first of each month inside the window, across a new year", () => {
    expect(monthStarts(at("2017-11-27T00:00:00Z"), at("2018-03-05T00:00:00Z"))).toEqual([
      at("2017-12-01T00:00:00Z"),
      at("2018-01-01T00:00:00Z"),
      at("2018-02-01T00:00:00Z"),
      at("2018-03-01T00:00:00Z"),
    ]);
  });

  it("counts a window that opens on the first and leaves out the first of the closing month", () => {
    expect(monthStarts(at("2017-12-01T00:00:00Z"), at("2018-01-01T00:00:00Z"))).toEqual([at("2017-12-01T00:00:00Z")]);
  });
});

describe("layoutTimeAxis", () => {
  it("draws the season at true scale and nothing after it when no picks are live", () => {
    const layout = layoutTimeAxis([at("2016-11-20T10:00:00Z"), at("2017-01-08T22:00:00Z")], season2017);
    expect(layout.position(at("2017-01-08T22:00:00Z"))).toBe(at("2017-01-08T22:00:00Z"));
    expect(layout.domain).toEqual([at("2016-11-20T00:00:00Z"), end2017]);
    expect(layout.seasonEnd).toBe(end2017);
    expect(layout.breakBetween).toBeNull();
    expect(layout.ticks.map((tick) => tick.label)).toEqual(["Dec 2016", "Jan 2017", "Feb 2017"]);
  });

  it("takes its span and month ticks from the season it is given", () => {
    const layout = layoutTimeAxis([at("2017-12-02T10:00:00Z")], season2018);
    expect(layout.domain).toEqual([at("2017-11-27T00:00:00Z"), at("2018-03-05T00:00:00Z")]);
    expect(layout.ticks.map((tick) => tick.label)).toEqual(["Dec 2017", "Jan 2018", "Feb 2018", "Mar 2018"]);
  });

  it("puts live days after a break, in order, one slot each, labelled with their real dates", () => {
    const today = at("2026-05-04T09:30:00Z");
    const later = at("2026-05-04T17:00:00Z");
    const tomorrow = at("2026-05-05T08:00:00Z");
    const layout = layoutTimeAxis(
      [at("2016-11-15T12:00:00Z"), at("2017-02-20T12:00:00Z"), today, later, tomorrow],
      season2017,
    );
    expect(layout.breakBetween).toEqual([end2017, end2017 + BREAK_WIDTH]);
    expect(layout.position(today)).toBeGreaterThan(end2017 + BREAK_WIDTH);
    // Changes within one day share its slot: a point per day, as the history is.
    expect(layout.position(later)).toBe(layout.position(today));
    expect(layout.position(tomorrow)).toBeGreaterThan(layout.position(today));
    expect(layout.domain[1]).toBeGreaterThan(layout.position(tomorrow));
    expect(layout.ticks.map((tick) => tick.label).slice(-2)).toEqual(["May 4, 2026", "May 5, 2026"]);
    // The live segment is short next to the season, however far away in time it is.
    expect(layout.domain[1] - end2017).toBeLessThan((end2017 - layout.domain[0]) / 2);
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
