import type { FacetField } from '../../../shared/trials'
import { englishHospitalName } from '../clinical/canonicalHospital'
import { canonicalText } from '../normalize/canonicalValue'
import type { StoredTrial } from '../store/types'
import { DETAIL_FACETS, facetValueOf, MULTI_VALUE_FACETS } from './facetValues'
import type { FacetColumn, ValueDictionary } from './trialIndex'

const HOSPITAL_FACETS: ReadonlySet<FacetField> = new Set(['site', 'institution', 'sponsor'])

/** Builds a dictionary, canonicalising each distinct raw value once (facet values repeat thousands of times). */
export function buildDictionary(count: number, rawValueAt: (position: number) => unknown): ValueDictionary {
  const values: string[] = []
  const idOfCanonical = new Map<string, number>()
  const idOfRaw = new Map<unknown, number>()
  const ids = new Int32Array(count)
  for (let p = 0; p < count; p++) {
    const raw = rawValueAt(p)
    let id = typeof raw === 'object' ? undefined : idOfRaw.get(raw)
    if (id === undefined) {
      const value = canonicalText(raw)
      if (value === null) id = -1
      else {
        id = idOfCanonical.get(value)
        if (id === undefined) {
          id = values.length
          values.push(value)
          idOfCanonical.set(value, id)
        }
      }
      if (typeof raw !== 'object') idOfRaw.set(raw, id)
    }
    ids[p] = id
  }
  return { values, ids }
}

/** A column's value ids, growing as new values are met. */
class ValueIds {
  private readonly idOf: Map<string, number>
  constructor(readonly values: string[]) {
    this.idOf = new Map(values.map((value, id) => [value, id]))
  }
  /** The id of a canonical value, or -1 when the raw value has none. */
  idOfRaw(raw: unknown): number {
    const value = canonicalText(raw)
    if (value === null) return -1
    let id = this.idOf.get(value)
    if (id === undefined) {
      id = this.values.length
      this.values.push(value)
      this.idOf.set(value, id)
    }
    return id
  }
}

/** Appends to `out` the distinct value ids of one record's multi-value facet. */
function pushDistinctIds(raw: unknown, values: ValueIds, out: number[]): void {
  if (!Array.isArray(raw)) return
  const first = out.length
  for (const item of raw) {
    const id = values.idOfRaw(item)
    if (id === -1) continue
    let repeated = false
    for (let k = first; k < out.length; k++) if (out[k] === id) repeated = true
    if (!repeated) out.push(id)
  }
}

/** A multi-value facet column: each record's distinct canonical values. */
function buildMultiColumn(
  trials: readonly StoredTrial[],
  field: FacetField,
): Pick<FacetColumn, 'values' | 'ids' | 'starts'> {
  const values = new ValueIds([])
  const starts = new Int32Array(trials.length + 1)
  const ids: number[] = []
  for (let p = 0; p < trials.length; p++) {
    starts[p] = ids.length
    pushDistinctIds(facetValueOf(trials[p], field), values, ids)
  }
  starts[trials.length] = ids.length
  return { values: values.values, ids: Int32Array.from(ids), starts }
}

/** Sources with at least one record that has a value in the column or is waiting for details (see FacetColumn). */
function sourcesOf(
  column: Pick<FacetColumn, 'ids' | 'starts'>,
  trials: readonly StoredTrial[],
  pending: Uint8Array,
  field: FacetField,
): Set<string> {
  const sources = new Set<string>()
  const waitsForDetails = DETAIL_FACETS.has(field)
  for (let p = 0; p < trials.length; p++) {
    const has = column.starts ? column.starts[p + 1] > column.starts[p] : column.ids[p] >= 0
    if (has || (waitsForDetails && pending[p] === 1)) sources.add(trials[p].source)
  }
  return sources
}

export function buildFacetColumn(trials: readonly StoredTrial[], pending: Uint8Array, field: FacetField): FacetColumn {
  const column = MULTI_VALUE_FACETS.has(field)
    ? buildMultiColumn(trials, field)
    : { ...buildDictionary(trials.length, (p) => facetValueOf(trials[p], field)), starts: null }
  const valuesEn = HOSPITAL_FACETS.has(field) ? column.values.map(englishHospitalName) : []
  return { ...column, valuesEn, sources: sourcesOf(column, trials, pending, field) }
}

/**
 * The column after a sync that changed the records at `changed` (ascending; positions at or past the previous
 * column's count are new records) and left every other record where it was: the others' value ids are copied (a
 * run of unchanged records at a time for multi-value facets), only the changed records' values are read. A value no
 * record has any longer stays in the dictionary (menus list only values with a count).
 */
export function updateFacetColumn(
  previous: FacetColumn,
  trials: readonly StoredTrial[],
  pending: Uint8Array,
  field: FacetField,
  changed: Int32Array,
): FacetColumn {
  const count = trials.length
  const values = new ValueIds(previous.values.slice())
  let column: Pick<FacetColumn, 'ids' | 'starts'>
  if (!previous.starts) {
    const ids = new Int32Array(count)
    ids.set(previous.ids.subarray(0, Math.min(previous.ids.length, count)))
    for (const p of changed) ids[p] = values.idOfRaw(facetValueOf(trials[p], field))
    column = { ids, starts: null }
  } else {
    const before = previous.starts
    const beforeCount = before.length - 1
    const starts = new Int32Array(count + 1)
    const parts: Array<Int32Array | number[]> = []
    let total = 0
    let p = 0
    // Unchanged runs keep their ids (copied as one slice) and their starts, shifted by what changed before them.
    const copyRun = (end: number) => {
      if (p >= end) return
      const shift = total - before[p]
      for (let q = p; q < end; q++) starts[q] = before[q] + shift
      parts.push(previous.ids.subarray(before[p], before[end]))
      total += before[end] - before[p]
      p = end
    }
    for (const c of changed) {
      copyRun(Math.min(c, beforeCount))
      const own: number[] = []
      pushDistinctIds(facetValueOf(trials[c], field), values, own)
      starts[c] = total
      parts.push(own)
      total += own.length
      p = c + 1
    }
    copyRun(Math.min(count, beforeCount))
    starts[count] = total
    const ids = new Int32Array(total)
    let at = 0
    for (const part of parts) {
      ids.set(part, at)
      at += part.length
    }
    column = { ids, starts }
  }
  const valuesEn = HOSPITAL_FACETS.has(field)
    ? values.values.map((value, id) =>
        id < previous.values.length ? previous.valuesEn[id] : englishHospitalName(value),
      )
    : []
  return { ...column, values: values.values, valuesEn, sources: sourcesOf(column, trials, pending, field) }
}
