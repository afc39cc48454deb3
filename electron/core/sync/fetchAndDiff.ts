import type { SyncProgress } from '../../../shared/trials'
import { type FetchContext, type PreviousRecordView, type Source } from '../sources/source'
import { cancelledError } from '../http'
import type { StoreData, StoredTrial } from '../store/types'
import { diffListing, type ListingDiff } from './diffListing'

export interface FetchAndDiffInput {
  data: StoreData
  source: Source
  at: string
  allowMassRemoval: boolean
  fullResync?: boolean
  signal: AbortSignal
  onProgress: (p: SyncProgress) => void
  warn: FetchContext['warn']
}

export interface FetchAndDiffResult extends ListingDiff {
  fetched: number
  rejected: number
  state: Record<string, unknown> | undefined
  detailsFetched: number | undefined
}

function previousView(trials: readonly StoredTrial[]): Map<string, PreviousRecordView> {
  const view = new Map<string, PreviousRecordView>()
  for (const t of trials) {
    view.set(t.sourceId, { sourceId: t.sourceId, fields: t.fields, detailsPending: t.detailsPending === true, removed: t.removedAt !== null })
  }
  return view
}

/** Fetches one source's complete listing and compares it with the store. Changes nothing: the caller commits. */
export async function fetchAndDiff(input: FetchAndDiffInput): Promise<FetchAndDiffResult> {
  const { data, source, signal } = input
  const previous = data.trials.filter((t) => t.source === source.id)
  if (signal.aborted) throw cancelledError({ service: source.id })
  const result = await source.fetchAll({
    signal,
    onProgress: (p) => input.onProgress({ ...p, source: source.id }),
    warn: input.warn,
    previous: previousView(previous),
    state: data.sources[source.id]?.state ?? {},
    at: input.at,
    fullResync: input.fullResync === true,
  })
  if (signal.aborted) throw cancelledError({ service: source.id })
  const verdict = result.listing
  const removalsAllowed = verdict === undefined || verdict.consistent
  const diff = diffListing({ source, previous, rows: result.rows, at: input.at, allowMassRemoval: input.allowMassRemoval, removalsAllowed })
  if (verdict && !verdict.consistent) {
    const values = { expected: verdict.expected, received: verdict.received, kept: diff.keptUnlisted }
    input.warn(
      `The ${source.id} listing changed while it was read (announced ${values.expected}, received ${values.received}), even after reading it again. ` +
      `New and updated trials were saved, but the ${values.kept} trials missing from it were not marked removed; the next sync checks again.`,
      { code: 'LISTING_INCONSISTENT', values },
    )
  }
  return { ...diff, fetched: result.fetched ?? result.rows.length, rejected: result.rejected, state: result.state, detailsFetched: result.detailsFetched }
}
