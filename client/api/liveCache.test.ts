import { describe, expect, it } from "vitest";
import type { EventDetail } from "../../shared/schemas/events";
import type { CategoryOdds, OddsHistory } from "../../shared/schemas/odds";
import { withLatestOdds, withWinners } from "./liveCache";

const history: OddsHistory = {
  categoryId: 1,
  demoFans: 0,
  series: [
    { t: "2017-01-08T10:00:00.000Z", probabilities: { "1": 0.5, "2": 0.5 } },
    { t: "2017-01-09T09:00:00.000Z", probabilities: { "1": 0.6, "2": 0.4 } },
  ],
};
const oddsAt = (updatedAt: string | null, first: number): CategoryOdds => ({
  categoryId: 1,
  updatedAt,
  contenders: [
    { contenderId: 1, picks: 3, eliminated: false, probability: first, fractional: "1/1", american: "+100" },
    { contenderId: 2, picks: 1, eliminated: false, probability: 1 - first, fractional: "1/1", american: "+100" },
  ],
  closingOdds: null,
  winnerHistory: null,
});

describe("withLatestOdds", () => {
  it("replaces the last point when the change is on its UTC day, as the server's daily history would", () => {
    expect(withLatestOdds(history, oddsAt("2017-01-09T21:00:00.000Z", 0.75)).series).toEqual([
      history.series[0],
      { t: "2017-01-09T21:00:00.000Z", probabilities: { "1": 0.75, "2": 0.25 } },
    ]);
  });

  it("adds a point for a change on a later day", () => {
    const next = withLatestOdds(history, oddsAt("2017-01-10T00:00:01.000Z", 0.7));
    expect(next.series).toHaveLength(3);
    expect(next.series.slice(0, 2)).toEqual(history.series);
  });

  it("keeps the history when the odds are older than its last point or nobody has picked", () => {
    expect(withLatestOdds(history, oddsAt("2017-01-09T08:00:00.000Z", 0.9))).toBe(history);
    expect(withLatestOdds(history, oddsAt(null, 0.5))).toBe(history);
  });
});

describe("withWinners", () => {
  const event = {
    id: 1,
    slug: "oscars-2017",
    name: "Academy Awards",
    date: "2017-02-26",
    kind: "ceremony",
    tiebreakerQuestion: null,
    categories: [
      { id: 1, winnerContenderId: null },
      { id: 2, winnerContenderId: 5 },
    ],
    // Only what withWinners reads: the slug and each category's id and winner.
  } as unknown as EventDetail;

  const announced = (contenderId: number | null) => ({ contenderId, at: "2017-02-27T05:07:00.000Z" });

  it("announces, corrects and clears winners of this event's categories only", () => {
    const next = withWinners(event, {
      categories: [
        { event: "oscars-2017", categoryId: 1, winnerContenderId: 3, winnerHistory: [announced(3)] },
        {
          event: "oscars-2017",
          categoryId: 2,
          winnerContenderId: null,
          winnerHistory: [announced(5), announced(null)],
        },
        { event: "golden-globes-2017", categoryId: 9, winnerContenderId: 4, winnerHistory: [announced(4)] },
      ],
    });
    expect(next.categories.map((category) => category.winnerContenderId)).toEqual([3, null]);
    // The history comes along, so a correction's story is told at once.
    expect(next.categories.map((category) => category.winnerHistory.length)).toEqual([1, 2]);
    expect(
      withWinners(event, {
        categories: [{ event: "baftas", categoryId: 1, winnerContenderId: 2, winnerHistory: [announced(2)] }],
      }),
    ).toBe(event);
  });
});
