import type { FacetColumn } from './trialIndex'

/** Per value of a facet column, the positions of the records that hold it: `positions[starts[id] .. starts[id + 1])`. */
export interface FacetPostings {
  starts: Int32Array
  positions: Int32Array
}

/** Built on first use per column: an index's columns never change once built (a sync builds a new index). */
const postingsByColumn = new WeakMap<FacetColumn, FacetPostings>()

/** The postings of a facet column of `count` records (positions ascending within each value). */
export function postingsOf(column: FacetColumn, count: number): FacetPostings {
  const cached = postingsByColumn.get(column)
  if (cached) return cached
  const { ids, starts: recordStarts } = column
  const valueCount = column.values.length
  const starts = new Int32Array(valueCount + 1)
  const entries = recordStarts === null ? count : recordStarts[count]
  for (let k = 0; k < entries; k++) if (ids[k] >= 0) starts[ids[k] + 1]++
  for (let id = 0; id < valueCount; id++) starts[id + 1] += starts[id]
  const positions = new Int32Array(starts[valueCount])
  const next = starts.slice(0, valueCount)
  for (let p = 0; p < count; p++) {
    if (recordStarts === null) {
      const id = ids[p]
      if (id >= 0) positions[next[id]++] = p
    } else for (let k = recordStarts[p]; k < recordStarts[p + 1]; k++) positions[next[ids[k]]++] = p
  }
  const postings = { starts, positions }
  postingsByColumn.set(column, postings)
  return postings
}
