import { TrialsError } from '../errors'
import type { Source, SourceRow } from '../sources/source'
import type { StoredTrial } from '../store/types'
import { diffMissingRecord, diffPresentRecord, type RecordOutcome } from './diffRecord'

/** A listing that would remove more than this share of a source's active records is suspicious. */
export const MASS_REMOVAL_SHARE = 0.2

export interface ListingDiff {
  /** Every record of this source after the sync (the source's previous records, updated). */
  trials: StoredTrial[]
  counts: Record<RecordOutcome, number>
  /** Active records missing from a listing that may not remove (inconsistent): kept exactly as they were. */
  keptUnlisted: number
}

export interface DiffListingInput {
  source: Source
  /** The store's records of this source. */
  previous: readonly StoredTrial[]
  rows: readonly SourceRow[]
  at: string
  allowMassRemoval?: boolean
  /** False for an inconsistent listing: a missing record is kept as it is, never marked removed. Default true. */
  removalsAllowed?: boolean
  /** The source's previous complete listing (SourceMeta.listedAt): when a record now missing was last seen. */
  listedAt?: string
}

function assertPlausibleListing(
  sourceName: string,
  active: number,
  removing: number,
  listed: number,
  allow: boolean,
): void {
  if (allow || active === 0) return
  if (listed === 0) {
    throw new TrialsError(
      'SUSPICIOUS_LISTING',
      `The ${sourceName} registry returned an empty list while ${active} trials are stored, so nothing was changed. ` +
        'This is usually a temporary problem at the registry: try again later. If the registry really emptied, sync with "allow mass removal".',
    )
  }
  if (removing > active * MASS_REMOVAL_SHARE) {
    throw new TrialsError(
      'SUSPICIOUS_LISTING',
      `The ${sourceName} registry listing would remove ${removing} of ${active} stored trials (more than ${MASS_REMOVAL_SHARE * 100}%), ` +
        'so nothing was changed. Try again later; if the registry really removed them, sync with "allow mass removal".',
    )
  }
}

/** Compares a complete listing with the stored records of one source. Pure: inputs are not modified. */
export function diffListing(input: DiffListingInput): ListingDiff {
  const { source, previous, rows, at } = input
  const removalsAllowed = input.removalsAllowed !== false
  const previousById = new Map<string, StoredTrial>()
  for (const trial of previous) previousById.set(trial.sourceId, trial)
  const rowsById = new Map<string, SourceRow>()
  for (const row of rows) rowsById.set(row.sourceId, row) // a duplicated id: the last row wins

  let active = 0
  let removing = 0
  for (const trial of previous) {
    if (trial.removedAt !== null) continue
    active++
    if (!rowsById.has(trial.sourceId) && removalsAllowed) removing++
  }
  assertPlausibleListing(source.id, active, removing, rowsById.size, input.allowMassRemoval === true)

  const counts: Record<RecordOutcome, number> = {
    created: 0,
    updated: 0,
    restored: 0,
    unchanged: 0,
    removed: 0,
    stillRemoved: 0,
  }
  const trials: StoredTrial[] = []
  let keptUnlisted = 0
  for (const trial of previous) {
    const row = rowsById.get(trial.sourceId)
    if (!row && !removalsAllowed) {
      if (trial.removedAt === null) keptUnlisted++
      trials.push(trial)
      continue
    }
    const diff = row ? diffPresentRecord(source, trial, row, at) : diffMissingRecord(trial, at, input.listedAt)
    counts[diff.outcome]++
    trials.push(diff.trial)
  }
  for (const row of rowsById.values()) {
    if (previousById.has(row.sourceId)) continue
    const diff = diffPresentRecord(source, undefined, row, at)
    counts[diff.outcome]++
    trials.push(diff.trial)
  }
  return { trials, counts, keptUnlisted }
}
