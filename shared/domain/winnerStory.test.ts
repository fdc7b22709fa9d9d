import { describe, expect, it } from "vitest";
import { correctionStory } from "./winnerStory.js";

const names = new Map([
  [1, "La La Land"],
  [2, "Moonlight"],
  [3, "Fences"],
]);
const nameOf = (id: number) => names.get(id) ?? "?";
const at = (minutes: number) => new Date(Date.parse("2017-02-27T05:08:00Z") + minutes * 60_000).toISOString();

describe("correctionStory", () => {
  it("tells the envelope night: read out in error, corrected on stage two minutes later", () => {
    const history = [
      { contenderId: 1, at: at(0) },
      { contenderId: 2, at: at(2) },
    ];
    expect(correctionStory(history, nameOf)).toBe("La La Land was read out in error and corrected on stage");
  });

  it("has no story for a winner announced once", () => {
    expect(correctionStory([{ contenderId: 2, at: at(0) }], nameOf)).toBeNull();
    expect(correctionStory([], nameOf)).toBeNull();
  });

  it("tells a later correction by its date", () => {
    const history = [
      { contenderId: 3, at: at(0) },
      { contenderId: 2, at: at(60 * 24) },
    ];
    expect(correctionStory(history, nameOf)).toBe("Fences was announced in error and corrected on Feb 28, 2017");
  });

  it("starts afresh after the winner was cleared, and says nothing while it is cleared", () => {
    const cleared = [
      { contenderId: 1, at: at(0) },
      { contenderId: null, at: at(1) },
    ];
    expect(correctionStory(cleared, nameOf)).toBeNull();
    expect(correctionStory([...cleared, { contenderId: 2, at: at(2) }], nameOf)).toBeNull();
  });

  it("names every contender read out before the winner once", () => {
    const history = [
      { contenderId: 1, at: at(0) },
      { contenderId: 3, at: at(1) },
      { contenderId: 1, at: at(2) },
      { contenderId: 2, at: at(3) },
    ];
    expect(correctionStory(history, nameOf)).toBe(
      "La La Land and Fences were read out in error and corrected on stage",
    );
  });
});
