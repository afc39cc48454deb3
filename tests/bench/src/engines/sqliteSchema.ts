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
  institution TEXT, department TEXT, phase TEXT, study_type TEXT, scope TEXT, status TEXT, recruitment TEXT, sponsor TEXT,
  details_pending INTEGER NOT NULL DEFAULT 0,
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
CREATE INDEX trials_by_recruitment ON trials (recruitment);
CREATE INDEX trials_by_sponsor ON trials (sponsor);
CREATE TABLE trial_values (trial_rowid INTEGER NOT NULL, facet TEXT NOT NULL, value TEXT NOT NULL);
CREATE INDEX trial_values_by_value ON trial_values (facet, value, trial_rowid);
CREATE INDEX trial_values_by_trial ON trial_values (trial_rowid, facet);
CREATE VIRTUAL TABLE trials_fts USING fts5 (search_text, content = 'trials', content_rowid = 'rowid', tokenize = 'trigram');
`

/** Single-value facet field → column; the multi-value facets (phases, sites, conditions) live in trial_values. */
export const FACET_COLUMNS: Readonly<Partial<Record<FacetField, string>>> = {
  source: 'source',
  changeKind: 'change_kind',
  recruitment: 'recruitment',
  institution: 'institution',
  sponsor: 'sponsor',
  department: 'department',
  studyType: 'study_type',
  scope: 'scope',
}
export const MULTI_VALUE_FACETS: readonly FacetField[] = ['phase', 'site', 'condition']
/** Facets whose values come from CRIS details: they apply where details are pending too (as in the core). */
export const DETAIL_FACETS: readonly FacetField[] = ['recruitment', 'site', 'condition', 'institution']

/** Common field names the workload filters on → column (facet names first: FACET_COLUMNS). */
export const FILTER_COLUMNS: Readonly<Record<string, string>> = {
  ...(FACET_COLUMNS as Record<string, string>),
  status: 'status',
  phaseText: 'phase',
}

export const ORDER_BY: Readonly<Record<ListSort, string>> = {
  changed: 'changed_at_ms DESC, id',
  title: 'title, id',
  id: 'id',
  sourceUpdated: 'changed_at_ms DESC, id',
}
