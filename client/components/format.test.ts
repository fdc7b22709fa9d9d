import { describe, expect, it } from "vitest";
import { formatCountdown, formatDay, formatInstant } from "./format";

const ceremonyLock = Date.parse("2017-02-27T01:30:00Z");
const duringSeason = Date.parse("2017-01-10T12:00:00Z");

describe("formatDay", () => {
  it("never shifts a calendar day with the time zone", () => {
    expect(formatDay("2017-02-26")).toBe("Sun, Feb 26, 2017");
  });
});

describe("formatInstant", () => {
  it("shows a lock time in the reader's zone, naming the zone", () => {
    expect(formatInstant(ceremonyLock, duringSeason, "America/Los_Angeles")).toBe("Sun, Feb 26, 5:30 PM PST");
    expect(formatInstant(ceremonyLock, duringSeason, "America/New_York")).toBe("Sun, Feb 26, 8:30 PM EST");
  });

  it("moves to the next day where it is already tomorrow", () => {
    expect(formatInstant(ceremonyLock, duringSeason, "UTC")).toBe("Mon, Feb 27, 1:30 AM UTC");
  });

  it("adds the year when the instant is not in the current year", () => {
    const yearsLater = Date.parse("2026-03-01T00:00:00Z");
    expect(formatInstant(ceremonyLock, yearsLater, "America/Los_Angeles")).toBe("Sun, Feb 26, 2017, 5:30 PM PST");
  });

  it("judges the year in the reader's zone, not in UTC", () => {
    const newYearsEveInLosAngeles = Date.parse("2017-01-01T05:00:00Z");
    const lockOnNewYearsEve = Date.parse("2017-01-01T06:00:00Z");
    expect(formatInstant(lockOnNewYearsEve, newYearsEveInLosAngeles, "America/Los_Angeles")).toBe(
      "Sat, Dec 31, 10:00 PM PST",
    );
  });
});

describe("formatCountdown", () => {
  it.each([
    [(3 * 3600 + 12 * 60 + 30) * 1000, "3h 12m"],
    [23 * 3600 * 1000 + 59 * 60 * 1000, "23h 59m"],
    [(12 * 60 + 5) * 1000, "12m 5s"],
    [45_000, "45s"],
    [44_001, "45s"],
    [0, "0s"],
    [-5_000, "0s"],
  ])("%i ms → %s", (remainingMs, expected) => {
    expect(formatCountdown(remainingMs)).toBe(expected);
  });
});
