import { RECRUITING_NOW } from '../../../shared/clinical'
import {
  COMMON_FIELD_NAMES,
  FACET_FIELDS,
  type FacetField,
  type Facets,
  type FacetValue,
  type ListQuery,
  type ListResult,
  type TrialSummary,
} from '../../../shared/trials'
import { TrialsError } from '../errors'
import { deepFreeze } from './deepFreeze'
import { DETAIL_FACETS, FACET_NAMES, filterValuesFor } from './facetValues'
import { resolveListQuery, type ResolvedListQuery } from './listQuery'
import { compileTextMatch, matchedTermsOf, parseSearchTerms, type TextMatch } from './compileTextMatch'
import { postingsOf } from './facetPostings'
import { TwinHiding } from './oneRowPerTrial'
import {
  fieldDictionary,
  isKnownFieldName,
  sharedSummaryOf,
  type FacetColumn,
  type TrialIndex,
  type ValueDictionary,
} from './trialIndex'

/** An exact-value filter as value ids: which ids of the dictionary pass. */
interface IdFilter {
  ids: Int32Array
  allowed: Uint8Array
}

/** A selection in one facet (values OR'ed); `facet` is the index into FACET_FIELDS. */
interface FacetFilter {
  facet: number
  column: FacetColumn
  allowed: Uint8Array
  /** The picked values (normalised), each with the filter values as the query wrote them ("서울대병원" → 서울대학교병원). */
  chosen: ReadonlyMap<string, readonly string[]>
}

function idFilter(dictionary: ValueDictionary, wanted: ReadonlySet<string>): IdFilter {
  return { ids: dictionary.ids, allowed: Uint8Array.from(dictionary.values, (v) => (wanted.has(v) ? 1 : 0)) }
}

/** `chosen`: the values the user picked (listed even with no match); the toggle's statuses are not picks. */
function facetFilter(
  index: TrialIndex,
  field: FacetField,
  allowed: ReadonlySet<string>,
  chosen: ReadonlyMap<string, readonly string[]>,
): FacetFilter {
  const column = index.facets[field]
  return {
    facet: FACET_FIELDS.indexOf(field),
    column,
    allowed: Uint8Array.from(column.values, (v) => (allowed.has(v) ? 1 : 0)),
    chosen,
  }
}

function passes(filter: FacetFilter, p: number): boolean {
  const { ids, starts } = filter.column
  if (starts === null) {
    const id = ids[p]
    return id >= 0 && filter.allowed[id] === 1
  }
  for (let k = starts[p]; k < starts[p + 1]; k++) if (filter.allowed[ids[k]] === 1) return true
  return false
}

/**
 * Sets bit `bit` of `fails[p]` for each scanned record that fails the selection (`first`: the bits start at 0 here).
 * One pass per selection over a column, branch-free for a single-value facet: at 100,000 records, asking every
 * selection of every record in turn spent most of a filtered query on mispredicted branches.
 */
function markFails(
  filter: FacetFilter,
  bit: number,
  fails: Uint16Array,
  scanOrder: Int32Array | null,
  start: number,
  stop: number,
  first: boolean,
): void {
  const { ids, starts } = filter.column
  const { allowed } = filter
  const mask = 1 << bit
  if (starts === null) {
    // failing[id + 1]: the bit when value id is not allowed (index 0: no value, never allowed).
    const failing = new Uint16Array(allowed.length + 1)
    failing[0] = mask
    for (let id = 0; id < allowed.length; id++) failing[id + 1] = allowed[id] === 1 ? 0 : mask
    for (let k = start; k < stop; k++) {
      const p = scanOrder === null ? k : scanOrder[k]
      fails[p] = (first ? 0 : fails[p]) | failing[ids[p] + 1]
    }
    return
  }
  // `starts` is not null here: a multi-value column.
  const postings = postingsOf(filter.column as FacetColumn & { starts: Int32Array })
  let holders = 0
  for (let id = 0; id < allowed.length; id++)
    if (allowed[id] === 1) holders += postings.starts[id + 1] - postings.starts[id]
  // Few records scanned (a window) and many holders (a large hospital): each scanned record's own values.
  if (holders > stop - start) {
    for (let k = start; k < stop; k++) {
      const p = scanOrder === null ? k : scanOrder[k]
      let failed = mask
      for (let j = starts[p]; j < starts[p + 1]; j++)
        if (allowed[ids[j]] === 1) {
          failed = 0
          break
        }
      fails[p] = (first ? 0 : fails[p]) | failed
    }
    return
  }
  // Otherwise every scanned record fails, then the allowed values' postings clear the bit: a pass over the scanned
  // records and one over the allowed values' holders, instead of every record's values.
  for (let k = start; k < stop; k++) {
    const p = scanOrder === null ? k : scanOrder[k]
    fails[p] = (first ? 0 : fails[p]) | mask
  }
  const passing = ~mask
  for (let id = 0; id < allowed.length; id++) {
    if (allowed[id] === 0) continue
    // Records outside the scanned range may be cleared too: only scanned records' bits are read.
    for (let j = postings.starts[id]; j < postings.starts[id + 1]; j++) fails[postings.positions[j]] &= passing
  }
}

/** The query's filters: facet selections (counted disjunctively) and plain column filters (always applied). */
function filtersOf(index: TrialIndex, q: ResolvedListQuery): { facetFilters: FacetFilter[]; plain: IdFilter[] } {
  // Per facet: each selected (normalised) value with the filter values that select it, as written.
  const selections = new Map<FacetField, Map<string, string[]>>()
  const asWritten = (values: Iterable<string>) => new Map([...values].map((v) => [v, [v]]))
  if (q.sources) selections.set('source', asWritten(q.sources))
  if (q.kinds) selections.set('changeKind', asWritten(q.kinds))
  const plain: IdFilter[] = []
  for (const [name, wanted] of q.fields) {
    if (FACET_NAMES.has(name)) {
      const field = name as FacetField
      const chosen = selections.get(field) ?? new Map<string, string[]>()
      for (const value of wanted)
        for (const v of filterValuesFor(field, value)) {
          const written = chosen.get(v)
          if (!written) chosen.set(v, [value])
          else if (!written.includes(value)) written.push(value)
        }
      selections.set(field, chosen)
      continue
    }
    if (!isKnownFieldName(index, name)) {
      throw new TrialsError(
        'USAGE',
        `Unknown field "${name}". Use a filter (${FACET_FIELDS.join(', ')}), a common field (${COMMON_FIELD_NAMES.join(', ')}) ` +
          'or a column name of the registry, such as 진료과.',
      )
    }
    plain.push(idFilter(fieldDictionary(index, name), wanted))
  }
  if (q.recruitingOnly) {
    // The toggle narrows the recruitment selection (or stands for it): part of that facet, so its menu keeps every status.
    const chosen = selections.get('recruitment')
    const recruiting = RECRUITING_NOW.filter((s) => !chosen || chosen.has(s))
    const facetFilters = [...selections]
      .filter(([field]) => field !== 'recruitment')
      .map(([field, picked]) => facetFilter(index, field, new Set(picked.keys()), picked))
    facetFilters.push(facetFilter(index, 'recruitment', new Set(recruiting), chosen ?? new Map()))
    return { facetFilters, plain }
  }
  const facetFilters = [...selections].map(([field, picked]) =>
    facetFilter(index, field, new Set(picked.keys()), picked),
  )
  return { facetFilters, plain }
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

/**
 * Buffers one list query needs at the index's size, kept per index and reused by the next query (queries run one at
 * a time and nothing escapes a call): allocating ~0.4 MB per array and query at 100,000 trials cost time and, being
 * memory outside the JS heap, brought on garbage collections in the middle of later queries.
 */
interface ScanBuffers {
  matched: Int32Array
  counted: Int32Array
  /** Per facet selection (by its place in the query's selections). */
  nearMisses: Int32Array[]
  /** All zero between queries (pageOf clears what it marks). */
  isMatched: Uint8Array
  /** Per record, a bit per facet selection it fails (only the scanned records' bits are meaningful: see markFails). */
  fails: Uint16Array
}

const scanBuffers = new WeakMap<TrialIndex, ScanBuffers>()

function buffersOf(index: TrialIndex, facetFilterCount: number): ScanBuffers {
  const count = index.entries.length
  let buffers = scanBuffers.get(index)
  if (!buffers) {
    buffers = {
      matched: new Int32Array(count),
      counted: new Int32Array(count),
      nearMisses: [],
      isMatched: new Uint8Array(count),
      fails: new Uint16Array(count),
    }
    scanBuffers.set(index, buffers)
  }
  while (buffers.nearMisses.length < facetFilterCount) buffers.nearMisses.push(new Int32Array(count))
  return buffers
}

/** The `k` positions of `matched` that come first by `rank`, in that order (a bounded max-heap: no full sort). */
function firstByRank(matched: Int32Array, rank: Int32Array, k: number): Int32Array {
  const heap = new Int32Array(k)
  let size = 0
  const siftDown = (from: number) => {
    let i = from
    const p = heap[i]
    const r = rank[p]
    for (;;) {
      let child = 2 * i + 1
      if (child >= size) break
      if (child + 1 < size && rank[heap[child + 1]] > rank[heap[child]]) child++
      if (rank[heap[child]] <= r) break
      heap[i] = heap[child]
      i = child
    }
    heap[i] = p
  }
  for (let i = 0; i < matched.length; i++) {
    const p = matched[i]
    if (size < k) {
      // sift up
      let j = size++
      while (j > 0) {
        const parent = (j - 1) >> 1
        if (rank[heap[parent]] >= rank[p]) break
        heap[j] = heap[parent]
        j = parent
      }
      heap[j] = p
    } else if (rank[p] < rank[heap[0]]) {
      heap[0] = p
      siftDown(0)
    }
  }
  return heap.subarray(0, size).sort((a, b) => rank[a] - rank[b])
}

/** Pages ending at most this deep are picked from a larger matched set by a bounded heap rather than a full sort. */
const HEAP_PAGE_END = 1000

/** The page [offset, end) of the matched positions in the requested order. */
function pageOf(
  index: TrialIndex,
  q: ResolvedListQuery,
  matched: Int32Array,
  inRequestedOrder: boolean,
  isMatched: Uint8Array,
): Int32Array {
  const end = Math.min(matched.length, q.offset + q.limit)
  if (q.offset >= end) return new Int32Array(0)
  if (inRequestedOrder) return matched.subarray(q.offset, end)
  const rank = index.ranks[q.sort]
  const count = index.entries.length
  // A small matched set (a window, a search): pick the page by rank. A large one: walk the order, stopping at the
  // page's end (about count × end / matched steps).
  if (matched.length * 16 <= count) {
    if (end <= HEAP_PAGE_END) return firstByRank(matched, rank, end).subarray(q.offset, end)
    return Int32Array.from(matched)
      .sort((a, b) => rank[a] - rank[b])
      .subarray(q.offset, end)
  }
  mark(isMatched, matched, 1)
  const page = walkOrder(index.orders[q.sort], isMatched, q.offset, end)
  mark(isMatched, matched, 0)
  return page
}

function mark(marks: Uint8Array, positions: Int32Array, value: 0 | 1): void {
  for (let i = 0; i < positions.length; i++) marks[positions[i]] = value
}

/** The marked positions [offset, end) in `order`. Its own function, for the JIT (see scanRecords). */
function walkOrder(order: Int32Array, isMatched: Uint8Array, offset: number, end: number): Int32Array {
  const page = new Int32Array(end - offset)
  let seen = 0
  for (let k = 0; k < order.length; k++) {
    const p = order[k]
    if (isMatched[p] === 0) continue
    if (seen >= offset) page[seen - offset] = p
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

function notesByPosition(
  index: TrialIndex,
  notes: ReadonlyMap<string, string> | undefined,
): Map<number, string> | undefined {
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

/** Facet counts, one counter per value of every facet, plus the not-yet-classified count of the detail facets. */
class FacetCounter {
  readonly counts: Int32Array[]
  readonly unclassified = new Int32Array(FACET_FIELDS.length)
  private readonly columns: FacetColumn[]
  private readonly detail: Uint8Array

  constructor(private readonly index: TrialIndex) {
    this.columns = FACET_FIELDS.map((f) => index.facets[f])
    this.counts = this.columns.map((c) => new Int32Array(c.values.length))
    this.detail = Uint8Array.from(FACET_FIELDS, (f) => (DETAIL_FACETS.has(f) ? 1 : 0))
  }

  /**
   * Counts facet `f` over `positions[0 .. n)`. One tight loop per facet over typed arrays (column by column): at
   * 100,000 trials a per-record call into every facet costs several times more.
   */
  addColumn(f: number, positions: Int32Array, n: number): void {
    const { ids, starts } = this.columns[f]
    const counts = this.counts[f]
    const pending = this.detail[f] === 1 ? this.index.pending : null
    let unclassified = 0
    if (starts === null) {
      for (let i = 0; i < n; i++) {
        const p = positions[i]
        const id = ids[p]
        if (id >= 0) counts[id]++
        else if (pending !== null && pending[p] === 1) unclassified++
      }
    } else {
      for (let i = 0; i < n; i++) {
        const p = positions[i]
        const to = starts[p + 1]
        let k = starts[p]
        if (k === to && pending !== null && pending[p] === 1) unclassified++
        for (; k < to; k++) counts[ids[k]]++
      }
    }
    this.unclassified[f] += unclassified
  }

  /** Counts one record in facet `f` (the hiding step's linked records: see oneRowPerTrial.ts). */
  add(f: number, p: number): void {
    this.addColumn(f, Int32Array.of(p), 1)
  }

  addAllColumns(positions: Int32Array, n: number): void {
    for (let f = 0; f < this.columns.length; f++) this.addColumn(f, positions, n)
  }

  /** Back to all zeros, for the next query on the same index. */
  reset(): void {
    for (const counts of this.counts) counts.fill(0)
    this.unclassified.fill(0)
  }
}

/** Per index, the counter a filtered query counts into (reset, not reallocated, per query; see ScanBuffers). */
const queryCounters = new WeakMap<TrialIndex, FacetCounter>()

function queryCounter(index: TrialIndex): FacetCounter {
  let counter = queryCounters.get(index)
  if (!counter) queryCounters.set(index, (counter = new FacetCounter(index)))
  else counter.reset()
  return counter
}

/**
 * The counts of a query with no filter or text (the "all time" list, or the default view's window): the same for
 * every such query on one index over the same records, and an index never changes once built (a sync builds a new
 * one), so they are counted once.
 */
const unfilteredCounts = new WeakMap<
  TrialIndex,
  { active?: FacetCounter; all?: FacetCounter; window?: { key: string; counter: FacetCounter } }
>()

/**
 * `key`: 'active' or 'all' (no window: kept for the index's life), or a window's slice of the `changed` order (the
 * default view, asked on every list update: only the last such slice is kept).
 */
function unfilteredCounter(index: TrialIndex, key: string, matched: Int32Array, total: number): FacetCounter {
  let cached = unfilteredCounts.get(index)
  if (!cached) unfilteredCounts.set(index, (cached = {}))
  const count = () => {
    const counter = new FacetCounter(index)
    counter.addAllColumns(matched, total)
    return counter
  }
  if (key === 'active' || key === 'all') return (cached[key] ??= count())
  if (cached.window?.key !== key) cached.window = { key, counter: count() }
  return cached.window.counter
}

/** Facets for the sources in scope: every value with a count, plus selected values (count 0 when none match). */
function facetsOf(
  index: TrialIndex,
  counter: FacetCounter,
  facetFilters: FacetFilter[],
  sourcesInScope: ReadonlySet<string> | null,
) {
  const facets: Facets = {}
  const unclassified: ListResult['unclassified'] = {}
  FACET_FIELDS.forEach((field, f) => {
    const column = index.facets[field]
    const selected = facetFilters.find((x) => x.facet === f)
    let applies = sourcesInScope === null && column.sources.size > 0
    if (sourcesInScope !== null) for (const s of column.sources) if (sourcesInScope.has(s)) applies = true
    if (!applies && !selected) return
    const items: FacetValue[] = []
    for (let id = 0; id < column.values.length; id++) {
      const count = counter.counts[f][id]
      if (count === 0 && selected?.allowed[id] !== 1) continue
      const en = column.valuesEn[id]
      const value = column.values[id]
      const item: FacetValue = en === undefined ? { value, count } : { value, count, en }
      const selectedBy = selected?.chosen.get(value)
      if (selectedBy) item.selectedBy = [...selectedBy]
      items.push(item)
    }
    // A selected value no trial has (yet): still listed, so it can be unchecked.
    for (const [value, selectedBy] of selected?.chosen ?? [])
      if (!items.some((v) => v.value === value)) items.push({ value, count: 0, selectedBy: [...selectedBy] })
    items.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    facets[field] = items
    if (counter.unclassified[f] > 0) unclassified[field] = counter.unclassified[f]
  })
  return { facets, unclassified }
}

/** The menus of an unfiltered query, built once per kept counter (see unfilteredCounter) and shared, frozen. */
const unfilteredFacets = new WeakMap<FacetCounter, ReturnType<typeof facetsOf>>()

function unfilteredFacetsOf(index: TrialIndex, counter: FacetCounter): ReturnType<typeof facetsOf> {
  let built = unfilteredFacets.get(counter)
  if (!built) unfilteredFacets.set(counter, (built = deepFreeze(facetsOf(index, counter, [], null))))
  return built
}

/** One scan over records `order[start .. stop)` (positions start .. stop without an order); see scanRecords. */
interface Scan {
  order: Int32Array | null
  start: number
  stop: number
  removed: Uint8Array
  includeRemoved: boolean
  fails: Uint16Array
  facetFilters: FacetFilter[]
  plain: IdFilter[]
  textMatch: TextMatch | null
  hiding: TwinHiding | null
  /** Filled: the records that pass everything, in scan order. */
  matched: Int32Array
  /** Filled with hiding: the matched records counted at once (the linked ones are left to `settle`). */
  counted: Int32Array
  /** Filled per facet selection: the records that fail only that selection (they count in its menu only). */
  nearMisses: Int32Array[]
  nearMissCounts: Int32Array
}

/**
 * The per-record loop of a list query, written out (no per-record closure or method call): it runs once per scanned
 * record (every record, a window's or a search's candidates). Selections come before the text, which is the costly
 * test. A function of its own so the JIT optimises it by itself, with feedback from its own runs (inside listTrials,
 * code compiled on the loop's first run kept being thrown away for paths the query had not reached yet).
 */
function scanRecords(scan: Scan): { total: number; countedTotal: number } {
  const { order, start, stop, removed, includeRemoved, fails, facetFilters, plain, textMatch, hiding } = scan
  const { matched, counted, nearMisses, nearMissCounts } = scan
  const facetFilterCount = facetFilters.length
  const plainCount = plain.length
  let total = 0
  let countedTotal = 0
  next: for (let k = start; k < stop; k++) {
    const p = order ? order[k] : k
    if (!includeRemoved && removed[p] === 1) continue
    const failedBits = facetFilterCount === 0 ? 0 : fails[p]
    // Fails two selections: in no menu (a record not noted counts nowhere, for the hiding step too).
    if ((failedBits & (failedBits - 1)) !== 0) continue
    for (let i = 0; i < plainCount; i++) {
      const id = plain[i].ids[p]
      if (id < 0 || plain[i].allowed[id] === 0) continue next
    }
    if (textMatch !== null && (textMatch.isCandidate[p] === 0 || !textMatch.verify(p))) continue
    const failed = failedBits === 0 ? 0 : 1
    const failing = failedBits === 0 ? -1 : 31 - Math.clz32(failedBits)
    if (hiding !== null && hiding.involves(p)) {
      if (failed === 0) matched[total++] = p
      hiding.note(p, failed, failed === 0 ? -1 : facetFilters[failing].facet)
      continue
    }
    if (failed === 0) {
      matched[total++] = p
      if (hiding !== null) counted[countedTotal++] = p
    } else nearMisses[failing][nearMissCounts[failing]++] = p
  }
  return { total, countedTotal }
}

/**
 * One page of trials matching the query, its total, the disjunctive facet counts (each facet counted over the
 * trials matching every other filter: values OR within a facet, AND across) and, with a window, the total without it.
 * With a window, only the window's slice of the `changed` order is scanned for the page and the facets (binary
 * search). The page is then picked in the requested order: by sorting a small matched set by rank, or walking the
 * precomputed order. `now` is the default reference time for the window.
 */
export function listTrials(
  index: TrialIndex,
  query: ListQuery,
  now: () => number = Date.now,
  extras: ListExtras = {},
): ListResult {
  const q = resolveListQuery(query, now)
  const { facetFilters, plain } = filtersOf(index, q)
  const search = parseSearchTerms(q.terms)
  const textMatch = search.length > 0 ? compileTextMatch(index, search, notesByPosition(index, extras.notes)) : null
  const count = index.entries.length
  const window = intersectWindow(q.window, extras.changedWithin)
  // A window is a slice of the `changed` order; without one, a search's candidates, or every record, in storage
  // order (sequential reads).
  const candidates = textMatch && !window ? textMatch.candidates : null
  const scanOrder = window ? index.orders.changed : candidates
  const [start, stop] = window
    ? windowRange(index, window.fromMs, window.toMs)
    : [0, candidates ? candidates.length : count]
  const { removed } = index
  const includeRemoved = q.includeRemoved
  const buffers = buffersOf(index, facetFilters.length)
  const matched = buffers.matched
  const facetFilterCount = facetFilters.length
  const plainCount = plain.length
  // One row per trial: linked records are noted during the scan and counted once every twin's outcome is known.
  const hiding = TwinHiding.forQuery(index, q.oneRowPerTrial, q.preferredRegistry)
  const counted = hiding ? buffers.counted : matched
  const nearMissCounts = new Int32Array(facetFilterCount)
  // Which selections each record fails, a column at a time (FACET_FIELDS has fewer than 16 facets).
  const { fails, nearMisses } = buffers
  for (let i = 0; i < facetFilterCount; i++) markFails(facetFilters[i], i, fails, scanOrder, start, stop, i === 0)
  const scanned = scanRecords({
    order: scanOrder,
    start,
    stop,
    removed,
    includeRemoved,
    fails,
    facetFilters,
    plain,
    textMatch,
    hiding,
    matched,
    counted,
    nearMisses,
    nearMissCounts,
  })
  let total = scanned.total
  const countedTotal = hiding === null ? total : scanned.countedTotal
  // Without filters or text, the matched records are those of the scanned slice: their counts depend on it alone.
  const unfiltered = plainCount === 0 && facetFilterCount === 0 && !textMatch && hiding === null
  const which = includeRemoved ? 'all' : 'active'
  let counter: FacetCounter
  if (unfiltered) counter = unfilteredCounter(index, window ? `${which}:${start}:${stop}` : which, matched, total)
  else {
    counter = queryCounter(index)
    counter.addAllColumns(counted, countedTotal)
    // Disjunctive faceting: a facet's menu also counts the records only its own selection leaves out.
    for (let i = 0; i < facetFilterCount; i++)
      counter.addColumn(facetFilters[i].facet, nearMisses[i], nearMissCounts[i])
  }
  // Whether a record matches every filter, ignoring the window (the window hint's all-time total).
  const matchesAll = (p: number): boolean => {
    if (!includeRemoved && removed[p] === 1) return false
    for (let i = 0; i < plainCount; i++) {
      const id = plain[i].ids[p]
      if (id < 0 || plain[i].allowed[id] === 0) return false
    }
    if (textMatch !== null && (textMatch.isCandidate[p] === 0 || !textMatch.verify(p))) return false
    for (let i = 0; i < facetFilterCount; i++) if (!passes(facetFilters[i], p)) return false
    return true
  }
  const hidden = hiding?.settle(
    counter,
    FACET_FIELDS.map((f) => index.facets[f]),
  )
  const totalBeforeHiding = total
  if (hidden && hidden.size > 0) {
    let kept = 0
    for (let i = 0; i < total; i++) if (!hidden.has(matched[i])) matched[kept++] = matched[i]
    total = kept
  }
  let totalAllTime: number | null = null
  // The window hint compares with all time; a caller's own time range (extras) is not the user's window.
  if (q.window && !extras.changedWithin) {
    if (plain.length === 0 && facetFilterCount === 0 && !textMatch)
      totalAllTime = q.includeRemoved ? count : index.activeCount
    else {
      totalAllTime = totalBeforeHiding
      const order = index.orders.changed
      for (let k = 0; k < start; k++) if (matchesAll(order[k])) totalAllTime++
      for (let k = stop; k < count; k++) if (matchesAll(order[k])) totalAllTime++
    }
    if (hiding) totalAllTime -= hiding.hiddenAllTime(matchesAll)
  }
  const page = pageOf(index, q, matched.subarray(0, total), window !== null && q.sort === 'changed', buffers.isMatched)
  const items: TrialSummary[] = Array.from(page, (p) => {
    const entry = index.entries[p]
    const shared = sharedSummaryOf(entry.listed ?? entry.trial)
    const matchedTerms = search.length > 0 ? matchedTermsOf(shared, search) : undefined
    const linkedIds = TwinHiding.linkedIdsOf(index, shared.id)
    if (matchedTerms === undefined && linkedIds === undefined) return shared
    return { ...shared, ...(matchedTerms && { matchedTerms }), ...(linkedIds && { linkedIds }) }
  })
  const { facets, unclassified } = unfiltered
    ? unfilteredFacetsOf(index, counter)
    : facetsOf(index, counter, facetFilters, q.sources)
  return { total, offset: q.offset, limit: q.limit, items, facets, totalAllTime, unclassified }
}
