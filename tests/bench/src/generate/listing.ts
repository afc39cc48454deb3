import type { SourceRow } from '../../../../electron/core/sources/source'
import type { StoredTrial } from '../../../../electron/core/store/types'
import { createRandom } from './prng'

/** The row a full sync would fetch for a stored trial: its fields as fresh objects (as if just parsed). */
export function listedRow(trial: StoredTrial): SourceRow {
  const row: SourceRow = { sourceId: trial.sourceId, fields: structuredClone(trial.fields) }
  if (trial.detailsPending !== undefined) row.detailsPending = trial.detailsPending
  return row
}

/**
 * The same listing with `share` of its rows changed (a new title; CRIS also a new `date_updated`), seeded.
 * Unchanged rows are shared with the input, so both listings fit in memory at 100,000 trials.
 */
export function withChangedRows(rows: readonly SourceRow[], share: number, seed: number): SourceRow[] {
  const random = createRandom(seed)
  return rows.map((row) => {
    if (!random.chance(share)) return row
    const fields = { ...row.fields }
    if ('trial_id' in fields) {
      fields.scientific_title_kr = `${String(fields.scientific_title_kr)} (개정)`
      fields.date_updated = '2026-09-01'
    } else fields['과제명'] = `${String(fields['과제명'])} (개정)`
    return { ...row, fields }
  })
}
