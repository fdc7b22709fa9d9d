/**
 * Odds maths shared by server and client: smoothed consensus probabilities, and the one conversion
 * from a probability to readable fractional and American odds.
 */

/**
 * Additive (Laplace) smoothing: every contender starts with ALPHA imaginary picks, so an unpicked contender is
 * never 0% while picks are few, and the smoothing fades as real picks grow (1 pick in 3,000 moves nothing).
 */
export const SMOOTHING_ALPHA = 1;

/** Probabilities for the given pick counts, in the same order; they sum to 1. */
export function consensusProbabilities(counts: readonly number[], alpha = SMOOTHING_ALPHA): number[] {
  const total = counts.reduce((sum, count) => sum + count, 0);
  const denominator = total + alpha * counts.length;
  if (denominator === 0) return counts.map(() => 1 / counts.length);
  return counts.map((count) => (count + alpha) / denominator);
}

/** Odds are quoted between 1/1000 and 1000/1: a certainty or an impossibility has no finite price. */
const MAX_RATIO = 1000;
/** Fractions with denominators up to this read like a bookmaker's (7/2, 11/8); beyond it they are noise. */
const MAX_DENOMINATOR = 10;
/** From 10/1 up, whole numbers are all a reader needs (12/1, 33/1). */
const WHOLE_NUMBERS_FROM = 10;

export type Odds = {
  /** Odds against as `winnings/stake`: "7/2" means 7 won for every 2 staked. */
  fractional: string;
  /** Moneyline: "+350" wins 350 per 100 staked; "-400" stakes 400 to win 100. Evens is "+100". */
  american: string;
};

/** Fractional and American odds for a probability of winning (0 < p < 1; the ends are clamped). */
export function oddsFromProbability(probability: number): Odds {
  if (!Number.isFinite(probability)) throw new RangeError(`probability must be a number, got ${probability}`);
  const clamped = Math.min(Math.max(probability, 1 / (MAX_RATIO + 1)), MAX_RATIO / (MAX_RATIO + 1));
  // The bettor's profit per unit staked.
  const ratio = (1 - clamped) / clamped;
  return { fractional: fractionalOdds(ratio), american: americanOdds(ratio) };
}

function fractionalOdds(ratio: number): string {
  // Odds-on prices mirror odds-against ones (1/4 is 4/1 reversed), so p and 1 - p always read as mirror images.
  if (ratio < 1) {
    const [numerator, denominator] = readableFraction(1 / ratio);
    return `${denominator}/${numerator}`;
  }
  const [numerator, denominator] = readableFraction(ratio);
  return `${numerator}/${denominator}`;
}

/** The nearest fraction ≥ 1 with a small denominator; ties go to the smaller denominator. */
function readableFraction(ratio: number): [number, number] {
  if (ratio >= WHOLE_NUMBERS_FROM) return [Math.round(ratio), 1];
  let best: [number, number] = [Math.round(ratio), 1];
  let bestError = Math.abs(ratio - best[0]);
  for (let denominator = 2; denominator <= MAX_DENOMINATOR; denominator += 1) {
    const numerator = Math.round(ratio * denominator);
    const error = Math.abs(ratio - numerator / denominator);
    // A tolerance keeps float noise (3.4999999) from preferring 31/9 over 7/2.
    if (error < bestError - 1e-9) {
      best = [numerator, denominator];
      bestError = error;
    }
  }
  const divisor = greatestCommonDivisor(best[0], best[1]);
  return [best[0] / divisor, best[1] / divisor];
}

function americanOdds(ratio: number): string {
  if (ratio >= 1) return `+${Math.round(ratio * 100)}`;
  return `-${Math.round(100 / ratio)}`;
}

function greatestCommonDivisor(a: number, b: number): number {
  return b === 0 ? a : greatestCommonDivisor(b, a % b);
}

export type OddsFormat = "percent" | "fractional" | "american";

/** "22.2%": one decimal, so a move of a tenth of a point is visible when the crowd is large. */
export const formatPercent = (probability: number) => `${(probability * 100).toFixed(1)}%`;

export function formatOdds(probability: number, format: OddsFormat): string {
  if (format === "percent") return formatPercent(probability);
  return oddsFromProbability(probability)[format];
}
