/** Small statistics and number formatting for the bench table. */

export function median(values: number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The spread shown next to a median: the lowest and highest value. */
export function range(values: number[]): [number, number] {
  return [Math.min(...values), Math.max(...values)];
}

export const int = (n: number) => Math.round(n).toLocaleString('en-US');
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const times = (ratio: number) => `${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(1)}×`;

/**
 * A 95% interval for `estimate` computed from several samples, by the percentile bootstrap:
 * each sample resampled with replacement (seeded `random`), `rounds` times.
 */
export function bootstrapInterval(samples: number[][], estimate: (resampled: number[][]) => number, random: () => number, rounds = 2000): [number, number] {
  const values: number[] = [];
  for (let r = 0; r < rounds; r++) {
    values.push(estimate(samples.map((s) => s.map(() => s[Math.floor(random() * s.length)]!))));
  }
  values.sort((a, b) => a - b);
  return [values[Math.floor(rounds * 0.025)]!, values[Math.ceil(rounds * 0.975) - 1]!];
}
