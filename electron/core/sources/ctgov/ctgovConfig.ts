/** Where and how fast to call ClinicalTrials.gov: defaults, overridden by env (CLI, tests). */
import type { SourceConfig } from '../source'
import { positiveNumber } from '../sourceValues'

export const DEFAULT_CTGOV_API = 'https://clinicaltrials.gov/api/v2'
/** robots.txt asks for `Crawl-delay: 1`; no limit is documented, 429s happen at peak hours. */
export const DEFAULT_CTGOV_RATE = 1
/**
 * Studies per page. The API allows 1,000, but a multinational study lists hundreds of sites (only the Korean ones
 * are kept, all arrive): ~3 KB per study without eligibility criteria, so 500 keeps a page near 1.5 MB and well
 * inside the request timeout on a slow hospital link.
 */
export const STUDIES_PAGE_SIZE = 500
/** The ids-only listing weighs ~40 bytes per study: the API's maximum. */
export const ID_PAGE_SIZE = 1000
/** Studies asked for by id per call in the weekly listing's catch-up (NCT ids in one `filter.ids`). */
export const IDS_PER_CALL = 100
/** The incremental window starts this long before the last success, on purpose (late postings, time zones). */
export const OVERLAP_DAYS = 2
/** Removals need a complete listing; it is taken at most this often (and on "full resync"). */
export const ID_LISTING_EVERY_DAYS = 7

export interface CtgovSettings {
  baseUrl: string
  ratePerSecond: number
}

/** Read at each sync, so env changes apply to the next one. */
export function resolveCtgovSettings(config: SourceConfig): CtgovSettings {
  return {
    baseUrl: (config.env.TRIALS_CTGOV_API?.trim() || DEFAULT_CTGOV_API).replace(/\/+$/, ''),
    ratePerSecond: positiveNumber(config.env.TRIALS_CTGOV_RATE) ?? DEFAULT_CTGOV_RATE,
  }
}
