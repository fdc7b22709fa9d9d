import { describe, expect, it } from "vitest";
import { z } from "zod";
import { queryParser } from "./validate.js";

/** A request as a parser sees it: the URL and Express's simple (querystring) parse of it. */
const request = (url: string) => ({
  url,
  query: Object.fromEntries(new URL(url, "http://frontrunner.test").searchParams),
});

function countingParser() {
  let validations = 0;
  const schema = z.strictObject({
    limit: z.string().transform((value) => {
      validations += 1;
      return Number(value);
    }),
  });
  return { parse: queryParser(schema), validations: () => validations };
}

describe("queryParser", () => {
  it("validates each distinct query string once and answers repeats from memory", () => {
    const { parse, validations } = countingParser();
    expect(parse(request("/leaderboard?limit=25"))).toEqual({ limit: 25 });
    expect(parse(request("/leaderboard?limit=25"))).toEqual({ limit: 25 });
    expect(validations()).toBe(1);
    expect(parse(request("/leaderboard?limit=10"))).toEqual({ limit: 10 });
    expect(validations()).toBe(2);
  });

  it("refuses an invalid query string with 400 every time, naming the field", () => {
    const { parse } = countingParser();
    for (let attempt = 0; attempt < 2; attempt += 1) {
      expect(() => parse(request("/leaderboard?limit=25&sort=desc"))).toThrow(
        expect.objectContaining({ status: 400, code: "invalid_request" }),
      );
    }
    expect(() => parse(request("/leaderboard"))).toThrow(
      expect.objectContaining({ details: [expect.objectContaining({ path: "query.limit" })] }),
    );
  });

  it("forgets everything once it holds 500 query strings, so odd ones can't grow memory", () => {
    const { parse, validations } = countingParser();
    for (let limit = 0; limit <= 500; limit += 1) parse(request(`/leaderboard?limit=${limit}`));
    expect(validations()).toBe(501);
    parse(request("/leaderboard?limit=500"));
    expect(validations()).toBe(501);
    parse(request("/leaderboard?limit=0"));
    expect(validations()).toBe(502);
  });
});
