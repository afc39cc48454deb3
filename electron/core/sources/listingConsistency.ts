/**
 * When a crawled listing may be trusted to say what is gone. Registries page by position (CRIS, odcloud, and the
 * ClinicalTrials.gov id listing by page token): a trial deleted or added while the pages are read shifts the later
 * pages, so one live trial can be skipped without any error. A listing is complete only when it is consistent:
 *   - the unique ids (plus rows rejected for having no id) reach the total the source announced, and
 *   - every page announced the same total (nothing was added or deleted while it was read).
 * An inconsistent listing is crawled again (bounded); if it stays inconsistent the sync commits creations and
 * updates but infers no removal from it (FetchResult.listingComplete = false), and the sync log says so.
 *
 * Every source calls this one rule: `judgeListing` for a crawl it made, `crawlUntilConsistent` to re-crawl.
 */

/** What a crawl saw, for judging it. */
export interface ListingObservation {
  /** Every total the source announced, one per page read, in any order (empty when it announces none). */
  announcedTotals: readonly number[]
  /** Distinct ids received. */
  uniqueIds: number
  /** Rows dropped for having no id (they still count toward the announced total). */
  rejected: number
}

export type ListingVerdict =
  | { consistent: true; total: number | null }
  | {
      consistent: false
      /** `short`: fewer ids than announced; `totalChanged`: the announced total moved between pages. */
      reason: 'short' | 'totalChanged'
      /** The first and last differing totals seen (for `totalChanged`), or the announced total (for `short`). */
      expected: number
      received: number
    }

/** How often a listing is read in one sync before giving up on consistency (1 = no re-crawl). */
export const MAX_LISTING_ATTEMPTS = 2

/** The rule: see the file comment. A source that announces no total at all is judged consistent (nothing to check). */
export function judgeListing(observation: ListingObservation): ListingVerdict {
  const totals = observation.announcedTotals
  const received = observation.uniqueIds + observation.rejected
  if (totals.length === 0) return { consistent: true, total: null }
  const lowest = Math.min(...totals)
  const highest = Math.max(...totals)
  if (lowest !== highest) return { consistent: false, reason: 'totalChanged', expected: highest, received }
  if (received < highest) return { consistent: false, reason: 'short', expected: highest, received }
  return { consistent: true, total: highest }
}

export interface ConsistentCrawl<T> {
  /** The last crawl's result (the consistent one, or the last attempt). */
  result: T
  verdict: ListingVerdict
  attempts: number
}

/**
 * Crawls until the listing is consistent, at most `maxAttempts` times (each attempt is a full listing: mind the
 * call budget). `observe` says what a crawl saw. Errors (and aborts) from `crawl` propagate unchanged.
 */
export async function crawlUntilConsistent<T>(
  crawl: (attempt: number) => Promise<T>,
  observe: (result: T) => ListingObservation,
  maxAttempts: number = MAX_LISTING_ATTEMPTS,
): Promise<ConsistentCrawl<T>> {
  let attempt = 0
  for (;;) {
    attempt++
    const result = await crawl(attempt)
    const verdict = judgeListing(observe(result))
    if (verdict.consistent || attempt >= maxAttempts) return { result, verdict, attempts: attempt }
  }
}
