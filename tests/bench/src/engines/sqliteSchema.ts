import type { FacetField, ListSort } from '../../../../shared/trials'

/** Columns the baseline filters, sorts and groups on; everything else is kept as JSON text. */
export const SCHEMA_SQL = `
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
CREATE TABLE trials (
  id TEXT PRIMARY KEY,
  source TEXT NOT NULL,
  source_id TEXT NOT NULL,
  title TEXT NOT NULL,
  institution TEXT, department TEXT, phase TEXT, study_type TEXT, scope TEXT, status TEXT,
  change_kind TEXT NOT NULL,
  changed_at_ms INTEGER NOT NULL,
  removed INTEGER NOT NULL,
  summary_json TEXT NOT NULL,
  fields_json TEXT NOT NULL,
  history_json TEXT NOT NULL,
  search_text TEXT NOT NULL
);
CREATE INDEX trials_by_changed ON trials (removed, changed_at_ms DESC, id);
CREATE INDEX trials_by_title ON trials (removed, title, id);
CREATE INDEX trials_by_source_id ON trials (source, source_id);
CREATE INDEX trials_by_institution ON trials (institution, study_type, title);
CREATE INDEX trials_by_study_type ON trials (study_type);
CREATE INDEX trials_by_department ON trials (department);
CREATE INDEX trials_by_phase ON trials (phase);
CREATE INDEX trials_by_scope ON trials (scope);
CREATE INDEX trials_by_status ON trials (status);
CREATE INDEX trials_by_change_kind ON trials (change_kind);
CREATE VIRTUAL TABLE trials_fts USING fts5 (search_text, content = 'trials', content_rowid = 'rowid', tokenize = 'trigram');
`

/** Facet field → column. */
export const FACET_COLUMNS: Readonly<Record<FacetField, string>> = {
  source: 'source',
  changeKind: 'change_kind',
  scope: 'scope',
  studyType: 'study_type',
  institution: 'institution',
  phase: 'phase',
  department: 'department',
  status: 'status',
}

/** Common field names the workload filters on → column. */
export const FILTER_COLUMNS: Readonly<Record<string, string>> = {
  institution: 'institution',
  studyType: 'study_type',
  department: 'department',
  phase: 'phase',
  scope: 'scope',
  status: 'status',
}

export const ORDER_BY: Readonly<Record<ListSort, string>> = {
  changed: 'changed_at_ms DESC, id',
  title: 'title, id',
  id: 'id',
  sourceUpdated: 'changed_at_ms DESC, id',
}
