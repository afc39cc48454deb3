/**
 * The CRIS registry (data.go.kr dataset 3033869) as a Source. Each sync lists everything, then fetches details only
 * for trials that are new, changed or still pending, within the per-sync detail budget (see planDetails).
 */
import { MAX_LISTING_ATTEMPTS } from '../listingConsistency'
import type { FetchContext, FetchResult, Source, SourceConfig, SourceRow, SyncPlan } from '../source'
import { createCrisClient } from './crisClient'
import { CRIS_COLUMN_TO_COMMON, crisAttribution, crisToCommon } from './crisCommon'
import { type CrisSourceOptions, LIST_PAGE_SIZE, resolveCrisSettings } from './crisConfig'
import type { CrisRecord } from './crisEnvelope'
import { crisMessages, crisWarnings } from './crisMessages'
import { fetchDetails } from './fetchDetails'
import { fetchListing } from './fetchListing'
import { detailFieldName, mergeDetail, withoutNewDetail } from './mergeRecord'
import { planDetails } from './planDetails'

/**
 * CRIS rows are made (merged with the stored record) and handed to the sync this many at a time. Few enough that a
 * batch (up to ~15 KB a row) dies young: batches of 500 outlived the young generation's collections, were promoted,
 * and at 100,000 trials a sync's peak memory rose by ~150 MB of such garbage (836 MB against 687 MB with 100).
 */
export const ROWS_PER_HANDOVER = 100

/** The registry's own update date, in the list's format and (when the detail disagrees) the detail's. */
export const CRIS_BOOKKEEPING_FIELDS = ['date_updated', detailFieldName('date_updated')] as const

async function fetchAllCris(config: SourceConfig, options: CrisSourceOptions, ctx: FetchContext): Promise<FetchResult> {
  const settings = resolveCrisSettings(config, options)
  const client = createCrisClient(config, settings, ctx.signal)
  const listing = await fetchListing(client, ctx)
  const plan = planDetails(listing.items, ctx.previous, settings.detailBudget)
  const { details, missing } = await fetchDetails(client, plan.fetchNow, ctx)

  let detailsFetched = 0
  let stillPending = 0
  const rowOf = (item: CrisRecord): SourceRow => {
    const sourceId = String(item.trial_id)
    const detail = details.get(sourceId)
    if (detail) {
      detailsFetched++
      return { sourceId, fields: mergeDetail(item, detail) }
    }
    const fields = withoutNewDetail(item, ctx.previous.get(sourceId)?.fields)
    if (!plan.needed.has(sourceId)) return { sourceId, fields }
    stillPending++
    return { sourceId, fields, detailsPending: true }
  }
  // A row carries the stored record's detail fields: made and handed over a batch at a time, never all at once. A
  // list entry handed over is let go at once (90,000 of them take ~70 MB), not when the last batch is.
  const { items } = listing
  for (let i = 0; i < items.length; i += ROWS_PER_HANDOVER) {
    const batch = items.slice(i, i + ROWS_PER_HANDOVER)
    items.fill(undefined as unknown as CrisRecord, i, i + ROWS_PER_HANDOVER)
    ctx.addRows(batch.map(rowOf))
  }
  if (missing.length > 0) ctx.warn(crisMessages.detailsMissing(missing), crisWarnings.detailsMissing(missing))
  if (stillPending > 0) {
    ctx.warn(
      crisMessages.stillPending(stillPending, settings.detailBudget),
      crisWarnings.stillPending(stillPending, settings.detailBudget),
    )
  }
  return { rejected: listing.rejected, detailsFetched, listing: listing.verdict }
}

/** The registry's size when nothing is stored yet (about 12,500 registrations in 2026). */
const EXPECTED_CRIS_TRIALS = 13_000

/** Every list page (twice, if the listing shifts) plus the detail budget, at the configured rate. */
function crisPlan(config: SourceConfig, options: CrisSourceOptions, storedRecords: number): SyncPlan {
  const settings = resolveCrisSettings(config, options)
  const listPages = Math.ceil(Math.max(storedRecords, EXPECTED_CRIS_TRIALS) / LIST_PAGE_SIZE) * MAX_LISTING_ATTEMPTS
  return {
    calls: listPages + settings.detailBudget,
    msPerCall: 1000 / settings.ratePerSecond,
    timeoutMs: config.timeoutMs,
  }
}

export function createCrisSource(config: SourceConfig, options: CrisSourceOptions = {}): Source {
  return {
    id: 'cris',
    plan: (storedRecords) => crisPlan(config, options, storedRecords),
    fetchAll: (ctx) => fetchAllCris(config, options, ctx),
    toCommon: crisToCommon,
    bookkeepingFields: CRIS_BOOKKEEPING_FIELDS,
    columnToCommon: CRIS_COLUMN_TO_COMMON,
    attribution: crisAttribution,
  }
}
