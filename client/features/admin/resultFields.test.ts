import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/client";
import { resultFieldErrors } from "./resultFields";

const refused = (details: unknown) => new ApiError(400, "invalid_request", "invalid body", details);

describe("resultFieldErrors", () => {
  it("puts the new row's problems beside their fields", () => {
    const error = refused([
      { path: "body.2.award", message: "is required" },
      { path: "body.2.contenderId", message: "is not a contender in this category" },
    ]);
    expect(resultFieldErrors(error, 2)).toEqual({
      award: "is required",
      contenderId: "is not a contender in this category",
    });
  });

  it("leaves problems with rows already recorded, unknown fields and other errors to the form's message", () => {
    expect(resultFieldErrors(refused([{ path: "body.0.award", message: "is required" }]), 2)).toEqual({});
    expect(resultFieldErrors(refused([{ path: "body.2.extra", message: "unrecognized" }]), 2)).toEqual({});
    expect(
      resultFieldErrors(new ApiError(400, "duplicate_result", "Each award may name a contender once."), 1),
    ).toEqual({});
    expect(resultFieldErrors(new Error("network"), 0)).toEqual({});
  });
});
