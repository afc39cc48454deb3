import Database from 'better-sqlite3'
import { rmSync } from 'node:fs'
import { searchTextOf } from '../../../../electron/core/query/recordSearchText'
import { facetValueOf } from '../../../../electron/core/query/facetValues'
import { toSummary } from '../../../../electron/core/query/trialIndex'
import type { StoreData, StoredTrial } from '../../../../electron/core/store/types'
import { MULTI_VALUE_FACETS, SCHEMA_SQL } from './sqliteSchema'

export const UPSERT_SQL = `
INSERT INTO trials (id, source, source_id, title, institution, department, phase, study_type, scope, status,
  recruitment, sponsor, details_pending, change_kind, changed_at_ms, removed, summary_json, fields_json, history_json,
  search_text)
VALUES (@id, @source, @source_id, @title, @institution, @department, @phase, @study_type, @scope, @status,
  @recruitment, @sponsor, @details_pending, @change_kind, @changed_at_ms, @removed, @summary_json, @fields_json,
  @history_json, @search_text)
ON CONFLICT (id) DO UPDATE SET title = excluded.title, institution = excluded.institution,
  department = excluded.department, phase = excluded.phase, study_type = excluded.study_type, scope = excluded.scope,
  status = excluded.status, recruitment = excluded.recruitment, sponsor = excluded.sponsor,
  details_pending = excluded.details_pending, change_kind = excluded.change_kind, changed_at_ms = excluded.changed_at_ms,
  removed = excluded.removed, summary_json = excluded.summary_json, fields_json = excluded.fields_json,
  history_json = excluded.history_json`

/** One trial as a row; the search text is the core's own (same fields, NFC, lower-cased). */
export function toRow(trial: StoredTrial): Record<string, unknown> {
  const c = trial.common
  return {
    id: trial.id,
    source: trial.source,
    source_id: trial.sourceId,
    title: c.title,
    institution: c.institution ?? null,
    department: c.department ?? null,
    phase: c.phase ?? null,
    study_type: c.studyType ?? null,
    scope: c.scope ?? null,
    status: c.status ?? null,
    recruitment: c.recruitment ?? null,
    sponsor: c.sponsor ?? null,
    details_pending: trial.detailsPending ? 1 : 0,
    change_kind: trial.changeKind,
    changed_at_ms: Date.parse(trial.changedAt),
    removed: trial.removedAt === null ? 0 : 1,
    summary_json: JSON.stringify(toSummary(trial)),
    fields_json: JSON.stringify(trial.fields),
    history_json: JSON.stringify(trial.history),
    search_text: searchTextOf(trial),
  }
}

/** Builds the baseline database from a store (not timed: the bench only measures using it). */
export function buildSqliteDatabase(store: StoreData, dbPath: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true })
  const db = new Database(dbPath)
  db.exec(SCHEMA_SQL)
  const insert = db.prepare(UPSERT_SQL)
  const insertValue = db.prepare('INSERT INTO trial_values (trial_rowid, facet, value) VALUES (?, ?, ?)')
  db.transaction(() => {
    for (const trial of store.trials) {
      const { lastInsertRowid } = insert.run(toRow(trial))
      // The same normalised values the core's index counts (phases, canonical site names, conditions).
      for (const facet of MULTI_VALUE_FACETS) {
        const values = facetValueOf(trial, facet)
        if (Array.isArray(values))
          for (const value of new Set(values as string[])) insertValue.run(lastInsertRowid, facet, value)
      }
    }
  })()
  db.exec(`INSERT INTO trials_fts (trials_fts) VALUES ('rebuild'); ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);`)
  db.close()
}
