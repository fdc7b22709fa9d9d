import { describe, expect, it } from "vitest";
import { ApiError } from "../../../api/client";
import { pickErrorMessage } from "./pickErrorMessage";

describe("pickErrorMessage", () => {
  it("uses the server's lock message as is", () => {
    const locked = new ApiError(409, "category_locked", "Best Picture is locked: picks can no longer change.");
    expect(pickErrorMessage(locked, "Best Picture")).toBe("Best Picture is locked: picks can no longer change.");
  });

  it("names the category for other failures", () => {
    expect(pickErrorMessage(new ApiError(0, "network", "Can't reach Frontrunner."), "Best Actress")).toBe(
      "Your Best Actress pick wasn't saved: Can't reach Frontrunner.",
    );
    expect(pickErrorMessage(new ApiError(401, "unauthenticated", "Sign in first."), "Best Actor")).toMatch(
      /signed out/,
    );
  });
});
