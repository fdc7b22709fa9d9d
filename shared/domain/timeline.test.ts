import { describe, expect, it } from "vitest";
import type { EventSummary, Film } from "../schemas/events.js";
import { buildSeasonTimeline } from "./timeline.js";

const events: EventSummary[] = [
  { id: 2, slug: "oscars-2017", name: "89th Academy Awards", date: "2017-02-26", kind: "ceremony" },
  { id: 1, slug: "gotham-2016", name: "Gotham Awards", date: "2016-11-28", kind: "precursor" },
];
const films: Film[] = [
  {
    id: 1,
    slug: "la-la-land",
    title: "La La Land",
    releases: [
      { date: "2016-12-09", kind: "limited", status: "actual", note: null },
      { date: "2016-12-02", kind: "limited", status: "announced", note: "moved to Dec 9" },
    ],
  },
];

describe("buildSeasonTimeline", () => {
  it("merges events and releases in date order", () => {
    const timeline = buildSeasonTimeline(events, films);
    expect(timeline.map((entry) => entry.date)).toEqual(["2016-11-28", "2016-12-02", "2016-12-09", "2017-02-26"]);
  });

  it("labels announced dates so they are never mistaken for what happened", () => {
    const [, announced, actual] = buildSeasonTimeline(events, films);
    expect(announced).toMatchObject({
      label: "La La Land opens in limited release (as announced)",
      status: "announced",
      note: "moved to Dec 9",
      filmSlug: "la-la-land",
    });
    expect(actual).toMatchObject({ label: "La La Land opens in limited release", status: "actual" });
  });

  it("puts an event before a release on the same day", () => {
    const sameDay: Film[] = [
      { id: 2, slug: "x", title: "X", releases: [{ date: "2016-11-28", kind: "wide", status: "actual", note: null }] },
    ];
    expect(
      buildSeasonTimeline(events, sameDay)
        .slice(0, 2)
        .map((entry) => entry.kind),
    ).toEqual(["precursor", "release"]);
  });
});
