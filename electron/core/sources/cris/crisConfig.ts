/** Where and how fast to call CRIS: defaults, overridden by env (CLI, tests) and by the caller's options (the app's settings). */
import type { SourceConfig } from '../source'
import { positiveNumber } from '../sourceValues'

export const DEFAULT_CRIS_API = 'https://apis.data.go.kr/1352159/crisinfodataview'
/** ctreg throttles to 10/s; the guide allows 30 tps. */
export const DEFAULT_RATE_PER_SECOND = 10
export const DEFAULT_DETAIL_BUDGET = 2000
/** A few requests in flight hide latency without hammering the gateway. */
export const DEFAULT_CONCURRENCY = 4
/** The server silently caps numOfRows at 50. */
export const LIST_PAGE_SIZE = 50

export interface CrisSourceOptions {
  /** Max /detail calls per sync; a function so the app's settings apply without rebuilding the source. */
  detailBudget?: number | (() => number | undefined)
  ratePerSecond?: number
  concurrency?: number
}

export interface CrisSettings {
  baseUrl: string
  ratePerSecond: number
  detailBudget: number
  concurrency: number
}

function nonNegativeInteger(value: number | string | undefined): number | undefined {
  if (value === undefined || (typeof value === 'string' && value.trim() === '')) return undefined
  const n = Number(value)
  return Number.isInteger(n) && n >= 0 ? n : undefined
}

/** Read at each sync, so env and settings changes apply to the next one. */
export function resolveCrisSettings(config: SourceConfig, options: CrisSourceOptions = {}): CrisSettings {
  const env = config.env
  const budgetOption = typeof options.detailBudget === 'function' ? options.detailBudget() : options.detailBudget
  return {
    baseUrl: (env.TRIALS_CRIS_API?.trim() || DEFAULT_CRIS_API).replace(/\/+$/, ''),
    ratePerSecond: options.ratePerSecond ?? positiveNumber(env.TRIALS_CRIS_RATE) ?? DEFAULT_RATE_PER_SECOND,
    detailBudget:
      nonNegativeInteger(budgetOption) ?? nonNegativeInteger(env.TRIALS_CRIS_DETAIL_BUDGET) ?? DEFAULT_DETAIL_BUDGET,
    concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
  }
}
