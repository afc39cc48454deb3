import type { ListSort } from '../../../shared/trials'
import type { StoredTrial } from '../store/types'

export type SortOrderName = ListSort

export interface SortOrders {
  /** Entry positions in each order. */
  orders: Record<SortOrderName, Int32Array>
  /** rank[order][position]: where a position stands in that order (to sort a small matched set). */
  ranks: Record<SortOrderName, Int32Array>
}

const ORDER_NAMES: readonly SortOrderName[] = ['changed', 'id', 'title', 'sourceUpdated']

export function timeOf(iso: string | undefined): number {
  const ms = iso ? Date.parse(iso) : NaN
  return Number.isNaN(ms) ? -Infinity : ms
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

const titleCollator = () => new Intl.Collator('ko', { sensitivity: 'base', numeric: true })

function rankOf(order: Int32Array): Int32Array {
  const rank = new Int32Array(order.length)
  for (let k = 0; k < order.length; k++) rank[order[k]] = k
  return rank
}

type Compare = (a: number, b: number) => number

/**
 * Every order's comparison of two positions. Each ends with the id, so every order is total: sorting from scratch
 * and updating an order (see updateSortOrders) give the same positions. `titleCmp` compares titles only.
 */
function comparators(
  trials: readonly StoredTrial[],
  changedAtMs: Float64Array,
  updatedAt: (p: number) => number,
  titleCmp: Compare,
): Record<SortOrderName, Compare> {
  const idCmp: Compare = (a, b) => byString(trials[a].id, trials[b].id)
  const changedCmp: Compare = (a, b) => changedAtMs[b] - changedAtMs[a] || 0 || idCmp(a, b)
  return {
    changed: changedCmp,
    id: idCmp,
    title: (a, b) => titleCmp(a, b) || idCmp(a, b),
    sourceUpdated: (a, b) => updatedAt(b) - updatedAt(a) || 0 || changedCmp(a, b),
  }
}

const titleOf = (trial: StoredTrial) => trial.common.title ?? ''

/**
 * Titles are collated once per distinct title (the Korean collator is the slow part), then positions are compared
 * by the title's rank with plain integer comparisons. Titles the collator finds equal share a rank (the id breaks
 * the tie), so the order is the collator's.
 */
function titleRanks(trials: readonly StoredTrial[]): Int32Array {
  const collator = titleCollator()
  const distinct = [...new Set(trials.map(titleOf))].sort(collator.compare)
  const titleRank = new Map<string, number>()
  distinct.forEach((title, i) => {
    titleRank.set(title, i > 0 && collator.compare(distinct[i - 1], title) === 0 ? titleRank.get(distinct[i - 1])! : i)
  })
  return Int32Array.from(trials, (t) => titleRank.get(titleOf(t))!)
}

function withRanks(orders: Record<SortOrderName, Int32Array>): SortOrders {
  const ranks = Object.fromEntries(ORDER_NAMES.map((name) => [name, rankOf(orders[name])]))
  return { orders, ranks: ranks as Record<SortOrderName, Int32Array> }
}

/** Every sort order the list offers, computed over every record (on open and after a large sync). */
export function buildSortOrders(trials: readonly StoredTrial[], changedAtMs: Float64Array): SortOrders {
  const updated = Float64Array.from(trials, (t) => timeOf(t.common.sourceUpdatedAt))
  const titles = titleRanks(trials)
  const compare = comparators(
    trials,
    changedAtMs,
    (p) => updated[p],
    (a, b) => titles[a] - titles[b],
  )
  const orders = Object.fromEntries(
    ORDER_NAMES.map((name) => [name, Int32Array.from(trials.keys()).sort(compare[name])]),
  )
  return withRanks(orders as Record<SortOrderName, Int32Array>)
}

/**
 * Where `sorted` (ascending in `compare`) goes into `order`: the first index of `order` whose position sorts after
 * each of them. Binary searches, so only ~17 comparisons per moved record at 100,000 records.
 */
function insertionPoints(order: Int32Array, sorted: Int32Array, compare: Compare): Int32Array {
  const at = new Int32Array(sorted.length)
  let low = 0
  for (let i = 0; i < sorted.length; i++) {
    let high = order.length
    while (low < high) {
      const mid = (low + high) >>> 1
      if (compare(order[mid], sorted[i]) < 0) low = mid + 1
      else high = mid
    }
    at[i] = low
  }
  return at
}

/**
 * The orders after a sync that changed the records at `moved` (ascending; positions ≥ the previous count are new
 * records) and left every other record where it was with the same sort keys: the others keep their relative order,
 * and each moved record is placed by binary search. The same orders as buildSortOrders, in time proportional to the
 * store's size only for copying arrays, not for comparing or parsing.
 */
export function updateSortOrders(
  previous: SortOrders,
  trials: readonly StoredTrial[],
  changedAtMs: Float64Array,
  moved: Int32Array,
): SortOrders {
  const count = trials.length
  const isMoved = new Uint8Array(count)
  for (const p of moved) isMoved[p] = 1
  const updatedOfMoved = new Map<number, number>()
  const updatedAt = (p: number) => {
    let ms = updatedOfMoved.get(p)
    if (ms === undefined) updatedOfMoved.set(p, (ms = timeOf(trials[p].common.sourceUpdatedAt)))
    return ms
  }
  const collator = titleCollator()
  const compare = comparators(trials, changedAtMs, updatedAt, (a, b) =>
    collator.compare(titleOf(trials[a]), titleOf(trials[b])),
  )
  const orders = {} as Record<SortOrderName, Int32Array>
  for (const name of ORDER_NAMES) {
    const before = previous.orders[name]
    const kept = new Int32Array(count - moved.length)
    let k = 0
    for (let i = 0; i < before.length; i++) if (isMoved[before[i]] === 0) kept[k++] = before[i]
    const sorted = Int32Array.from(moved).sort(compare[name])
    const at = insertionPoints(kept, sorted, compare[name])
    const order = new Int32Array(count)
    let from = 0
    let to = 0
    for (let i = 0; i < sorted.length; i++) {
      order.set(kept.subarray(from, at[i]), to)
      to += at[i] - from
      from = at[i]
      order[to++] = sorted[i]
    }
    order.set(kept.subarray(from), to)
    orders[name] = order
  }
  return withRanks(orders)
}
