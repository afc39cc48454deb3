import type { SourceRow } from '../../../../electron/core/sources/source'
import type { StoreData } from '../../../../electron/core/store/types'
import type { SourceId } from '../../../../shared/trials'
import { createRandom } from './prng'

/** What a full sync would fetch for one source: every active trial's row, as fresh objects (as if just parsed). */
export function fullListing(store: StoreData, source: SourceId): SourceRow[] {
  const rows: SourceRow[] = []
  for (const trial of store.trials) {
    if (trial.source !== source || trial.removedAt !== null) continue
    const row: SourceRow = { sourceId: trial.sourceId, fields: structuredClone(trial.fields) }
    if (trial.detailsPending !== undefined) row.detailsPending = trial.detailsPending
    rows.push(row)
  }
  return rows
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
