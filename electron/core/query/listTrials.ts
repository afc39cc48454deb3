import { COMMON_FIELD_NAMES, FACET_FIELDS, type Facets, type ListQuery, type ListResult, type TrialSummary } from '../../../shared/trials'
import { TrialsError } from '../errors'
import { resolveListQuery } from './listQuery'
import { fieldValues, isKnownFieldName, toSummary, type TrialIndex } from './trialIndex'

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

/**
 * One page of trials matching the query, with its total and the facet counts over the whole filtered set.
 * `now` is the default reference time for the window when the query does not fix one.
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
  const facetIds = FACET_FIELDS.map((f) => index.facets[f].ids)
  const counts = FACET_FIELDS.map((f) => new Int32Array(index.facets[f].values.length))
  const items: TrialSummary[] = []
  const end = q.offset + q.limit
  let total = 0
  for (const position of index.orders[q.sort]) {
    const entry = index.entries[position]
    const trial = entry.trial
    if (!q.includeRemoved && trial.removedAt !== null) continue
    if (q.window && (entry.changedAtMs < q.window.fromMs || entry.changedAtMs > q.window.toMs)) continue
    if (q.sources && !q.sources.has(trial.source)) continue
    if (q.kinds && !q.kinds.has(trial.changeKind)) continue
    let matches = true
    for (const filter of fieldFilters) {
      const value = filter.values[position]
      if (value === null || !filter.wanted.has(value)) { matches = false; break }
    }
    if (!matches) continue
    for (const term of q.terms) if (!entry.searchText.includes(term)) { matches = false; break }
    if (!matches) continue
    if (total >= q.offset && total < end) items.push(toSummary(trial))
    total++
    for (let f = 0; f < facetIds.length; f++) {
      const id = facetIds[f][position]
      if (id >= 0) counts[f][id]++
    }
  }
  return { total, offset: q.offset, limit: q.limit, items, facets: facetsFromCounts(index, counts) }
}
