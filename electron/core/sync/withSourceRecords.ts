import type { SourceId } from '../../../shared/trials'
import type { StoredTrial } from '../store/types'

/**
 * The store's records with one source's replaced by the diff's (`sourceTrials`: that source's records in store
 * order, updated, then the new ones): every record keeps its position and new ones are appended, so the index after
 * the commit is updated from the previous one instead of rebuilt (see updateTrialIndex). Should the diff's records
 * not line up with the stored ones, they are put after the other sources' records instead (any order is a valid
 * store; only the update is lost).
 */
export function withSourceRecords(
  trials: readonly StoredTrial[],
  sourceId: SourceId,
  sourceTrials: readonly StoredTrial[],
): StoredTrial[] {
  const next: StoredTrial[] = []
  let k = 0
  for (const trial of trials) {
    if (trial.source !== sourceId) next.push(trial)
    else if (sourceTrials[k]?.id === trial.id) next.push(sourceTrials[k++])
    else return trials.filter((t) => t.source !== sourceId).concat(sourceTrials)
  }
  for (; k < sourceTrials.length; k++) next.push(sourceTrials[k])
  return next
}
