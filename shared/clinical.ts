/**
 * The clinical vocabulary every source maps onto (ClinicalTrials.gov's terms, lower case), so one filter, one pill
 * and one CSV column mean the same thing for CRIS, iCReaT and ClinicalTrials.gov. The source's own wording stays in
 * the record's `fields` (and in `phase` / `status` of the common fields).
 */

/** Recruitment status. `unknown`: the source states a status this app does not recognise, or states none. */
export const RECRUITMENT_STATUSES = [
  'not_yet_recruiting',
  'recruiting',
  'enrolling_by_invitation',
  'active_not_recruiting',
  'completed',
  'suspended',
  'terminated',
  'withdrawn',
  'unknown',
] as const
export type RecruitmentStatus = (typeof RECRUITMENT_STATUSES)[number]

/** The "Recruiting only / 모집 중만" toggle: statuses a patient can still join. */
export const RECRUITING_NOW = [
  'recruiting',
  'not_yet_recruiting',
  'enrolling_by_invitation',
] as const satisfies readonly RecruitmentStatus[]

/** Trial phases. `not_applicable`: not a phased drug trial (observational, device, case-only, 해당사항없음 …). */
export const PHASES = ['early_phase1', 'phase1', 'phase2', 'phase3', 'phase4', 'not_applicable'] as const
export type Phase = (typeof PHASES)[number]

/** A hospital (or other institution) under its canonical name, with the spelling the source used. */
export interface SiteRef {
  /** Canonical Korean name, e.g. 서울대학교병원 (the same for 서울대병원, "Seoul National University Hospital" …). */
  name: string
  /** English name when the hospital is in the curated table. */
  nameEn?: string
  /** Exactly as the source wrote it (shown on hover, kept for the referral card). */
  sourceName: string
}

/**
 * The normalised field a source column feeds: a stable key the screens translate (`common.<key>` in the ko/en
 * dictionaries). Change summaries list the most meaningful first, in this order.
 */
export const CHANGE_FIELD_KEYS = [
  'recruitment',
  'phases',
  'title',
  'sites',
  'targetSize',
  'conditions',
  'titleEn',
  'institution',
  'sponsor',
  'department',
  'studyType',
  'scope',
  'period',
  'registeredAt',
] as const
export type ChangeFieldKey = (typeof CHANGE_FIELD_KEYS)[number]

/** One changed field in a list item's change line ("모집 상태 모집중 → 모집종료"). */
export interface ChangedFieldSummary {
  /** The source's own column name, as in the history (e.g. `recruitment_status_kr`, `detail:phase_kr`, `진료과`). */
  field: string
  /** The normalised field it feeds (for translation), or null for columns only the source has. */
  key: ChangeFieldKey | null
  /** A short Korean label in the registry's terms (e.g. 모집 상태, 연구 실시기관); the column name when none is known. */
  label: string
  /** Values as the source sent them; lists of objects (sites) are given as their names joined with ", ". */
  from: unknown
  to: unknown
}

/** The newest history entry of a trial, summarised for one line under the title. Bookkeeping-only fields never appear. */
export interface LatestChange {
  at: string // ISO 8601
  kind: 'created' | 'updated' | 'removed' | 'restored'
  /** At most 3, the most meaningful first (CHANGE_FIELD_KEYS order, then the source's column order). */
  fields: ChangedFieldSummary[]
  /** How many more fields changed ("+2 항목"). */
  moreFields: number
}
