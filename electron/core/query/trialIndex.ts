import {
  COMMON_FIELD_NAMES,
  FACET_FIELDS,
  type CommonFields,
  type FacetField,
  type TrialSummary,
} from '../../../shared/trials'
import { latestChangeOf } from '../clinical/changeSummary'
import type { StoredTrial } from '../store/types'
import { deepFreeze } from './deepFreeze'
import { buildDictionary, buildFacetColumn } from './facetColumns'
import { buildIndexText } from './indexText'
import { heldText, type SearchTextColumn, type SearchTextHolder } from './searchTextColumn'
import { buildSortOrders, timeOf, type SortOrders } from './sortOrders'

export interface IndexedTrial {
  trial: StoredTrial
  /**
   * The record without its source fields, where that is cheaper to get than the whole record (a record on disk:
   * a list row needs neither its fields nor most of its bytes parsed).
   */
  readonly listed?: ListedTrial
  /** Position in `entries` and in the columnar arrays. */
  position: number
}

/** Distinct canonical values of one field, and each record's value id (-1 = no value). */
export interface ValueDictionary {
  values: string[]
  ids: Int32Array
}

/**
 * A facet's values per record. Single-value facets: `ids[p]` (-1 = none), `starts` null. Multi-value facets
 * (phases, sites, conditions): record p has `ids[starts[p] .. starts[p + 1])`.
 */
export interface FacetColumn {
  values: string[]
  ids: Int32Array
  starts: Int32Array | null
  /** English name per value id, where known (hospital facets). */
  valuesEn: (string | undefined)[]
  /** Sources with at least one record that has a value here or is waiting for details: the facet applies to them. */
  sources: Set<string>
}

/**
 * Per-record data pre-computed once per load or sync, laid out in columns (typed arrays), so a list query over
 * 100,000 trials touches a few small arrays and never the records themselves (except the page it returns).
 */
export interface TrialIndex extends SortOrders {
  entries: IndexedTrial[]
  /** 1 when the record is removed. */
  removed: Uint8Array
  changedAtMs: Float64Array
  /** Per record: its search text (see recordSearchText.ts) as UTF-8 outside the JS heap, and its feature bits. */
  text: SearchTextHolder
  byId: Map<string, IndexedTrial>
  /** 1 when the record's details are pending (CRIS). */
  pending: Uint8Array
  /** Records not removed (the window hint without filters). */
  activeCount: number
  facets: Record<FacetField, FacetColumn>
  /**
   * Every source column name seen in the store (for validating `--field NAME=…`). Built on the first such filter:
   * walking every key of every record costs ~150 ms at 100,000 trials, on each load and sync, for a rare query.
   */
  fieldNames: Set<string> | null
  /** Lazily built per field name (common or column name) for exact-value filters. */
  fieldValueCache: Map<string, ValueDictionary>
}

/**
 * Builds the in-memory index over every stored trial (all sources, removed ones included). With the `previous`
 * index (after a sync), records whose fields and common fields are the same objects as before (the diff keeps
 * them for unchanged rows) reuse their search text and signature instead of recomputing them.
 */
/** How an index reaches its records: by position and by id. */
export type EntriesOf = Pick<TrialIndex, 'entries' | 'byId'>

/** Entries holding the records themselves (parsed, in memory). */
export function entriesOf(trials: readonly StoredTrial[]): EntriesOf {
  const entries: IndexedTrial[] = trials.map((trial, position) => ({ trial, position }))
  return { entries, byId: new Map(entries.map((e) => [e.trial.id, e])) }
}

/** `searchText`: the records' search text column when already written (records read as stubs, see recordStub.ts). */
export function createTrialIndex(
  trials: readonly StoredTrial[],
  previous?: TrialIndex,
  searchText?: SearchTextColumn,
): TrialIndex {
  const count = trials.length
  const removed = Uint8Array.from(trials, (t) => (t.removedAt === null ? 0 : 1))
  const changedAtMs = Float64Array.from(trials, (t) => timeOf(t.changedAt))
  const pending = Uint8Array.from(trials, (t) => (t.detailsPending === true ? 1 : 0))
  let activeCount = 0
  for (let p = 0; p < count; p++) if (removed[p] === 0) activeCount++
  const facets = Object.fromEntries(FACET_FIELDS.map((f) => [f, buildFacetColumn(trials, pending, f)]))
  return {
    ...entriesOf(trials),
    removed,
    changedAtMs,
    text: heldText(searchText ?? buildIndexText(trials, previous)),
    pending,
    activeCount,
    ...buildSortOrders(trials, changedAtMs),
    facets: facets as Record<FacetField, FacetColumn>,
    fieldNames: null,
    fieldValueCache: new Map(),
  }
}

const COMMON_NAMES: ReadonlySet<string> = new Set(COMMON_FIELD_NAMES)

export function isKnownFieldName(index: TrialIndex, name: string): boolean {
  if (COMMON_NAMES.has(name)) return true
  if (!index.fieldNames) {
    const names = new Set<string>()
    for (const { trial } of index.entries) for (const key in trial.fields) names.add(key)
    index.fieldNames = names
  }
  return index.fieldNames.has(name)
}

/** Canonical values of a field by common name and/or source column name, per entry (common name wins). */
export function fieldDictionary(index: TrialIndex, name: string): ValueDictionary {
  let dictionary = index.fieldValueCache.get(name)
  if (!dictionary) {
    const isCommon = COMMON_NAMES.has(name)
    const { entries } = index
    dictionary = buildDictionary(entries.length, (p) => {
      const { trial } = entries[p]
      const common = isCommon ? trial.common[name as keyof typeof trial.common] : undefined
      // Sources' toCommon never stores empty or blank strings, so "present" is enough here.
      return common !== undefined && common !== '' ? common : trial.fields[name]
    })
    index.fieldValueCache.set(name, dictionary)
  }
  return dictionary
}

/** COMMON_FIELD_NAMES names every common field: toSummary copies exactly those. */
type UnlistedCommonField = Exclude<keyof CommonFields, (typeof COMMON_FIELD_NAMES)[number]>
const everyCommonFieldListed: [UnlistedCommonField] extends [never] ? true : UnlistedCommonField = true
void everyCommonFieldListed

/** What a list row is made of: the record without its source fields. */
export type ListedTrial = Omit<StoredTrial, 'fields'>

/**
 * A list row. Built from one fixed literal and then the common fields the record has, in COMMON_FIELD_NAMES order
 * (absent ones stay absent): spreading the record's `common` made a differently shaped object per record, which cost
 * ~3 µs a row in V8's generic path against ~0.7 µs this way.
 */
export function toSummary(trial: ListedTrial): TrialSummary {
  const summary: TrialSummary = {
    id: trial.id,
    source: trial.source,
    sourceId: trial.sourceId,
    title: trial.common.title,
    changeKind: trial.changeKind,
    changedAt: trial.changedAt,
    firstSeenAt: trial.firstSeenAt,
    lastSeenAt: trial.lastSeenAt,
    removedAt: trial.removedAt,
  }
  const common = trial.common as unknown as Record<string, unknown>
  const target = summary as unknown as Record<string, unknown>
  for (const name of COMMON_FIELD_NAMES) {
    const value = common[name]
    if (value !== undefined) target[name] = value
  }
  if (trial.detailsPending) summary.detailsPending = true
  summary.latestChange = latestChangeOf(trial.source, trial.history)
  return summary
}

/**
 * Per record object: its list item, built once and shared (frozen, with its latest change; an item with more to say —
 * matched terms, linked registries — is a copy). Rows are reused between queries (see RecordFile.listedAt), so the
 * same first page costs lookups, not rebuilding.
 */
const sharedSummaries = new WeakMap<ListedTrial, TrialSummary>()

export function sharedSummaryOf(trial: ListedTrial): TrialSummary {
  let summary = sharedSummaries.get(trial)
  if (summary === undefined) {
    summary = toSummary(trial)
    deepFreeze(summary.latestChange)
    sharedSummaries.set(trial, Object.freeze(summary))
  }
  return summary
}
