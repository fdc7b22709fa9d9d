import { describe, expect, it } from "vitest";
import { authPath, safeNext } from "./safeNext";

describe("safeNext", () => {
  it.each([
    ["/ballot", "/ballot"],
    ["/events/oscars-2017/best-picture?x=1", "/events/oscars-2017/best-picture?x=1"],
    [null, "/"],
    ["", "/"],
    ["https://evil.example", "/"],
    ["//evil.example/path", "/"],
    ["/\\evil.example", "/"],
    ["javascript:alert(1)", "/"],
    // Browsers drop tabs and newlines from URLs, so these become `//evil.example`, another site.
    ["/\t/evil.example", "/"],
    ["/\n/evil.example", "/"],
    ["/\r\n/evil.example/path", "/"],
    ["/ballot\u0000", "/"],
    ["/pools/\u007f3", "/"],
    ["/pools\\3", "/"],
  ])("%s → %s", (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});

describe("authPath", () => {
  it.each([
    ["/signup", "/pools/3", "/signup?next=%2Fpools%2F3"],
    ["/signin", "/ballot?tab=1", "/signin?next=%2Fballot%3Ftab%3D1"],
    ["/signup", null, "/signup"],
    ["/signin", "", "/signin"],
    ["/signup", "//evil.example", "/signup"],
    ["/signin", "https://evil.example", "/signin"],
    ["/signin", "/\t/evil.example", "/signin"],
  ] as const)("%s with next %s → %s", (page, next, expected) => {
    expect(authPath(page, next)).toBe(expected);
  });
});
