import type { LatestChange, Phase, RecruitmentStatus, SiteRef } from './clinical'
import type { AppError } from './errors'

export * from './clinical'

export const SOURCE_IDS = ['icreat', 'cris', 'ctgov'] as const
export type SourceId = (typeof SOURCE_IDS)[number]

/** The registries a trial can be linked across (see linking/registryLinks); the list shows a linked trial as one. */
export const PREFERRED_REGISTRIES = ['cris', 'ctgov'] as const satisfies readonly SourceId[]
export type PreferredRegistry = (typeof PREFERRED_REGISTRIES)[number]

/** Sources that need no data.go.kr service key (ClinicalTrials.gov is open): they sync while a key is pending. */
export const KEYLESS_SOURCES: readonly SourceId[] = ['ctgov']
export const sourceNeedsKey = (source: SourceId): boolean => !KEYLESS_SOURCES.includes(source)

/** The record's latest change, as shown by the badge. */
export const CHANGE_KINDS = ['new', 'updated', 'removed'] as const
export type ChangeKind = (typeof CHANGE_KINDS)[number]

export type HistoryKind = 'created' | 'updated' | 'removed' | 'restored'

export interface FieldChange {
  /** The source's own column name (e.g. `진료과`, `scientific_title_kr`). */
  field: string
  from: unknown
  to: unknown
}

export interface HistoryEntry {
  at: string // ISO 8601
  kind: HistoryKind
  changes: FieldChange[]
}

/**
 * Fields every source maps its columns onto, so facets, filters, sorting, CSV and the screens work across sources.
 * Absent means the source has no such column, the value is empty, or (CRIS) the trial's details are still pending.
 */
export interface CommonFields {
  title: string
  titleEn?: string
  /** Normalised recruitment status. Absent: the source has none (iCReaT) or its details are pending (CRIS). */
  recruitment?: RecruitmentStatus
  /** Normalised phases, one entry per phase ("2상/3상" → phase2, phase3). Absent: the source states none. */
  phases?: Phase[]
  /** Who funds / sponsors the trial (CRIS primary sponsor), cleaned; may be a company. */
  sponsor?: string
  /** Where patients are recruited (CRIS research sites, iCReaT 연구책임기관), canonical hospital names. */
  sites?: SiteRef[]
  /** The responsible institution (CRIS: the PI's affiliation; iCReaT: 연구책임기관), canonical name. */
  institution?: string
  /** Diseases studied, as the source names them (CRIS hc_code_kr / hc_code_en). */
  conditions?: string[]
  /** iCReaT only (진료과). */
  department?: string
  /** The source's own phase wording (e.g. "2상/3상", "Phase 4"), for the detail; filters use `phases`. */
  phase?: string
  studyType?: string
  scope?: string
  period?: string
  targetSize?: string
  /** The source's own recruitment wording (CRIS, spacing collapsed: 모집중), for the detail; filters use `recruitment`. */
  status?: string
  registeredAt?: string // YYYY-MM-DD
  sourceUpdatedAt?: string // YYYY-MM-DD, the source's own update date
}

export const COMMON_FIELD_NAMES = [
  'title',
  'titleEn',
  'recruitment',
  'phases',
  'sponsor',
  'sites',
  'institution',
  'conditions',
  'department',
  'phase',
  'studyType',
  'scope',
  'period',
  'targetSize',
  'status',
  'registeredAt',
  'sourceUpdatedAt',
] as const satisfies readonly (keyof CommonFields)[]

/**
 * Categorical fields with value counts for the filter menus; each is also a `fields` filter name (`--field
 * site=서울대병원`). Values are normalised: recruitment → RECRUITMENT_STATUSES, phase → PHASES, site / institution →
 * canonical hospital names (a filter value in any alias spelling matches), condition → condition names (a filter
 * value matches every synonym). Counts are disjunctive: each facet's counts ignore that facet's own selection.
 */
export const FACET_FIELDS = [
  'source',
  'changeKind',
  'recruitment',
  'phase',
  'site',
  'condition',
  'sponsor',
  'institution',
  'department',
  'studyType',
  'scope',
] as const
export type FacetField = (typeof FACET_FIELDS)[number]
export interface FacetValue {
  value: string
  count: number
  /** English name of a hospital (site, institution facets) when known. */
  en?: string
  /**
   * Present when a filter value of the query selects this value: those filter values, as the query wrote them (a
   * `site=서울대병원` filter selects 서울대학교병원; unchecking it removes "서울대병원"). Statuses the recruiting-only
   * toggle lets through are not selected by a filter value and carry none.
   */
  selectedBy?: string[]
}
/** Facets that do not apply to the sources in scope (no record of those sources has a value) are absent. */
export type Facets = Partial<Record<FacetField, FacetValue[]>>

/** One row of the list. */
export interface TrialSummary extends CommonFields {
  id: string // `<source>:<sourceId>`, e.g. `icreat:C100001`
  source: SourceId
  sourceId: string
  changeKind: ChangeKind
  changedAt: string
  firstSeenAt: string
  lastSeenAt: string
  removedAt: string | null
  /** CRIS: listed, but its /detail has not been fetched yet. */
  detailsPending?: boolean
  /** The newest history entry, summarised; the core always sets it (null for a record without history). */
  latestChange?: LatestChange | null
  /**
   * With a text search: the strings (lower case, the query's terms and their condition synonyms) that occur in this
   * item's title, English title or conditions, for highlighting (compare case-insensitively).
   */
  matchedTerms?: string[]
  /**
   * The same trial in other registries (e.g. `["cris:KCT0001234"]` for a ClinicalTrials.gov study naming that CRIS
   * number), both ways, between stored active records. The row's registry badges are its own source plus these.
   */
  linkedIds?: string[]
  /** The user's own marks (user-data.json), set by the desk on every list and detail: starred, and the private note. */
  watched?: boolean
  note?: string | null
}

export interface Attribution {
  /** e.g. "출처: 질병관리청 임상연구정보서비스(CRIS), 공공누리 제2유형" */
  text: string
  licence: string
  url: string // https link opened in the system browser
}

export interface TrialDetail extends TrialSummary {
  /** The source's fields as received, under the source's own names. */
  fields: Record<string, unknown>
  history: HistoryEntry[] // newest first
  attribution: Attribution
}

/** The list's sort orders, in the order the screens and the CLI offer them. */
export const LIST_SORTS = ['changed', 'title', 'id', 'sourceUpdated'] as const
export type ListSort = (typeof LIST_SORTS)[number]

export interface ListQuery {
  /** Changed within the last N days as of `now`; `null` = all. Default 7. */
  withinDays?: number | null
  /** Reference time (ISO); default now. */
  now?: string
  /** Case-insensitive text search over the title and every text field (NFC-normalised). */
  q?: string
  sources?: SourceId[]
  kinds?: ChangeKind[]
  /**
   * Exact-value filters; `name` is a facet name (FACET_FIELDS: values normalised as described there), a common field
   * name or the source's own column name. Same name: OR; different names: AND.
   */
  fields?: Array<{ name: string; value: string }>
  /**
   * Only trials a patient can still join (recruitment in RECRUITING_NOW); AND with a recruitment selection. Like that
   * selection, it is ignored by the recruitment menu's own counts (the menu keeps showing every status).
   */
  recruitingOnly?: boolean
  includeRemoved?: boolean
  /**
   * One row per trial (default true): a trial linked across registries is listed once, as the `preferredRegistry`'s
   * record (default cris), when that record is itself in the result; totals and facets count it once. false: every
   * registry's record.
   */
  oneRowPerTrial?: boolean
  preferredRegistry?: PreferredRegistry
  sort?: ListSort
  offset?: number
  limit?: number // 1-100, default 20
}

export interface ListResult {
  total: number
  offset: number
  limit: number
  items: TrialSummary[]
  facets: Facets
  /**
   * With a time window: how many trials match the same query without the window ("최근 7일 14건 · 전체 기간 1,061건");
   * null without a window.
   */
  totalAllTime: number | null
  /**
   * Per facet whose values come from details (recruitment, site, condition, institution): trials that match every
   * other filter but cannot be classified yet because their details are pending (CRIS detail budget). Facets with
   * none are absent. With a selection in that facet these trials are not in `total`: say so.
   */
  unclassified: Partial<Record<FacetField, number>>
}

export type SyncTrigger = 'manual' | 'schedule' | 'catch-up' | 'cli'

/**
 * Every sync warning the core can raise, as a code the renderer translates (`warning.<CODE>` in the ko/en
 * dictionaries). The English `message` of each warning stays for the CLI and the log file.
 */
export const SYNC_WARNING_CODES = [
  'ICREAT_REVISION_REMEMBERED', // Swagger document unreadable: the last revision that worked was used
  'ICREAT_REVISION_DEFAULT', // Swagger document unreadable and nothing remembered: the 2022 revision was used
  'ICREAT_SHORT_LISTING', // totalCount larger than the rows received
  'ICREAT_DUPLICATE_ROWS', // rows repeating an earlier 과제번호
  'ICREAT_ROWS_WITHOUT_ID', // rows without 과제번호, skipped
  'CRIS_SHORT_LISTING', // the listing ended before the announced total
  'CRIS_DETAILS_MISSING', // listed, but /detail has nothing yet
  'CRIS_DETAILS_PENDING', // still waiting for details (detail budget)
  'LISTING_INCONSISTENT', // the listing shifted while it was read (even after a re-crawl): nothing was marked removed
] as const

export type SyncWarningCode = (typeof SYNC_WARNING_CODES)[number]

/** A warning the renderer can translate: its code and the values for the message's {placeholders}. */
export interface SyncWarning {
  code: SyncWarningCode
  values?: Record<string, string | number>
}

/**
 * One warning of a sync run: the core's English text (the CLI prints it; the renderer falls back to it) and, when the
 * warning has one, its code and values for the renderer's dictionaries.
 */
export interface SyncLogWarning extends Partial<SyncWarning> {
  message: string
}

export interface SyncLogEntry {
  id: string
  source: SourceId
  trigger?: SyncTrigger
  startedAt: string
  finishedAt: string
  ok: boolean
  fetched: number
  created: number
  updated: number
  unchanged: number
  removed: number
  restored?: number
  rejected: number
  /** CRIS: details fetched in this run, and trials still waiting for theirs. */
  detailsFetched?: number
  detailsPending?: number
  warnings: SyncLogWarning[]
  error?: AppError
}

export type SyncPhase = 'discover' | 'list' | 'details' | 'save'

export interface SyncProgress {
  source: SourceId
  phase: SyncPhase
  done: number
  total: number | null // null while unknown
}

export interface SourceStatus {
  source: SourceId
  lastSuccessAt: string | null
  lastAttemptAt: string | null
  lastError: AppError | null
  counts: { total: number; active: number; removed: number; detailsPending: number }
}

export interface StatusReport {
  storePath: string
  storeBytes: number
  sources: SourceStatus[]
  syncing: boolean
}
