/** The complete CRIS listing: page 1 tells the total, the other pages are fetched in parallel (throttled by the client). */
import type { FetchContext } from '../source'
import type { CrisClient } from './crisClient'
import { LIST_PAGE_SIZE } from './crisConfig'
import type { CrisRecord } from './crisEnvelope'
import { crisMessages, crisWarnings } from './crisMessages'

export interface CrisListing {
  items: CrisRecord[]
  rejected: number
  totalCount: number
}

type ListContext = Pick<FetchContext, 'onProgress' | 'warn'>

export async function fetchListing(client: CrisClient, ctx: ListContext): Promise<CrisListing> {
  const first = await client.listPage(1, LIST_PAGE_SIZE)
  const totalCount = first.totalCount
  // The server caps numOfRows at 50; if it ever caps lower, page numbers follow its size, not ours.
  const pageSize = first.items.length > 0 && first.items.length < LIST_PAGE_SIZE && totalCount > first.items.length
    ? first.items.length
    : LIST_PAGE_SIZE
  const byId = new Map<string, CrisRecord>()
  let rejected = first.rejected
  const add = (items: readonly CrisRecord[]) => {
    for (const item of items) if (!byId.has(String(item.trial_id))) byId.set(String(item.trial_id), item)
  }
  add(first.items)
  ctx.onProgress({ phase: 'list', done: byId.size, total: totalCount })
  if (first.items.length === 0) return { items: [], rejected, totalCount }

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
    add(page.items)
  }
  // Trials added while we paged shift later ones onto further pages: keep going until the total is reached.
  for (let pageNo = lastPage + 1; !sawEmptyPage && byId.size + rejected < totalCount; pageNo++) {
    const page = await client.listPage(pageNo, LIST_PAGE_SIZE)
    rejected += page.rejected
    if (page.items.length === 0) break
    add(page.items)
  }
  if (byId.size + rejected < totalCount) {
    ctx.warn(crisMessages.shortListing(byId.size + rejected, totalCount), crisWarnings.shortListing(byId.size + rejected, totalCount))
  }
  ctx.onProgress({ phase: 'list', done: byId.size, total: totalCount })
  return { items: [...byId.values()], rejected, totalCount }
}
