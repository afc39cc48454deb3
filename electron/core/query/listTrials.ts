import { COMMON_FIELD_NAMES, FACET_FIELDS, type Facets, type ListQuery, type ListResult, type TrialSummary } from '../../../shared/trials'
import { TrialsError } from '../errors'
import { resolveListQuery } from './listQuery'
import { matchTerms } from './textSearch'
import { fieldValues, isKnownFieldName, toSummary, type FacetDictionary, type TrialIndex } from './trialIndex'

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

/** For a facet-backed filter (source, change kind): which value ids pass. */
function allowedIds(facet: FacetDictionary, wanted: ReadonlySet<string>): Uint8Array {
  return Uint8Array.from(facet.values, (v) => (wanted.has(v) ? 1 : 0))
}

/**
 * One page of trials matching the query, with its total and the facet counts over the whole filtered set.
 * Filtering and facet counting run in storage order over the index's columns; the page is then picked from the
 * pre-sorted order. `now` is the default reference time for the window when the query does not fix one.
 */
export function listTrials(index: TrialIndex, query: ListQuery, now: () => number = Date.now): ListResult {
  const q = resolveListQuery(query, now)
  const fieldFilters: Array<{ values: Array<string | null>; wanted: Set<string> }> = []
  for (const [name, wanted] of q.fields) {
    if (!isKnownFieldName(index, name)) {
      throw new TrialsError('USAGE',
        `Unknown field "${name}". Use a common field (${COMMON_FIELD_NAMES.join(', ')}) or a column name of the registry, such as 진료과.`)
    }
    fieldFilters.push({ values: fieldValues(index, name), wanted })
  }
  const count = index.entries.length
  const { removed, changedAtMs } = index
  const sourceIds = index.facets.source.ids
  const kindIds = index.facets.changeKind.ids
  const sourceOk = q.sources ? allowedIds(index.facets.source, q.sources) : null
  const kindOk = q.kinds ? allowedIds(index.facets.changeKind, q.kinds) : null
  const textOk = q.terms.length > 0 ? matchTerms(index, q.terms) : null
  const fromMs = q.window?.fromMs ?? -Infinity
  const toMs = q.window?.toMs ?? Infinity
  const facetIds = FACET_FIELDS.map((f) => index.facets[f].ids)
  const counts = FACET_FIELDS.map((f) => new Int32Array(index.facets[f].values.length))
  const matched = new Uint8Array(count)
  let total = 0
  outer: for (let p = 0; p < count; p++) {
    if (!q.includeRemoved && removed[p] === 1) continue
    const changed = changedAtMs[p]
    if (changed < fromMs || changed > toMs) continue
    if (sourceOk && (sourceIds[p] < 0 || sourceOk[sourceIds[p]] === 0)) continue
    if (kindOk && (kindIds[p] < 0 || kindOk[kindIds[p]] === 0)) continue
    if (textOk && textOk[p] === 0) continue
    for (const filter of fieldFilters) {
      const value = filter.values[p]
      if (value === null || !filter.wanted.has(value)) continue outer
    }
    matched[p] = 1
    total++
    for (let f = 0; f < facetIds.length; f++) {
      const id = facetIds[f][p]
      if (id >= 0) counts[f][id]++
    }
  }
  const items: TrialSummary[] = []
  const end = Math.min(total, q.offset + q.limit)
  let seen = 0
  if (q.offset < end) {
    for (const p of index.orders[q.sort]) {
      if (matched[p] === 0) continue
      if (seen >= q.offset) items.push(toSummary(index.entries[p].trial))
      if (++seen >= end) break
    }
  }
  return { total, offset: q.offset, limit: q.limit, items, facets: facetsFromCounts(index, counts) }
}
