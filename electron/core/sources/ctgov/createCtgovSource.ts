/**
 * ClinicalTrials.gov studies with sites in Korea as a Source. The first sync (and "full resync") fetches every
 * study; later syncs fetch only studies posted since the last success (minus an overlap), and none at all when
 * `/version` says the data has not been refreshed. Removals need a complete listing: at most weekly, an ids-only
 * listing decides them. The engine compares complete listings, so what is handed over always describes every study
 * the source knows: fetched ones as rows (a page at a time when everything is fetched), the others kept as stored.
 */
import type { FetchContext, FetchResult, Source, SourceConfig, SourceRow, SyncPlan } from '../source'
import { createCtgovClient, type CtgovClient } from './ctgovClient'
import { CTGOV_COLUMN_TO_COMMON, ctgovAttribution, ctgovToCommon } from './ctgovCommon'
import { ID_PAGE_SIZE, IDS_PER_CALL, resolveCtgovSettings, STUDIES_PAGE_SIZE } from './ctgovConfig'
import { nctIdOf, type CtgovStudy } from './ctgovEnvelope'
import { ID_FIELDS, STUDY_FIELDS, studiesQuery, type StudiesSelection } from './ctgovQuery'
import { crawlUntilConsistent, MAX_LISTING_ATTEMPTS } from '../listingConsistency'
import { fetchStudies, observeListing } from './fetchStudies'
import { CTGOV_BOOKKEEPING_FIELDS, nctIdAliases, studyFields } from './studyFields'
import { listingDue, readCtgovState, updatedSinceDate, type CtgovState } from './syncState'

interface Fetched {
  studies: Map<string, CtgovStudy>
  rejected: number
}

async function fetchSelection(
  client: CtgovClient,
  selection: StudiesSelection,
  ctx: FetchContext,
  phase: 'list' | 'details',
): Promise<Fetched> {
  const listing = await fetchStudies(client, studiesQuery(selection, STUDY_FIELDS), STUDIES_PAGE_SIZE, ctx, phase)
  return { studies: listing.studies, rejected: listing.rejected }
}

/**
 * A listing that decides removals (every study, or every id): read again if it shifted while it was paged (the
 * shared rule); if it stays inconsistent the verdict tells the engine to remove nothing. With `onStudies`, each page
 * goes there as it arrives (and the listing keeps only ids); every reading starts with `onRestart`.
 */
async function completeListing(
  client: CtgovClient,
  fields: readonly string[],
  pageSize: number,
  ctx: FetchContext,
  stream?: { onStudies: (studies: readonly CtgovStudy[]) => void; onRestart: () => void },
) {
  const crawl = await crawlUntilConsistent(() => {
    stream?.onRestart()
    const listing = { onProgress: ctx.onProgress, onStudies: stream?.onStudies }
    return fetchStudies(client, studiesQuery({ kind: 'all' }, fields), pageSize, listing, 'list')
  }, observeListing)
  const { ids, studies, rejected } = crawl.result
  return { ids, studies, rejected, verdict: crawl.verdict }
}

/** Studies the listing names that the store lacks (or had removed) and the incremental fetch did not bring. */
async function fetchByIds(client: CtgovClient, nctIds: readonly string[], ctx: FetchContext): Promise<Fetched> {
  const studies = new Map<string, CtgovStudy>()
  let rejected = 0
  for (let i = 0; i < nctIds.length; i += IDS_PER_CALL) {
    const chunk = await fetchSelection(
      client,
      { kind: 'ids', nctIds: nctIds.slice(i, i + IDS_PER_CALL) },
      ctx,
      'details',
    )
    for (const [id, study] of chunk.studies) studies.set(id, study)
    rejected += chunk.rejected
  }
  return { studies, rejected }
}

const rowOf = (study: CtgovStudy): SourceRow => ({ sourceId: nctIdOf(study), fields: studyFields(study) })

/**
 * Hands fetched studies to the sync as rows, and remembers the older ids they answer for (aliases): a study that
 * now answers under a new NCT id lists the old one, and the old record must not live on (`dropSuperseded`, once the
 * listing is complete). Only fetched studies are asked: a stored one's aliases were applied when it was fetched.
 */
function studyHandover(ctx: FetchContext) {
  let superseded = new Set<string>()
  return {
    add(studies: Iterable<CtgovStudy>) {
      const rows = [...studies].map(rowOf)
      for (const row of rows)
        for (const alias of nctIdAliases(row.fields)) if (alias !== row.sourceId) superseded.add(alias)
      ctx.addRows(rows)
    },
    restart() {
      superseded = new Set()
      ctx.restartListing()
    },
    dropSuperseded() {
      ctx.dropRows(superseded)
    },
  }
}

async function fetchAllCtgov(config: SourceConfig, ctx: FetchContext): Promise<FetchResult> {
  const settings = resolveCtgovSettings(config)
  const client = createCtgovClient(config, settings, ctx.signal)
  const state = readCtgovState(ctx.state)
  const { dataTimestamp } = await client.version()
  const nextState = (listed: boolean): CtgovState => ({
    dataTimestamp,
    lastSyncAt: ctx.at,
    lastListingAt: listed ? ctx.at : state.lastListingAt,
  })
  const handover = studyHandover(ctx)
  const activeStored = () => [...ctx.previous.values()].filter((v) => !v.removed).map((v) => v.sourceId)

  if (ctx.previous.size === 0 || !state.lastSyncAt || ctx.fullResync) {
    // Every study, a page at a time: the sync compares each page as it arrives, so no listing is held whole.
    const all = await completeListing(client, STUDY_FIELDS, STUDIES_PAGE_SIZE, ctx, {
      onStudies: (studies) => handover.add(studies),
      onRestart: () => handover.restart(),
    })
    handover.dropSuperseded()
    return {
      rejected: all.rejected,
      fetched: all.ids.size,
      listing: all.verdict,
      state: { ...nextState(all.verdict.consistent) },
    }
  }

  const listNow = listingDue(state, ctx.at)
  if (!listNow && dataTimestamp === state.dataTimestamp) {
    // Nothing was refreshed at ClinicalTrials.gov since the last success: every active study stays as stored.
    ctx.keepRows(activeStored())
    return { rejected: 0, fetched: 0, state: { ...nextState(false) } }
  }

  const updated = await fetchSelection(
    client,
    { kind: 'updatedSince', date: updatedSinceDate(state.lastSyncAt) },
    ctx,
    'list',
  )
  let fetched = updated.studies.size
  let rejected = updated.rejected
  if (!listNow) {
    ctx.keepRows(activeStored().filter((id) => !updated.studies.has(id)))
    handover.add(updated.studies.values())
    handover.dropSuperseded()
    return { rejected, fetched, state: { ...nextState(false) } }
  }

  const idListing = await completeListing(client, ID_FIELDS, ID_PAGE_SIZE, ctx)
  const listed = idListing.ids
  const lacking = [...listed].filter((id) => !updated.studies.has(id) && (ctx.previous.get(id)?.removed ?? true))
  const caughtUp = await fetchByIds(client, lacking, ctx)
  fetched += caughtUp.studies.size
  rejected += caughtUp.rejected
  const fresh = new Map([...updated.studies, ...caughtUp.studies])
  handover.add([...fresh.values()].filter((study) => listed.has(nctIdOf(study))))
  ctx.keepRows([...listed].filter((id) => !fresh.has(id)))
  handover.dropSuperseded()
  // Not consistent: the engine keeps the studies it did not name, and the next sync lists again.
  return {
    rejected,
    fetched,
    listing: idListing.verdict,
    state: { ...nextState(idListing.verdict.consistent) },
  }
}

/** About how many studies with a Korean site ClinicalTrials.gov holds (sizes the plan before the first sync). */
const EXPECTED_CTGOV_STUDIES = 15_000
/** A 500-study page is ~1.5 MB: on a slow hospital link it takes longer than the 1 s the rate allows. */
const MS_PER_PAGE_AT_LEAST = 2000

/**
 * The worst sync: every study, read twice if the listing shifts, plus the ids listing (twice) and an incremental
 * window's worth of pages; the usual daily sync makes two calls.
 */
function ctgovPlan(config: SourceConfig, storedRecords: number): SyncPlan {
  const studies = Math.max(storedRecords, EXPECTED_CTGOV_STUDIES)
  const { ratePerSecond } = resolveCtgovSettings(config)
  const calls =
    1 +
    Math.ceil(studies / STUDIES_PAGE_SIZE) * (MAX_LISTING_ATTEMPTS + 1) +
    Math.ceil(studies / ID_PAGE_SIZE) * MAX_LISTING_ATTEMPTS
  return { calls, msPerCall: Math.max(1000 / ratePerSecond, MS_PER_PAGE_AT_LEAST), timeoutMs: config.timeoutMs }
}

export function createCtgovSource(config: SourceConfig): Source {
  return {
    id: 'ctgov',
    plan: (storedRecords) => ctgovPlan(config, storedRecords),
    fetchAll: (ctx) => fetchAllCtgov(config, ctx),
    toCommon: ctgovToCommon,
    bookkeepingFields: CTGOV_BOOKKEEPING_FIELDS,
    columnToCommon: CTGOV_COLUMN_TO_COMMON,
    attribution: ctgovAttribution,
  }
}
