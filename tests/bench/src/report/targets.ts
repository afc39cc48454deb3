import type { Metric } from '../workload'

/** The targets at 100,000 trials (p95 unless said otherwise). Reported against, never loosened. */
export interface Target {
  /** Upper bound on our p95 (ms or MB, as the metric). */
  maxP95?: number
  /** Our median must not be slower than SQLite's median. */
  notSlowerThanSqlite?: boolean
}

export const TARGET_SIZE = 100_000

export const TARGETS: Partial<Record<Metric, Target>> = {
  load: { maxP95: 1500 },
  save: { maxP95: 1500 },
  saveEventLoopBlock: { maxP95: 100 },
  diffNoChange: { maxP95: 1000 },
  queryDefaultView: { maxP95: 10, notSlowerThanSqlite: true },
  queryTextKorean: { maxP95: 25 },
  queryTextEnglish: { maxP95: 25 },
  queryTwoFacetsSortTitle: { maxP95: 10 },
  queryDeepPage: { maxP95: 10 },
  queryFacetCounts: { maxP95: 10, notSlowerThanSqlite: true },
  getOneTrial: { maxP95: 10 },
  peakRssMb: { maxP95: 600 },
}
