import { FACET_FIELDS, type FacetField } from '../../../shared/trials'
import type { StoredTrial } from '../store/types'
import { updateFacetColumn } from './facetColumns'
import { updateIndexText } from './indexText'
import { heldText, searchTextColumnOf } from './searchTextColumn'
import { timeOf, updateSortOrders } from './sortOrders'
import { entriesOf, type EntriesOf, type FacetColumn, type TrialIndex } from './trialIndex'

/** Past this share of changed records, building the index afresh is as quick and simpler. */
const MAX_CHANGED_SHARE = 0.125

/**
 * True when everything the index reads from a record is the same: a sync keeps an unchanged row's fields and common
 * fields as the same objects (see diffRecord), and only writes `lastSeenAt`, which no column holds. The fields are
 * compared last: a stub reads them from disk when asked (see recordStub.ts), and a changed record's common fields
 * are a new object already.
 */
function sameForIndex(a: StoredTrial, b: StoredTrial): boolean {
  return (
    a === b ||
    (a.common === b.common &&
      a.removedAt === b.removedAt &&
      a.changedAt === b.changedAt &&
      a.changeKind === b.changeKind &&
      a.detailsPending === b.detailsPending &&
      a.source === b.source &&
      a.fields === b.fields)
  )
}

/**
 * The index of `trials` worked out from `previous`, the index of `previousTrials`, when the sync kept every record
 * at its position and appended new ones (see withSourceRecords): the columns, sort orders and search text of
 * unchanged records are copied, and only changed and new records are read. The same index as createTrialIndex
 * builds (the value ids of facet dictionaries may be numbered differently). Null when the records moved or too many
 * changed: then build it afresh. `previous` must not be searched afterwards: its search text is reused in place.
 */
export function updateTrialIndex(
  previous: TrialIndex,
  previousTrials: readonly StoredTrial[],
  trials: readonly StoredTrial[],
  entries: EntriesOf = entriesOf(trials),
): TrialIndex | null {
  const beforeCount = previousTrials.length
  const count = trials.length
  if (count < beforeCount || previous.removed.length !== beforeCount) return null
  const changedList: number[] = []
  for (let p = 0; p < beforeCount; p++) {
    if (trials[p].id !== previousTrials[p].id) return null
    if (!sameForIndex(previousTrials[p], trials[p])) changedList.push(p)
  }
  for (let p = beforeCount; p < count; p++) changedList.push(p)
  if (changedList.length > count * MAX_CHANGED_SHARE) return null
  const changed = Int32Array.from(changedList)

  const removed = new Uint8Array(count)
  const changedAtMs = new Float64Array(count)
  const pending = new Uint8Array(count)
  removed.set(previous.removed)
  changedAtMs.set(previous.changedAtMs)
  pending.set(previous.pending)
  for (const p of changed) {
    const trial = trials[p]
    removed[p] = trial.removedAt === null ? 0 : 1
    changedAtMs[p] = timeOf(trial.changedAt)
    pending[p] = trial.detailsPending === true ? 1 : 0
  }
  let activeCount = 0
  for (let p = 0; p < count; p++) if (removed[p] === 0) activeCount++
  const facets = Object.fromEntries(
    FACET_FIELDS.map((f) => [f, updateFacetColumn(previous.facets[f], trials, pending, f, changed)]),
  ) as Record<FacetField, FacetColumn>
  const text = updateIndexText(searchTextColumnOf(previous.text), trials, changed)
  // The previous index's search text now belongs to this one (changed in place): reading it there is a bug.
  previous.text.column = null
  previous.text.load = () => {
    throw new Error('the search text of an index replaced by a sync')
  }
  return {
    ...entries,
    removed,
    changedAtMs,
    text: heldText(text),
    pending,
    activeCount,
    ...updateSortOrders(previous, trials, changedAtMs, changed),
    facets,
    fieldNames: null,
    fieldValueCache: new Map(),
  }
}
