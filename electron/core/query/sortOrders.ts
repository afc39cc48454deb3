import type { ListSort } from '../../../shared/trials'
import type { StoredTrial } from '../store/types'

export type SortOrderName = ListSort

export interface SortOrders {
  /** Entry positions in each order. */
  orders: Record<SortOrderName, Int32Array>
  /** rank[order][position]: where a position stands in that order (to sort a small matched set). */
  ranks: Record<SortOrderName, Int32Array>
}

export function timeOf(iso: string | undefined): number {
  const ms = iso ? Date.parse(iso) : NaN
  return Number.isNaN(ms) ? -Infinity : ms
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

function rankOf(order: Int32Array): Int32Array {
  const rank = new Int32Array(order.length)
  for (let k = 0; k < order.length; k++) rank[order[k]] = k
  return rank
}

/**
 * Titles are collated once per distinct title (the Korean collator is the slow part), then positions are sorted
 * by the title's rank with plain integer comparisons.
 */
function titleOrder(trials: readonly StoredTrial[], idCmp: (a: number, b: number) => number): Int32Array {
  const collator = new Intl.Collator('ko', { sensitivity: 'base', numeric: true })
  const distinct = [...new Set(trials.map((t) => t.common.title ?? ''))].sort(collator.compare)
  const titleRank = new Map<string, number>()
  distinct.forEach((title, i) => {
    // Titles the collator finds equal share a rank, so the id breaks the tie as before.
    titleRank.set(title, i > 0 && collator.compare(distinct[i - 1], title) === 0 ? titleRank.get(distinct[i - 1])! : i)
  })
  const ranks = Int32Array.from(trials, (t) => titleRank.get(t.common.title ?? '')!)
  return Int32Array.from(trials.keys()).sort((a, b) => ranks[a] - ranks[b] || idCmp(a, b))
}

/** Every sort order the list offers, computed once per load or sync. */
export function buildSortOrders(trials: readonly StoredTrial[], changedAtMs: Float64Array): SortOrders {
  const idCmp = (a: number, b: number) => byString(trials[a].id, trials[b].id)
  const changedCmp = (a: number, b: number) => changedAtMs[b] - changedAtMs[a] || 0 || idCmp(a, b)
  const updated = Float64Array.from(trials, (t) => timeOf(t.common.sourceUpdatedAt))
  const positions = () => Int32Array.from(trials.keys())
  const orders: Record<SortOrderName, Int32Array> = {
    changed: positions().sort(changedCmp),
    id: positions().sort(idCmp),
    title: titleOrder(trials, idCmp),
    sourceUpdated: positions().sort((a, b) => updated[b] - updated[a] || 0 || changedCmp(a, b)),
  }
  const ranks = {
    changed: rankOf(orders.changed),
    id: rankOf(orders.id),
    title: rankOf(orders.title),
    sourceUpdated: rankOf(orders.sourceUpdated),
  }
  return { orders, ranks }
}
