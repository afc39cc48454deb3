/**
 * Pages through one revision. `perPage` is a wish, not a promise: keep asking until `totalCount` rows arrived or a page
 * comes back empty. A server that serves the same page again (or never ends) fails as BAD_RESPONSE instead of looping.
 * A listing that falls short of its announced total, or whose total moves between pages, is read once more and then
 * judged by the shared rule (listingConsistency.ts): an inconsistent one removes nothing. Each page's rows are handed
 * to the sync as the page arrives (`addRows`), so only the ids of a listing are held while it is read.
 */
import { badResponseError, type ClassifyContext, type HttpClient } from '../../http'
import { crawlUntilConsistent, type ListingVerdict } from '../listingConsistency'
import type { FetchContext, SourceRow } from '../source'
import { parsePage } from './parsePage'
import { toSourceRow } from './rowSchema'

export const PER_PAGE = 1000
/** Defensive ceiling for a server that reports no totalCount and never sends an empty page. */
export const MAX_PAGES = 5000

export interface Listing {
  rejected: number
  totalCount: number | null
  verdict: ListingVerdict
}

interface Crawl {
  uniqueIds: number
  rejected: number
  duplicates: number
  received: number
  totalCount: number | null
  announcedTotals: number[]
}

export interface ListingRequest {
  http: HttpClient
  dataUrl: string
  classify: ClassifyContext
  signal: AbortSignal
  onProgress: FetchContext['onProgress']
  warn: FetchContext['warn']
  addRows: FetchContext['addRows']
  restartListing: FetchContext['restartListing']
}

async function crawlOnce(request: ListingRequest): Promise<Crawl> {
  const { http, dataUrl, classify, signal, onProgress } = request
  request.restartListing()
  const announcedTotals: number[] = []
  const seenIds = new Set<string>()
  let rejected = 0
  let duplicates = 0
  let received = 0
  let totalCount: number | null = null
  let previousPage = ''

  for (let page = 1; ; page += 1) {
    if (page > MAX_PAGES) throw badResponseError(classify, `more than ${MAX_PAGES} pages`)
    const response = await http.getText(dataUrl, {
      query: { page, perPage: PER_PAGE, returnType: 'JSON' },
      withKey: true,
      signal,
    })
    const parsed = parsePage(response.body, classify)
    totalCount = parsed.totalCount ?? totalCount
    if (parsed.rows.length === 0) break
    if (parsed.totalCount !== null) announcedTotals.push(parsed.totalCount)

    const fingerprint = JSON.stringify(parsed.rows)
    if (fingerprint === previousPage) throw badResponseError(classify, `page ${page} repeated the previous page`)
    previousPage = fingerprint

    const newRows: SourceRow[] = []
    let repeatedIds = 0
    for (const raw of parsed.rows) {
      const row = toSourceRow(raw)
      if (!row) {
        rejected += 1
        continue
      }
      if (seenIds.has(row.sourceId)) {
        repeatedIds += 1
        continue
      }
      seenIds.add(row.sourceId)
      newRows.push(row)
    }
    if (newRows.length === 0 && repeatedIds > 0)
      throw badResponseError(classify, `page ${page} only repeated earlier rows`)
    duplicates += repeatedIds
    request.addRows(newRows)

    received += parsed.rows.length
    onProgress({ phase: 'list', done: received, total: totalCount })
    if (totalCount !== null && received >= totalCount) break
  }
  return { uniqueIds: seenIds.size, rejected, duplicates, received, totalCount, announcedTotals }
}

export async function fetchListing(request: ListingRequest): Promise<Listing> {
  const { warn } = request
  const { result, verdict } = await crawlUntilConsistent(
    () => crawlOnce(request),
    // A file dataset may repeat a 과제번호 (the first row is kept): such rows are accounted for, not missing.
    (crawl) => ({
      announcedTotals: crawl.announcedTotals,
      uniqueIds: crawl.uniqueIds,
      rejected: crawl.rejected + crawl.duplicates,
    }),
  )
  const { rejected, duplicates, received, totalCount } = result
  if (totalCount !== null && received < totalCount) {
    warn(`iCReaT reported ${totalCount} rows but sent ${received}; the listing may be incomplete.`, {
      code: 'ICREAT_SHORT_LISTING',
      values: { expected: totalCount, received },
    })
  }
  if (duplicates > 0) {
    warn(`iCReaT sent ${duplicates} rows whose 과제번호 appeared earlier in the listing; the first was kept.`, {
      code: 'ICREAT_DUPLICATE_ROWS',
      values: { count: duplicates },
    })
  }
  if (rejected > 0)
    warn(`${rejected} iCReaT rows had no 과제번호 and were skipped.`, {
      code: 'ICREAT_ROWS_WITHOUT_ID',
      values: { count: rejected },
    })
  return { rejected, totalCount, verdict }
}
