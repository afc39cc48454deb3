import { COMMON_FIELD_NAMES, FACET_FIELDS, type Facets, type ListQuery, type ListResult, type TrialSummary } from '../../../shared/trials'
import { TrialsError } from '../errors'
import { resolveListQuery, type ResolvedListQuery } from './listQuery'
import { compileTextMatch } from './compileTextMatch'
import { fieldDictionary, isKnownFieldName, toSummary, type TrialIndex, type ValueDictionary } from './trialIndex'

function facetsFromCounts(index: TrialIndex, counts: Int32Array[]): Facets {
  const facets = {} as Facets
  FACET_FIELDS.forEach((field, f) => {
    const { values } = index.facets[field]
    const items: Array<{ value: string; count: number }> = []
    for (let id = 0; id < values.length; id++) if (counts[f][id] > 0) items.push({ value: values[id], count: counts[f][id] })
    items.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    facets[field] = items
  })
  return facets
}

/** An exact-value filter as value ids: which ids of the dictionary pass. */
interface IdFilter { ids: Int32Array; allowed: Uint8Array }

function idFilter(dictionary: ValueDictionary, wanted: ReadonlySet<string>): IdFilter {
  return { ids: dictionary.ids, allowed: Uint8Array.from(dictionary.values, (v) => (wanted.has(v) ? 1 : 0)) }
}

function idFilters(index: TrialIndex, q: ResolvedListQuery): IdFilter[] {
  const filters: IdFilter[] = []
  if (q.sources) filters.push(idFilter(index.facets.source, q.sources))
  if (q.kinds) filters.push(idFilter(index.facets.changeKind, q.kinds))
  for (const [name, wanted] of q.fields) {
    if (!isKnownFieldName(index, name)) {
      throw new TrialsError('USAGE',
        `Unknown field "${name}". Use a common field (${COMMON_FIELD_NAMES.join(', ')}) or a column name of the registry, such as 진료과.`)
    }
    filters.push(idFilter(fieldDictionary(index, name), wanted))
  }
  return filters
}

/** [start, end) of the `changed` order (newest first) whose changedAt lies within the window. */
function windowRange(index: TrialIndex, fromMs: number, toMs: number): [number, number] {
  const order = index.orders.changed
  const { changedAtMs } = index
  const firstAtOrBefore = (limit: number, inclusive: boolean) => {
    let lo = 0
    let hi = order.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      const t = changedAtMs[order[mid]]
      if (inclusive ? t <= limit : t < limit) hi = mid
      else lo = mid + 1
    }
    return lo
  }
  return [firstAtOrBefore(toMs, true), firstAtOrBefore(fromMs, false)]
}

/** The page [offset, end) of the matched positions in the requested order. */
function pageOf(index: TrialIndex, q: ResolvedListQuery, matched: Int32Array, inRequestedOrder: boolean): Int32Array {
  const end = Math.min(matched.length, q.offset + q.limit)
  if (q.offset >= end) return new Int32Array(0)
  if (inRequestedOrder) return matched.subarray(q.offset, end)
  const rank = index.ranks[q.sort]
  const count = index.entries.length
  // A small matched set (a window, a search): sort it by rank. A large one: walk the order, stopping at the page's end.
  if (matched.length * 16 <= count) return Int32Array.from(matched).sort((a, b) => rank[a] - rank[b]).subarray(q.offset, end)
  const isMatched = new Uint8Array(count)
  for (let i = 0; i < matched.length; i++) isMatched[matched[i]] = 1
  const page = new Int32Array(end - q.offset)
  let seen = 0
  for (const p of index.orders[q.sort]) {
    if (isMatched[p] === 0) continue
    if (seen >= q.offset) page[seen - q.offset] = p
    if (++seen >= end) break
  }
  return page
}

/** What the caller adds to a query that the list request itself cannot say (see openTrialDesk). */
export interface ListExtras {
  /** The user's private notes by trial id: `q` matches them too. */
  notes?: ReadonlyMap<string, string>
  /** Only trials whose changedAt lies in [fromMs, toMs], on top of the query's own window (unseen counts, sync matches). */
  changedWithin?: { fromMs: number; toMs: number }
}

function notesByPosition(index: TrialIndex, notes: ReadonlyMap<string, string> | undefined): Map<number, string> | undefined {
  if (!notes || notes.size === 0) return undefined
  const byPosition = new Map<number, string>()
  for (const [id, text] of notes) {
    const entry = index.byId.get(id)
    if (entry) byPosition.set(entry.position, text.normalize('NFC').toLowerCase())
  }
  return byPosition
}

function intersectWindow(a: ResolvedListQuery['window'], b: ListExtras['changedWithin']): ResolvedListQuery['window'] {
  if (!b) return a
  if (!a) return b
  return { fromMs: Math.max(a.fromMs, b.fromMs), toMs: Math.min(a.toMs, b.toMs) }
}

/**
 * One page of trials matching the query, with its total and the facet counts over the whole filtered set.
 * With a window, only the window's slice of the `changed` order is scanned (binary search). The page is then
 * picked in the requested order: by sorting a small matched set by rank, or walking the precomputed order. `now` is the default reference time for the window.
 */
export function listTrials(index: TrialIndex, query: ListQuery, now: () => number = Date.now, extras: ListExtras = {}): ListResult {
  const q = resolveListQuery(query, now)
  const filters = idFilters(index, q)
  const textMatch = q.terms.length > 0 ? compileTextMatch(index, q.terms, notesByPosition(index, extras.notes)) : null
  const window = intersectWindow(q.window, extras.changedWithin)
  // A window is a slice of the `changed` order; without one, every record in storage order (sequential reads).
  const scanOrder = window ? index.orders.changed : null
  const [start, stop] = window ? windowRange(index, window.fromMs, window.toMs) : [0, index.entries.length]
  const { removed } = index
  const facetIds = FACET_FIELDS.map((f) => index.facets[f].ids)
  const counts = FACET_FIELDS.map((f) => new Int32Array(index.facets[f].values.length))
  const matched = new Int32Array(Math.max(0, stop - start))
  let total = 0
  outer: for (let k = start; k < stop; k++) {
    const p = scanOrder ? scanOrder[k] : k
    if (!q.includeRemoved && removed[p] === 1) continue
    for (let i = 0; i < filters.length; i++) {
      const id = filters[i].ids[p]
      if (id < 0 || filters[i].allowed[id] === 0) continue outer
    }
    if (textMatch && !textMatch(p)) continue
    matched[total++] = p
    for (let f = 0; f < facetIds.length; f++) {
      const id = facetIds[f][p]
      if (id >= 0) counts[f][id]++
    }
  }
  const page = pageOf(index, q, matched.subarray(0, total), window !== null && q.sort === 'changed')
  const items: TrialSummary[] = Array.from(page, (p) => toSummary(index.entries[p].trial))
  return { total, offset: q.offset, limit: q.limit, items, facets: facetsFromCounts(index, counts) }
}
