/**
 * The complete CRIS listing: page 1 tells the total, the other pages are fetched in parallel (throttled by the client).
 * CRIS pages by position, so a trial deleted or registered while the pages are read shifts the later ones: the
 * listing is judged by the shared consistency rule and read once more if it moved (see listingConsistency.ts).
 */
import { crawlUntilConsistent, type ListingVerdict } from '../listingConsistency'
import type { FetchContext } from '../source'
import type { CrisClient } from './crisClient'
import { LIST_PAGE_SIZE } from './crisConfig'
import type { CrisRecord } from './crisEnvelope'
import { crisMessages, crisWarnings } from './crisMessages'

export interface CrisListing {
  items: CrisRecord[]
  rejected: number
  totalCount: number
  /** Whether the listing may be trusted to say which trials are gone. */
  verdict: ListingVerdict
}

interface Crawl {
  items: CrisRecord[]
  rejected: number
  totalCount: number
  /** The total each non-empty page announced. */
  announcedTotals: number[]
}

type ListContext = Pick<FetchContext, 'onProgress' | 'warn'>

async function crawlOnce(client: CrisClient, ctx: ListContext): Promise<Crawl> {
  const first = await client.listPage(1, LIST_PAGE_SIZE)
  const totalCount = first.totalCount
  const announcedTotals: number[] = []
  // The server caps numOfRows at 50; if it ever caps lower, page numbers follow its size, not ours.
  const pageSize =
    first.items.length > 0 && first.items.length < LIST_PAGE_SIZE && totalCount > first.items.length
      ? first.items.length
      : LIST_PAGE_SIZE
  const byId = new Map<string, CrisRecord>()
  let rejected = first.rejected
  const add = (items: readonly CrisRecord[]) => {
    for (const item of items) if (!byId.has(String(item.trial_id))) byId.set(String(item.trial_id), item)
  }
  add(first.items)
  ctx.onProgress({ phase: 'list', done: byId.size, total: totalCount })
  if (first.items.length === 0) return { items: [], rejected, totalCount, announcedTotals }
  announcedTotals.push(totalCount)

  const lastPage = Math.ceil(totalCount / pageSize)
  let fetched = first.items.length
  const pages = await Promise.all(
    Array.from({ length: Math.max(0, lastPage - 1) }, (_, i) => i + 2).map(async (pageNo) => {
      const page = await client.listPage(pageNo, LIST_PAGE_SIZE)
      fetched += page.items.length
      ctx.onProgress({ phase: 'list', done: Math.min(fetched, totalCount), total: totalCount })
      return page
    }),
  )
  let sawEmptyPage = false
  for (const page of pages) {
    rejected += page.rejected
    if (page.items.length === 0) {
      sawEmptyPage = true
      break
    }
    announcedTotals.push(page.totalCount)
    add(page.items)
  }
  // Trials added while we paged shift later ones onto further pages: keep going until the total is reached.
  for (let pageNo = lastPage + 1; !sawEmptyPage && byId.size + rejected < totalCount; pageNo++) {
    const page = await client.listPage(pageNo, LIST_PAGE_SIZE)
    rejected += page.rejected
    if (page.items.length === 0) break
    announcedTotals.push(page.totalCount)
    add(page.items)
  }
  ctx.onProgress({ phase: 'list', done: byId.size, total: totalCount })
  return { items: [...byId.values()], rejected, totalCount, announcedTotals }
}

export async function fetchListing(client: CrisClient, ctx: ListContext): Promise<CrisListing> {
  const { result, verdict } = await crawlUntilConsistent(
    () => crawlOnce(client, ctx),
    (crawl) => ({ announcedTotals: crawl.announcedTotals, uniqueIds: crawl.items.length, rejected: crawl.rejected }),
  )
  if (result.items.length + result.rejected < result.totalCount) {
    const got = result.items.length + result.rejected
    ctx.warn(crisMessages.shortListing(got, result.totalCount), crisWarnings.shortListing(got, result.totalCount))
  }
  return { items: result.items, rejected: result.rejected, totalCount: result.totalCount, verdict }
}
