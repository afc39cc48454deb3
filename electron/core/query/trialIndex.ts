import { COMMON_FIELD_NAMES, FACET_FIELDS, type FacetField, type TrialSummary } from '../../../shared/trials'
import { canonicalText } from '../normalize/canonicalValue'
import type { StoredTrial } from '../store/types'

export interface IndexedTrial {
  trial: StoredTrial
  /** Position in `entries` and in the columnar arrays. */
  position: number
}

export interface FacetDictionary {
  values: string[]
  /** Value id per entry position (-1 = no value). */
  ids: Int32Array
}

export type SortOrderName = 'changed' | 'title' | 'id' | 'sourceUpdated'

/**
 * Per-record data pre-computed once per load or sync, laid out in columns (typed arrays) so a list query over
 * 100,000 trials is one cache-friendly pass.
 */
export interface TrialIndex {
  entries: IndexedTrial[]
  /** 1 when the record is removed. */
  removed: Uint8Array
  changedAtMs: Float64Array
  /**
   * Every record's NFC lower-cased search text (title and every text field, fields separated by U+0001), records
   * separated by U+0000, so a text search is a few `indexOf` scans over one string. Record i starts at searchStarts[i].
   */
  searchBlob: string
  searchStarts: Int32Array
  byId: Map<string, IndexedTrial>
  /** Entry positions in each sort order. */
  orders: Record<SortOrderName, Int32Array>
  facets: Record<FacetField, FacetDictionary>
  /** Every source column name seen in the store (for validating `--field NAME=…`). */
  fieldNames: Set<string>
  /** Lazily built: canonical text of one field (common or column name) per entry position. */
  fieldValueCache: Map<string, Array<string | null>>
}

function collectText(value: unknown, out: string[]): void {
  if (value === null || value === undefined) return
  if (typeof value === 'string' || typeof value === 'number') out.push(String(value))
  else if (Array.isArray(value)) for (const item of value) collectText(item, out)
  else if (typeof value === 'object') for (const item of Object.values(value)) collectText(item, out)
}

export function searchTextOf(trial: StoredTrial): string {
  const parts: string[] = [trial.sourceId]
  collectText(trial.common, parts)
  collectText(trial.fields, parts)
  return parts.join('\u0001').normalize('NFC').toLowerCase().replace(/\u0000/g, ' ')
}

function facetValueOf(trial: StoredTrial, field: FacetField): string | null {
  if (field === 'source') return trial.source
  if (field === 'changeKind') return trial.changeKind
  return canonicalText(trial.common[field])
}

function buildFacet(entries: IndexedTrial[], field: FacetField): FacetDictionary {
  const values: string[] = []
  const idOf = new Map<string, number>()
  const ids = new Int32Array(entries.length)
  entries.forEach((entry, i) => {
    const value = facetValueOf(entry.trial, field)
    if (value === null) { ids[i] = -1; return }
    let id = idOf.get(value)
    if (id === undefined) { id = values.length; values.push(value); idOf.set(value, id) }
    ids[i] = id
  })
  return { values, ids }
}

function timeOf(iso: string | undefined): number {
  const ms = iso ? Date.parse(iso) : NaN
  return Number.isNaN(ms) ? -Infinity : ms
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

function buildOrders(entries: IndexedTrial[], changedAtMs: Float64Array): Record<SortOrderName, Int32Array> {
  const positions = () => Array.from(entries.keys())
  const idCmp = (a: number, b: number) => byString(entries[a].trial.id, entries[b].trial.id)
  const changedCmp = (a: number, b: number) => changedAtMs[b] - changedAtMs[a] || idCmp(a, b)
  const collator = new Intl.Collator('ko', { sensitivity: 'base', numeric: true })
  const titles = entries.map((e) => e.trial.common.title ?? '')
  const updated = entries.map((e) => timeOf(e.trial.common.sourceUpdatedAt))
  return {
    changed: Int32Array.from(positions().sort(changedCmp)),
    id: Int32Array.from(positions().sort(idCmp)),
    title: Int32Array.from(positions().sort((a, b) => collator.compare(titles[a], titles[b]) || idCmp(a, b))),
    sourceUpdated: Int32Array.from(positions().sort((a, b) => {
      const d = updated[b] - updated[a]
      return (Number.isNaN(d) ? 0 : d) || changedCmp(a, b)
    })),
  }
}

/** Builds the in-memory index over every stored trial (all sources, removed ones included). */
export function createTrialIndex(trials: readonly StoredTrial[]): TrialIndex {
  const entries: IndexedTrial[] = trials.map((trial, position) => ({ trial, position }))
  const removed = Uint8Array.from(trials, (t) => (t.removedAt === null ? 0 : 1))
  const changedAtMs = Float64Array.from(trials, (t) => timeOf(t.changedAt))
  const searchStarts = new Int32Array(trials.length + 1)
  const texts: string[] = []
  let offset = 0
  trials.forEach((trial, i) => {
    const text = searchTextOf(trial)
    searchStarts[i] = offset
    texts.push(text)
    offset += text.length + 1
  })
  searchStarts[trials.length] = offset
  const byId = new Map(entries.map((e) => [e.trial.id, e]))
  const fieldNames = new Set<string>()
  for (const { trial } of entries) for (const key of Object.keys(trial.fields)) fieldNames.add(key)
  const facets = Object.fromEntries(FACET_FIELDS.map((f) => [f, buildFacet(entries, f)])) as Record<FacetField, FacetDictionary>
  return {
    entries, removed, changedAtMs, searchBlob: texts.join('\u0000'), searchStarts, byId, orders: buildOrders(entries, changedAtMs),
    facets, fieldNames, fieldValueCache: new Map(),
  }
}

const COMMON_NAMES: ReadonlySet<string> = new Set(COMMON_FIELD_NAMES)

export function isKnownFieldName(index: TrialIndex, name: string): boolean {
  return COMMON_NAMES.has(name) || index.fieldNames.has(name)
}

/** Canonical values of a field by common name and/or source column name, per entry (common name wins). */
export function fieldValues(index: TrialIndex, name: string): Array<string | null> {
  let values = index.fieldValueCache.get(name)
  if (!values) {
    const isCommon = COMMON_NAMES.has(name)
    values = index.entries.map(({ trial }) => {
      const common = isCommon ? canonicalText(trial.common[name as keyof typeof trial.common]) : null
      return common ?? canonicalText(trial.fields[name])
    })
    index.fieldValueCache.set(name, values)
  }
  return values
}

export function toSummary(trial: StoredTrial): TrialSummary {
  return {
    ...trial.common,
    id: trial.id, source: trial.source, sourceId: trial.sourceId, changeKind: trial.changeKind,
    changedAt: trial.changedAt, firstSeenAt: trial.firstSeenAt, lastSeenAt: trial.lastSeenAt, removedAt: trial.removedAt,
    ...(trial.detailsPending ? { detailsPending: true } : {}),
  }
}
