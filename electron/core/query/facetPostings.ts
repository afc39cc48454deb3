import type { FacetColumn } from './trialIndex'

/** Per value of a facet column, the records that hold it: `positions[starts[id] .. starts[id + 1])`, ascending. */
export interface FacetPostings {
  starts: Int32Array
  positions: Int32Array
}

/** Built on first use per column: an index's columns never change once built (a sync builds a new index). */
const postingsByColumn = new WeakMap<FacetColumn, FacetPostings>()

/** The postings of a multi-value facet column (see FacetColumn: record p holds `ids[starts[p] .. starts[p + 1])`). */
export function postingsOf(column: FacetColumn & { starts: Int32Array }): FacetPostings {
  const cached = postingsByColumn.get(column)
  if (cached) return cached
  const { ids, starts: recordStarts } = column
  const count = recordStarts.length - 1
  const valueCount = column.values.length
  const starts = new Int32Array(valueCount + 1)
  for (let k = 0; k < recordStarts[count]; k++) starts[ids[k] + 1]++
  for (let id = 0; id < valueCount; id++) starts[id + 1] += starts[id]
  const positions = new Int32Array(starts[valueCount])
  const next = starts.slice(0, valueCount)
  for (let p = 0; p < count; p++)
    for (let k = recordStarts[p]; k < recordStarts[p + 1]; k++) positions[next[ids[k]]++] = p
  const postings = { starts, positions }
  postingsByColumn.set(column, postings)
  return postings
}
