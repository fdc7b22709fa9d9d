import { describe, expect, it } from "vitest";
import { movementText } from "./movement";

describe("movementText", () => {
  it("marks places gained and lost, and says them in words", () => {
    expect(movementText(3)).toEqual({ mark: "▲3", words: "up 3 places" });
    expect(movementText(-1)).toEqual({ mark: "▼1", words: "down 1 place" });
    expect(movementText(0)).toEqual({ mark: "–", words: "no change" });
    expect(movementText(null)).toEqual({ mark: "new", words: "new on the board" });
  });
});
