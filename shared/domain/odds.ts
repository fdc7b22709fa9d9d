/**
 * Odds maths shared by server and client: smoothed consensus probabilities, and the one conversion
 * from a probability to readable fractional and American odds.
 */

/**
 * Additive (Laplace) smoothing: every contender starts with ALPHA imaginary picks, so an unpicked contender is
 * never 0% while picks are few, and the smoothing fades as real picks grow (1 pick in 3,000 moves nothing).
 */
const SMOOTHING_ALPHA = 1;

/** Probabilities for the given pick counts, in the same order; they sum to 1. */
export function consensusProbabilities(counts: readonly number[], alpha = SMOOTHING_ALPHA): number[] {
  const total = counts.reduce((sum, count) => sum + count, 0);
  const denominator = total + alpha * counts.length;
  if (denominator === 0) return counts.map(() => 1 / counts.length);
  return counts.map((count) => (count + alpha) / denominator);
}

/**
 * The race rule: once the nominations are out, the consensus is over the nominees only. A contender the
 * nominations left out has no probability (null) from its category's elimination instant on (`eliminatedFrom`,
 * the start of nominations day; null when the season has none, so the cut applies at every instant), and the
 * rest are smoothed over themselves alone, so they still sum to 1. Before that instant everyone counts. One pass
 * over the counts: the odds, their history and a pick's locked-in odds all read the race through here.
 */
export function raceProbabilities(
  contenders: readonly { picks: number; eliminated: boolean }[],
  at: number,
  eliminatedFrom: number | null,
  alpha = SMOOTHING_ALPHA,
): (number | null)[] {
  const cut = eliminatedFrom === null || at >= eliminatedFrom;
  const inRace = contenders.map((contender) => !(cut && contender.eliminated));
  const shares = consensusProbabilities(
    contenders.filter((_, index) => inRace[index]).map((contender) => contender.picks),
    alpha,
  );
  let next = 0;
  return inRace.map((counted) => (counted ? (shares[next++] ?? 0) : null));
}

/** Odds are quoted between 1/1000 and 1000/1: a certainty or an impossibility has no finite price. */
const MAX_RATIO = 1000;

/**
 * The traditional bookmaker's ladder of odds-against prices (winnings/stake). A probability is quoted at the rung
 * whose implied probability is nearest, so readers see familiar prices (7/2, 11/8, 33/1) rather than 76/9.
 * Odds-on prices are the same rungs reversed (4/9 mirrors 9/4).
 */
const LADDER = (
  "1/1 11/10 6/5 5/4 11/8 6/4 13/8 7/4 15/8 2/1 9/4 5/2 11/4 3/1 10/3 7/2 4/1 9/2 5/1 11/2 6/1 13/2 7/1 15/2 " +
  "8/1 17/2 9/1 10/1 11/1 12/1 14/1 16/1 18/1 20/1 25/1 33/1 40/1 50/1 66/1 80/1 100/1 150/1 200/1 250/1 500/1 1000/1"
)
  .split(" ")
  .map((price) => {
    const [winnings = 1, stake = 1] = price.split("/").map(Number);
    return { winnings, stake, implied: stake / (winnings + stake) };
  });

type Odds = {
  /** Odds against as `winnings/stake`: "7/2" means 7 won for every 2 staked. */
  fractional: string;
  /** Moneyline: "+350" wins 350 per 100 staked; "-400" stakes 400 to win 100. Evens is "+100". */
  american: string;
};

/**
 * Fractional and American odds for a probability of winning (0 < p < 1; the ends are clamped). Both quote the same
 * rung of the ladder, so they never disagree and share its ends: nothing longer than 1000/1 (+100000) or shorter
 * than 1/1000 (-100000), and 7/2 is always +350 rather than a raw moneyline such as +66567 beside 500/1.
 */
export function oddsFromProbability(probability: number): Odds {
  if (!Number.isFinite(probability)) throw new RangeError(`probability must be a number, got ${probability}`);
  const clamped = Math.min(Math.max(probability, 1 / (MAX_RATIO + 1)), MAX_RATIO / (MAX_RATIO + 1));
  // Odds-on is odds-against for the other side, reversed, so p and 1 - p always read as mirror images.
  const oddsOn = clamped > 0.5;
  const [winnings, stake] = nearestRung(oddsOn ? 1 - clamped : clamped);
  // Evens reads "+100" from either side.
  const sign = oddsOn && winnings !== stake ? "-" : "+";
  return {
    fractional: oddsOn ? `${stake}/${winnings}` : `${winnings}/${stake}`,
    american: `${sign}${Math.round((winnings / stake) * 100)}`,
  };
}

/** The rung whose implied probability, stake / (winnings + stake), is nearest to p (p ≤ 0.5). */
function nearestRung(probability: number): readonly [number, number] {
  let best = { winnings: 1, stake: 1, implied: 0.5 };
  for (const rung of LADDER) {
    if (Math.abs(rung.implied - probability) < Math.abs(best.implied - probability)) best = rung;
  }
  return [best.winnings, best.stake];
}

export type OddsFormat = "percent" | "fractional" | "american";

/** The smallest step `formatPercent` shows: one decimal of a percent. */
const PERCENT_STEP = 0.001;

/**
 * "22.2%": one decimal, so a move of a tenth of a point is visible when the crowd is large. Smoothing keeps every
 * probability strictly between 0 and 1, so a value that would round to "0.0%" or "100.0%" reads "<0.1%" or
 * ">99.9%" rather than claiming an impossibility or a certainty.
 */
export function formatPercent(probability: number): string {
  if (probability > 0 && probability < PERCENT_STEP / 2) return "<0.1%";
  if (probability < 1 && probability >= 1 - PERCENT_STEP / 2) return ">99.9%";
  return `${(probability * 100).toFixed(1)}%`;
}

export function formatOdds(probability: number, format: OddsFormat): string {
  if (format === "percent") return formatPercent(probability);
  return oddsFromProbability(probability)[format];
}
