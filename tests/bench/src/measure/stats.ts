/** Median and 95th percentile (nearest rank) of a list of samples. */
export interface Summary {
  median: number
  p95: number
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('no samples')
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]
  const mid = sorted.length >> 1
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
  return { median: round(median), p95: round(rank(0.95)) }
}

/** A single value reported as a summary (file size, peak memory). */
export const single = (value: number): Summary => ({ median: round(value), p95: round(value) })

export const round = (n: number) => Math.round(n * 1000) / 1000
