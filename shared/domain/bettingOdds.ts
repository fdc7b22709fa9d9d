/**
 * Bookmakers' prices as probabilities: a quoted price's implied probability, and a market's probabilities with
 * the bookmaker's margin (the overround) taken out, so they sum to 1 like the crowd's consensus.
 */

/**
 * The implied probability of a price as reporters quote it: fractional "4/6" (win 4 for 6 staked), "evens", or
 * American "+550" / "-599" (stake 599 to win 100). Throws on anything else: a mistyped price is a data bug.
 */
export function impliedProbability(price: string): number {
  const text = price.trim().toLowerCase();
  if (text === "evens" || text === "even") return 0.5;
  const fractional = /^(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/.exec(text);
  if (fractional) {
    const winnings = Number(fractional[1]);
    const stake = Number(fractional[2]);
    if (winnings > 0 && stake > 0) return stake / (winnings + stake);
  }
  const american = /^([+-])(\d+)$/.exec(text);
  if (american) {
    const amount = Number(american[2]);
    if (amount >= 100) return american[1] === "-" ? amount / (amount + 100) : 100 / (amount + 100);
  }
  throw new RangeError(`not a price: "${price}"`);
}

/**
 * Probabilities that sum to 1, by proportional (basic) normalization: each implied probability divided by their
 * sum. A market's prices sum to more than 1 by the bookmaker's margin; proportional removal is the usual
 * convention and keeps the favourites' order and ratios.
 */
export function normalizedMarket(prices: readonly string[]): number[] {
  const implied = prices.map(impliedProbability);
  const total = implied.reduce((sum, probability) => sum + probability, 0);
  return implied.map((probability) => probability / total);
}
