import type { FieldChange, HistoryEntry } from '../../../shared/trials'
import { identicalValue, sameValue } from '../normalize/canonicalValue'
import type { Source, SourceRow } from '../sources/source'
import { laterSeen } from '../store/lastSeen'
import { wholeRecord } from '../store/recordStub'
import type { StoredTrial } from '../store/types'

/** History is kept bounded so the store does not grow without limit on a churning registry. */
export const MAX_HISTORY_ENTRIES = 100

/** `stillRemoved`: removed earlier and still absent (not counted as unchanged in the log). */
export type RecordOutcome = 'created' | 'updated' | 'restored' | 'unchanged' | 'removed' | 'stillRemoved'

export interface RecordDiff {
  trial: StoredTrial
  outcome: RecordOutcome
}

function appendHistory(history: HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  const next = [...history, entry]
  return next.length > MAX_HISTORY_ENTRIES ? next.slice(next.length - MAX_HISTORY_ENTRIES) : next
}

function isAbsent(value: unknown): boolean {
  return sameValue(value, null)
}

/**
 * The fields to store for a row, and which of their differences count as changes.
 * - Details completion: previous record was waiting for details, this row has them → fields absent
 *   before are filled in silently; only fields that existed before can change.
 * - A listing-only row (detailsPending) for a record that has details keeps the detail fields it lacks.
 */
function compareFields(
  previous: StoredTrial,
  row: SourceRow,
  bookkeeping: ReadonlySet<string>,
): { fields: Record<string, unknown>; changes: FieldChange[]; bookkeepingOnly: FieldChange[] } {
  const fields: Record<string, unknown> = { ...row.fields }
  const keepMissingFromPrevious = row.detailsPending === true && previous.detailsPending !== true
  const completingDetails = previous.detailsPending === true && row.detailsPending !== true
  if (keepMissingFromPrevious) {
    for (const [key, value] of Object.entries(previous.fields)) {
      if (!(key in fields)) fields[key] = value
    }
  }
  const changes: FieldChange[] = []
  const bookkeepingOnly: FieldChange[] = []
  const keys = new Set([...Object.keys(previous.fields), ...Object.keys(fields)])
  for (const field of keys) {
    const from = previous.fields[field]
    const to = fields[field]
    if (sameValue(from, to)) continue
    if (completingDetails && isAbsent(from)) continue
    const change = { field, from: from ?? null, to: to ?? null }
    if (bookkeeping.has(field)) bookkeepingOnly.push(change)
    else changes.push(change)
  }
  return { fields, changes, bookkeepingOnly }
}

/**
 * The no-change fast path (most rows of most syncs): the row is identical to the stored fields, so the record is
 * kept as it is — the same object, so the commit copies its bytes and the index its columns. That the listing saw
 * it is the source's `listedAt` (see lastSeenOf), not a write to every record. Common fields are derived from the
 * fields, so they only change when the fields do.
 */
function seenAgain(stored: StoredTrial, whole: StoredTrial): StoredTrial {
  if (stored.detailsPending !== false) return stored
  // As the full path stores it: only `true` is kept (built without `delete`, which slows the object down).
  const { detailsPending: _false, ...rest } = whole
  return rest
}

/**
 * A row seen in a complete listing, against the stored record (if any). A stored record may be a stub (see
 * recordStub.ts): it is read back from the store file once, and an unchanged one is kept as the stub it is.
 */
export function diffPresentRecord(
  source: Source,
  stored: StoredTrial | undefined,
  row: SourceRow,
  at: string,
  readWhole: (stored: StoredTrial) => StoredTrial = wholeRecord,
): RecordDiff {
  const id = `${source.id}:${row.sourceId}`
  const detailsPending = row.detailsPending === true ? { detailsPending: true } : {}
  if (!stored) {
    return {
      outcome: 'created',
      trial: {
        id,
        source: source.id,
        sourceId: row.sourceId,
        fields: { ...row.fields },
        common: source.toCommon(row.fields),
        firstSeenAt: at,
        changedAt: at,
        lastSeenAt: at,
        removedAt: null,
        changeKind: 'new',
        ...detailsPending,
        history: [{ at, kind: 'created', changes: [] }],
      },
    }
  }
  const previous = readWhole(stored)
  if (
    previous.removedAt === null &&
    (previous.detailsPending === true) === (row.detailsPending === true) &&
    identicalValue(previous.fields, row.fields)
  ) {
    return { outcome: 'unchanged', trial: seenAgain(stored, previous) }
  }
  const { fields, changes } = compareFields(previous, row, new Set(source.bookkeepingFields ?? []))
  const base: StoredTrial = {
    ...previous,
    fields,
    common: source.toCommon(fields),
    lastSeenAt: at,
    removedAt: null,
    ...detailsPending,
  }
  if (row.detailsPending !== true) delete base.detailsPending
  if (previous.removedAt !== null) {
    return {
      outcome: 'restored',
      trial: {
        ...base,
        changeKind: 'updated',
        changedAt: at,
        history: appendHistory(previous.history, { at, kind: 'restored', changes }),
      },
    }
  }
  if (changes.length > 0) {
    return {
      outcome: 'updated',
      trial: {
        ...base,
        changeKind: 'updated',
        changedAt: at,
        history: appendHistory(previous.history, { at, kind: 'updated', changes }),
      },
    }
  }
  // Unchanged, or changed only in bookkeeping fields: the new values are stored, the badge and changedAt stay.
  return { outcome: 'unchanged', trial: base }
}

/**
 * A stored record that a complete listing no longer contains. `lastSeenAt` becomes the last listing that had it:
 * the previous complete listing (`listedAt`) when that is later than the record's last write (see lastSeen.ts).
 */
export function diffMissingRecord(
  stored: StoredTrial,
  at: string,
  listedAt?: string,
  readWhole: (stored: StoredTrial) => StoredTrial = wholeRecord,
): RecordDiff {
  if (stored.removedAt !== null) return { outcome: 'stillRemoved', trial: stored }
  const previous = readWhole(stored)
  return {
    outcome: 'removed',
    trial: {
      ...previous,
      lastSeenAt: laterSeen(previous.lastSeenAt, listedAt),
      changeKind: 'removed',
      changedAt: at,
      removedAt: at,
      history: appendHistory(previous.history, { at, kind: 'removed', changes: [] }),
    },
  }
}
