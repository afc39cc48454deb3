import { type FetchContext, type PreviousRecordView, type Source } from '../sources/source'
import { cancelledError } from '../http'
import { wholeRecord } from '../store/recordStub'
import type { StoreData, StoredTrial } from '../store/types'
import { createListingDiff, type ListingDiff } from './diffListing'
import type { SyncRun } from './syncRun'

export interface FetchAndDiffResult extends ListingDiff {
  /** The listing was complete and consistent: every active record after this sync was in it (SourceMeta.listedAt). */
  listingComplete: boolean
  fetched: number
  rejected: number
  state: Record<string, unknown> | undefined
  detailsFetched: number | undefined
}

/**
 * A stored record as the source sees it, its fields read back (for a stub) only if asked for. A class: its `fields`
 * accessor lives once on the prototype, where an object literal's getter made every view an object of its own shape
 * (~620 B against ~100 B each; a CRIS sync at 100,000 trials makes 90,000).
 */
class StoredRecordView implements PreviousRecordView {
  readonly sourceId: string
  readonly detailsPending: boolean
  readonly removed: boolean

  constructor(
    private readonly stored: StoredTrial,
    private readonly wholeOf: (t: StoredTrial) => StoredTrial,
  ) {
    this.sourceId = stored.sourceId
    this.detailsPending = stored.detailsPending === true
    this.removed = stored.removedAt !== null
  }

  get fields() {
    return this.wholeOf(this.stored).fields
  }
}

/**
 * The stored records as the source sees them (see StoredRecordView), and a record read back is kept until the diff
 * has compared it (CRIS reads a record's fields twice before handing its row over: one read from the file, not
 * three). `readWhole` is the diff's way to the whole records.
 */
function previousView(trials: readonly StoredTrial[]) {
  const readBack = new Map<StoredTrial, StoredTrial>()
  const wholeOf = (t: StoredTrial) => {
    let whole = readBack.get(t)
    if (!whole) {
      whole = wholeRecord(t)
      if (whole !== t) readBack.set(t, whole)
    }
    return whole
  }
  const view = new Map<string, PreviousRecordView>()
  for (const t of trials) view.set(t.sourceId, new StoredRecordView(t, wholeOf))
  const readWhole = (t: StoredTrial) => {
    const whole = wholeOf(t)
    readBack.delete(t)
    return whole
  }
  return { view, readWhole }
}

/**
 * Fetches one source's complete listing and compares it with the store as the rows arrive (see createListingDiff); a listing the source judged inconsistent
 * marks nothing removed and adds a LISTING_INCONSISTENT warning. Changes nothing: the caller commits.
 * `step` is this source's part of the run: its timestamp, its signal (the run's and the sync ceiling's) and its warnings.
 */
export async function fetchAndDiff(
  run: Pick<SyncRun, 'allowMassRemoval' | 'fullResync' | 'onProgress'>,
  source: Source,
  data: StoreData,
  step: Pick<FetchContext, 'at' | 'signal' | 'warn'>,
): Promise<FetchAndDiffResult> {
  const { signal, at } = step
  const previous = data.trials.filter((t) => t.source === source.id)
  if (signal.aborted) throw cancelledError({ service: source.id })
  const stored = previousView(previous)
  const differ = createListingDiff({ source, previous, at, readWhole: stored.readWhole })
  const result = await source.fetchAll({
    ...step,
    onProgress: (p) => run.onProgress({ ...p, source: source.id }),
    previous: stored.view,
    state: data.sources[source.id]?.state ?? {},
    fullResync: run.fullResync,
    addRows: (rows) => differ.add(rows),
    keepRows: (sourceIds) => differ.keep(sourceIds),
    dropRows: (sourceIds) => differ.drop(sourceIds),
    restartListing: () => differ.restart(),
  })
  if (signal.aborted) throw cancelledError({ service: source.id })
  const verdict = result.listing
  const removalsAllowed = verdict === undefined || verdict.consistent
  const diff = differ.finish({
    allowMassRemoval: run.allowMassRemoval,
    removalsAllowed,
    listedAt: data.sources[source.id]?.listedAt,
  })
  if (verdict && !verdict.consistent) {
    const values = { expected: verdict.expected, received: verdict.received, kept: diff.keptUnlisted }
    step.warn(
      `The ${source.id} listing changed while it was read (announced ${values.expected}, received ${values.received}), even after reading it again. ` +
        `New and updated trials were saved, but the ${values.kept} trials missing from it were not marked removed; the next sync checks again.`,
      { code: 'LISTING_INCONSISTENT', values },
    )
  }
  return {
    ...diff,
    listingComplete: removalsAllowed,
    fetched: result.fetched ?? diff.listed,
    rejected: result.rejected,
    state: result.state,
    detailsFetched: result.detailsFetched,
  }
}
