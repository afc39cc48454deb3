import { TrialsError } from '../errors'
import type { Source, SourceRow } from '../sources/source'
import { wholeRecord } from '../store/recordStub'
import type { StoredTrial } from '../store/types'
import { diffMissingRecord, diffPresentRecord, type RecordDiff, type RecordOutcome } from './diffRecord'

/** A listing that would remove more than this share of a source's active records is suspicious. */
export const MASS_REMOVAL_SHARE = 0.2

export interface ListingDiff {
  /** Every record of this source after the sync (the source's previous records, updated). */
  trials: StoredTrial[]
  counts: Record<RecordOutcome, number>
  /** Active records missing from a listing that may not remove (inconsistent): kept exactly as they were. */
  keptUnlisted: number
  /** Distinct ids the listing named. */
  listed: number
}

export interface ListingDiffInput {
  source: Source
  /** The store's records of this source (whole records or stubs: see diffPresentRecord). */
  previous: readonly StoredTrial[]
  at: string
  /** A stored record whole (default: read back from the file if it is a stub, see recordStub.ts). */
  readWhole?: (stored: StoredTrial) => StoredTrial
}

export interface ListingEnd {
  allowMassRemoval?: boolean
  /** False for an inconsistent listing: a missing record is kept as it is, never marked removed. Default true. */
  removalsAllowed?: boolean
  /** The source's previous complete listing (SourceMeta.listedAt): when a record now missing was last seen. */
  listedAt?: string
}

/**
 * A listing compared with the stored records as its rows arrive, a page at a time: each row is diffed at once and
 * only what it changed is kept (an unchanged record stays the stored object, a stub stays a stub), so a sync never
 * holds the whole listing beside the whole store. Removals are decided at `finish`, once the listing is complete.
 */
export interface ListingDiffer {
  /** Rows of the listing; a row for an id already added replaces it (the last row wins). */
  add(rows: readonly SourceRow[]): void
  /** Stored records the listing holds as stored (see FetchContext.keepRows); an unknown id is ignored. */
  keep(sourceIds: Iterable<string>): void
  /** Ids added earlier that the listing does not hold after all. */
  drop(sourceIds: Iterable<string>): void
  /** The listing is being read again from the start: the rows added so far no longer count. */
  restart(): void
  /** Throws SUSPICIOUS_LISTING when the listing would remove too much (nothing is changed then). */
  finish(end?: ListingEnd): ListingDiff
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

const noOutcomes = (): Record<RecordOutcome, number> => ({
  created: 0,
  updated: 0,
  restored: 0,
  unchanged: 0,
  removed: 0,
  stillRemoved: 0,
})

/**
 * A stored record listed as it is stored: an active one is unchanged without reading it back; any other (removed,
 * or stored with an outdated `detailsPending: false`) is diffed against its own fields, as if handed over.
 */
function keptAsStored(
  source: Source,
  stored: StoredTrial,
  at: string,
  readWhole: (stored: StoredTrial) => StoredTrial,
): RecordDiff {
  if (stored.removedAt === null && stored.detailsPending !== false) {
    return { outcome: 'unchanged', trial: stored }
  }
  const whole = readWhole(stored)
  const row: SourceRow = { sourceId: stored.sourceId, fields: whole.fields }
  if (stored.detailsPending === true) row.detailsPending = true
  return diffPresentRecord(source, stored, row, at, () => whole)
}

export function createListingDiff(input: ListingDiffInput): ListingDiffer {
  const { source, previous, at } = input
  const readWhole = input.readWhole ?? wholeRecord
  const previousById = new Map<string, StoredTrial>()
  for (const trial of previous) previousById.set(trial.sourceId, trial)
  /** Each listed id's outcome, in the order the ids were first listed. */
  let listed = new Map<string, RecordDiff>()
  return {
    add(rows) {
      for (const row of rows)
        listed.set(row.sourceId, diffPresentRecord(source, previousById.get(row.sourceId), row, at, readWhole))
    },
    keep(sourceIds) {
      for (const sourceId of sourceIds) {
        const stored = previousById.get(sourceId)
        if (stored) listed.set(sourceId, keptAsStored(source, stored, at, readWhole))
      }
    },
    drop(sourceIds) {
      for (const sourceId of sourceIds) listed.delete(sourceId)
    },
    restart() {
      listed = new Map()
    },
    finish(end = {}) {
      const removalsAllowed = end.removalsAllowed !== false
      let active = 0
      let removing = 0
      for (const trial of previous) {
        if (trial.removedAt !== null) continue
        active++
        if (!listed.has(trial.sourceId) && removalsAllowed) removing++
      }
      assertPlausibleListing(source.id, active, removing, listed.size, end.allowMassRemoval === true)

      const counts = noOutcomes()
      const trials: StoredTrial[] = []
      let keptUnlisted = 0
      for (const trial of previous) {
        const present = listed.get(trial.sourceId)
        if (!present && !removalsAllowed) {
          if (trial.removedAt === null) keptUnlisted++
          trials.push(trial)
          continue
        }
        const diff = present ?? diffMissingRecord(trial, at, end.listedAt, readWhole)
        counts[diff.outcome]++
        trials.push(diff.trial)
      }
      for (const [sourceId, diff] of listed) {
        if (previousById.has(sourceId)) continue
        counts[diff.outcome]++
        trials.push(diff.trial)
      }
      return { trials, counts, keptUnlisted, listed: listed.size }
    },
  }
}

/** A complete listing in hand compared with the stored records of one source. Pure: inputs are not modified. */
export function diffListing(input: ListingDiffInput & ListingEnd & { rows: readonly SourceRow[] }): ListingDiff {
  const differ = createListingDiff(input)
  differ.add(input.rows)
  return differ.finish(input)
}
