/**
 * Which trials get a /detail call this sync. A development key allows 10,000 calls a day and the registry has about
 * 12,500 trials, so details are fetched incrementally: trials still waiting from earlier syncs first, then new ones
 * and ones whose list entry changed, up to the per-sync budget. The rest wait for the next sync.
 */
import { sameValue } from '../../normalize/canonicalValue'
import type { PreviousRecordView } from '../source'
import type { CrisRecord } from './crisEnvelope'

export type DetailReason = 'pending' | 'new' | 'changed'

export interface DetailPlan {
  /** trial_ids to fetch now, in order (pending first), at most `budget`. */
  fetchNow: string[]
  /** Every trial that needs its details (fetched now or left pending), with why. */
  needed: Map<string, DetailReason>
}

/**
 * Compares only the keys this list item carries (normalised: 2011/07/18 ≡ 2011-07-18, CRLF ≡ LF, absent ≡ "").
 * A key the list omits says nothing, so detail-only fields never make a trial look changed.
 */
export function listEntryChanged(item: CrisRecord, previousFields: Readonly<Record<string, unknown>>): boolean {
  for (const [key, value] of Object.entries(item)) {
    if (!sameValue(value, previousFields[key])) return true
  }
  return false
}

export function detailReason(item: CrisRecord, previous: PreviousRecordView | undefined): DetailReason | null {
  if (!previous) return 'new'
  if (previous.detailsPending) return 'pending'
  return listEntryChanged(item, previous.fields) ? 'changed' : null
}

export function planDetails(
  items: readonly CrisRecord[],
  previous: ReadonlyMap<string, PreviousRecordView>,
  budget: number,
): DetailPlan {
  const needed = new Map<string, DetailReason>()
  const pendingFirst: string[] = []
  const thenNewOrChanged: string[] = []
  for (const item of items) {
    const id = String(item.trial_id)
    const reason = detailReason(item, previous.get(id))
    if (!reason) continue
    needed.set(id, reason)
    ;(reason === 'pending' ? pendingFirst : thenNewOrChanged).push(id)
  }
  return { fetchNow: [...pendingFirst, ...thenNewOrChanged].slice(0, Math.max(0, budget)), needed }
}
