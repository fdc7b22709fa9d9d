/** The middle of several measurements (the upper middle of an even count): every figure the benchmark reports is one. */
export function median(values: number[]): number {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
