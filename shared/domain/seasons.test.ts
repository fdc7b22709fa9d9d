import { describe, expect, it } from "vitest";
import { ceremonyDay, currentSeason } from "./seasons.js";

const first = { slug: "2016-17", startsOn: "2016-11-28", endsOn: "2017-02-26" };
const second = { slug: "2017-18", startsOn: "2017-11-27", endsOn: "2018-03-04" };
const current = (today: string, seasons = [second, first]) => currentSeason(seasons, today)?.slug;

describe("currentSeason", () => {
  it("is the first season before it starts, and before the second one exists", () => {
    expect(current("2016-01-01")).toBe("2016-17");
    expect(current("2016-01-01", [first])).toBe("2016-17");
  });

  it("is the first season while it runs, through the day of its ceremony", () => {
    expect(current("2016-11-28")).toBe("2016-17");
    expect(current("2017-01-08")).toBe("2016-17");
    expect(current("2017-02-26")).toBe("2016-17");
  });

  it("moves to the next season the day after a ceremony, before that season's first event", () => {
    expect(current("2017-02-27")).toBe("2017-18");
    expect(current("2017-11-26")).toBe("2017-18");
  });

  it("is the second season while it runs, through the day of its ceremony", () => {
    expect(current("2017-11-27")).toBe("2017-18");
    expect(current("2018-03-04")).toBe("2017-18");
  });

  it("is the most recent season once every season is over", () => {
    expect(current("2018-03-05")).toBe("2017-18");
    expect(current("2030-01-01")).toBe("2017-18");
    expect(current("2017-02-27", [first])).toBe("2016-17");
  });

  it("picks the season that ends first when two overlap", () => {
    const overlapping = { slug: "late", startsOn: "2017-01-01", endsOn: "2017-03-01" };
    expect(current("2017-01-15", [overlapping, first])).toBe("2016-17");
    expect(current("2017-02-27", [overlapping, first])).toBe("late");
  });

  it("has none without seasons", () => {
    expect(currentSeason([], "2017-01-01")).toBeUndefined();
  });
});

describe("ceremonyDay", () => {
  it("is the day in Los Angeles, so the Oscars' evening (the next UTC day) is still the ceremony's day", () => {
    // The 89th Academy Awards began at 17:30 PST on 2017-02-26, which was 01:30 UTC on 2017-02-27.
    expect(ceremonyDay(new Date("2017-02-27T01:30:00Z"))).toBe("2017-02-26");
    expect(ceremonyDay(new Date("2017-02-27T07:59:59.999Z"))).toBe("2017-02-26");
    expect(ceremonyDay(new Date("2017-02-27T08:00:00Z"))).toBe("2017-02-27");
    // Daylight saving time: Pacific midnight is 07:00 UTC in summer.
    expect(ceremonyDay(new Date("2017-07-01T06:59:59Z"))).toBe("2017-06-30");
    expect(ceremonyDay(new Date("2017-07-01T07:00:00Z"))).toBe("2017-07-01");
  });
});
