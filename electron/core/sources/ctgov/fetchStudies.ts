/** What the shared consistency rule needs to judge a listing: only the first page announces a total. */
export function observeListing(listing: StudiesListing): ListingObservation {
  return {
    announcedTotals: listing.totalCount === undefined ? [] : [listing.totalCount],
    uniqueIds: listing.ids.size,
    rejected: listing.rejected,
  }
}

/**
 * Every page of one `/studies` listing: `countTotal` on the first page (the only one that answers it), then
 * `pageToken` with otherwise identical parameters until a page comes without `nextPageToken`. An empty page is
 * legal and does not end the listing; only the missing token does.
 */
import { TrialsError } from '../../errors'
import type { ListingObservation } from '../listingConsistency'
import type { FetchContext } from '../source'
import type { CtgovClient } from './ctgovClient'
import { nctIdOf, type CtgovStudy } from './ctgovEnvelope'
import { ctgovMessages } from './ctgovMessages'
import type { StudiesQuery } from './ctgovQuery'

export interface StudiesListing {
  /** Every NCT id listed. */
  ids: Set<string>
  /**
   * By NCT id; a study repeated on a later page (the data moved while paging) keeps its last copy. Empty when the
   * pages were handed to `onStudies` instead.
   */
  studies: Map<string, CtgovStudy>
  rejected: number
  totalCount: number | undefined
  calls: number
}

type ListContext = Pick<FetchContext, 'onProgress'> & {
  /** Each page's studies as it arrives; the listing then keeps only their ids. */
  onStudies?: (studies: readonly CtgovStudy[]) => void
}

/** A paging answer that never ends would loop for ever; no real listing needs this many pages past the total. */
const EXTRA_PAGES_ALLOWED = 5

export async function fetchStudies(
  client: CtgovClient,
  query: StudiesQuery,
  pageSize: number,
  ctx: ListContext,
  progressPhase: 'list' | 'details',
): Promise<StudiesListing> {
  const ids = new Set<string>()
  const studies = new Map<string, CtgovStudy>()
  let rejected = 0
  let calls = 0
  let totalCount: number | undefined
  let pageToken: string | undefined
  do {
    const page = await client.studiesPage(query, { pageSize, pageToken, countTotal: calls === 0 })
    calls++
    if (calls === 1) totalCount = page.totalCount
    for (const study of page.studies) ids.add(nctIdOf(study))
    if (ctx.onStudies) ctx.onStudies(page.studies)
    else for (const study of page.studies) studies.set(nctIdOf(study), study)
    rejected += page.rejected
    pageToken = page.nextPageToken
    if (totalCount !== undefined) {
      ctx.onProgress({ phase: progressPhase, done: Math.min(ids.size + rejected, totalCount), total: totalCount })
      if (pageToken && calls > Math.ceil(totalCount / pageSize) + EXTRA_PAGES_ALLOWED) {
        throw new TrialsError('BAD_RESPONSE', ctgovMessages.pagingLoop())
      }
    }
  } while (pageToken)
  return { ids, studies, rejected, totalCount, calls }
}
