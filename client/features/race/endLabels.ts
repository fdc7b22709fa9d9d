/** Where the race chart's direct labels go: one at each line's end, spread apart so close lines stay readable. */

/**
 * Vertical positions for labels that want to sit at `want` (px, keyed), at least `gapPx` apart and inside
 * [top, bottom]. Labels keep their order and move as little as they must: a label pushed down by its neighbour
 * above is pushed back up only when the stack would run off the bottom.
 */
export function spreadLabels(
  want: ReadonlyMap<string, number>,
  gapPx: number,
  top: number,
  bottom: number,
): Map<string, number> {
  const sorted = [...want].sort(([, a], [, b]) => a - b);
  const placed = sorted.map(([, y]) => y);
  for (let index = 0; index < placed.length; index++) {
    const above = index === 0 ? top - gapPx : (placed[index - 1] ?? top);
    placed[index] = Math.max(placed[index] ?? top, above + gapPx);
  }
  for (let index = placed.length - 1; index >= 0; index--) {
    const below = index === placed.length - 1 ? bottom + gapPx : (placed[index + 1] ?? bottom);
    placed[index] = Math.min(placed[index] ?? bottom, below - gapPx);
  }
  return new Map(sorted.map(([key], index) => [key, placed[index] ?? top]));
}

/** A name cut to `maxChars` with an ellipsis, so a label fits the chart's right margin ("Manchester by…"). */
export function shortLabel(name: string, maxChars: number): string {
  return name.length <= maxChars ? name : `${name.slice(0, Math.max(1, maxChars - 1)).trimEnd()}…`;
}
