import { describe, expect, it } from "vitest";
import type { EventSummary, Film } from "../schemas/events.js";
import { buildSeasonTimeline, describeWins, precursorWinners } from "./timeline.js";

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

describe("describeWins", () => {
  it("names a single winner alone", () => {
    expect(describeWins([{ award: "Best Feature", winner: "Moonlight" }])).toBe("Moonlight");
  });

  it("tells several awards apart by what differs in their names", () => {
    expect(
      describeWins([
        { award: "Best Motion Picture – Drama", winner: "Moonlight" },
        { award: "Best Motion Picture – Musical or Comedy", winner: "La La Land" },
      ]),
    ).toBe("Moonlight (Drama), La La Land (Musical or Comedy)");
    expect(
      describeWins([
        { award: "Best Film", winner: "Moonlight" },
        { award: "Best Picture", winner: "La La Land" },
      ]),
    ).toBe("Moonlight (Best Film), La La Land (Best Picture)");
  });

  it("reads a tie as one award with two winners", () => {
    expect(
      describeWins([
        { award: "Best Film", winner: "Moonlight" },
        { award: "Best Film", winner: "La La Land" },
      ]),
    ).toBe("Moonlight and La La Land (tie)");
  });
});

describe("precursorWinners", () => {
  const names = new Map([
    [1, "Moonlight"],
    [2, "La La Land"],
    [9, "Emma Stone"],
  ]);
  const result = (eventSlug: string, award: string, categoryId: number, contenderId: number) => ({
    eventSlug,
    award,
    categoryId,
    contenderId,
  });

  it("gathers one category's wins by event, leaving other categories and unknown contenders out", () => {
    const winners = precursorWinners(
      [
        result("gotham-2016", "Best Feature", 10, 1),
        result("golden-globes-2017", "Best Motion Picture – Drama", 10, 1),
        result("golden-globes-2017", "Best Actress – Musical or Comedy", 20, 9),
        result("golden-globes-2017", "Best Motion Picture – Musical or Comedy", 10, 2),
        result("bafta-2017", "Best Film", 10, 404),
      ],
      10,
      names,
    );
    expect(Object.fromEntries(winners)).toEqual({
      "gotham-2016": "Moonlight",
      "golden-globes-2017": "Moonlight (Drama), La La Land (Musical or Comedy)",
    });
  });
});
