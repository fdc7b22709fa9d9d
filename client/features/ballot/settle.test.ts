import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSettler } from "./settle";

const DELAY = 500;

describe("createSettler", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("sends only the last of a burst of changes, once the burst settles", () => {
    const sent: (number | null)[] = [];
    const settler = createSettler<number | null>((value) => sent.push(value), DELAY);
    // Arrowing from the first contender across two more, each key press inside the wait.
    settler.change(1);
    vi.advanceTimersByTime(DELAY - 1);
    settler.change(2);
    vi.advanceTimersByTime(DELAY - 1);
    settler.change(3);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(DELAY);
    expect(sent).toEqual([3]);
    vi.runAllTimers();
    expect(sent).toEqual([3]);
  });

  it("sends changes that are further apart one by one", () => {
    const sent: number[] = [];
    const settler = createSettler<number>((value) => sent.push(value), DELAY);
    settler.change(1);
    vi.advanceTimersByTime(DELAY);
    settler.change(2);
    vi.advanceTimersByTime(DELAY);
    expect(sent).toEqual([1, 2]);
  });

  it("flushes a waiting change at once, and only once", () => {
    const sent: (number | null)[] = [];
    const settler = createSettler<number | null>((value) => sent.push(value), DELAY);
    settler.change(null);
    settler.flush();
    expect(sent).toEqual([null]);
    vi.runAllTimers();
    settler.flush();
    expect(sent).toEqual([null]);
  });

  it("flushes by another sender when given one, and the usual sender never sees that value", () => {
    const usual: number[] = [];
    const leaving: number[] = [];
    const settler = createSettler<number>((value) => usual.push(value), DELAY);
    settler.change(7);
    settler.flush((value) => leaving.push(value));
    vi.runAllTimers();
    expect(leaving).toEqual([7]);
    expect(usual).toEqual([]);
  });
});
