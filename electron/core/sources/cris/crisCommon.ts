/** CRIS columns → the common fields every screen uses, and the attribution each CRIS record must show. */
import type { Attribution, CommonFields } from '../../../../shared/trials'
import { canonicalInstitution, distinctSites, siteRefOf } from '../../clinical/canonicalHospital'
import { conditionNamesOf } from '../../clinical/conditions'
import { phasesOf } from '../../clinical/phases'
import { recruitmentOf } from '../../clinical/recruitment'
import { DETAIL_PREFIX } from './mergeRecord'
import { withoutAbsent } from '../sourceValues'

export const CRIS_ATTRIBUTION_TEXT = '출처: 질병관리청 임상연구정보서비스(CRIS), 공공누리 제2유형'
export const CRIS_LICENCE = '공공누리 제2유형 (KOGL Type 2: attribution, non-commercial)'

/** CRIS has no public permalink by KCT number; the WHO ICTRP copy is the stable public page. */
export function crisAttribution(trialId: string): Attribution {
  return {
    text: CRIS_ATTRIBUTION_TEXT,
    licence: CRIS_LICENCE,
    url: `https://trialsearch.who.int/Trial2.aspx?TrialID=${encodeURIComponent(trialId)}`,
  }
}

export const CRIS_COLUMN_TO_COMMON = {
  scientific_title_kr: 'title',
  scientific_title_en: 'titleEn',
  recruitment_status_kr: 'recruitment',
  recruitment_status_en: 'recruitment',
  phase_kr: 'phases',
  phase_en: 'phases',
  primary_sponsor_kr: 'sponsor',
  sponsor_items: 'sponsor',
  research_items: 'sites',
  affiliation_kr: 'institution',
  affiliation_en: 'institution',
  hc_code_kr: 'conditions',
  hc_code_en: 'conditions',
  study_type_kr: 'studyType',
  target_size: 'targetSize',
  date_registration: 'registeredAt',
  date_updated: 'sourceUpdatedAt',
} as const satisfies Record<string, keyof CommonFields>

/** Titles carry raw line breaks and double spaces; one line reads better in lists. */
function text(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value !== 'string') return undefined
  const line = value.replace(/\s+/g, ' ').trim()
  return line === '' ? undefined : line
}

/** `2011/07/18` (detail) and `2011-07-18` (list) → `2011-07-18`; anything else (e.g. "기타") → undefined. */
export function crisDate(value: unknown): string | undefined {
  const match = typeof value === 'string' ? /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(value) : null
  if (!match) return undefined
  return `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`
}

const items = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null) : []

/** The primary sponsor (who funds/sponsors): the list has `primary_sponsor_kr`, the detail `sponsor_items[]`. */
function sponsor(fields: Readonly<Record<string, unknown>>): string | undefined {
  const listed = text(fields.primary_sponsor_kr)
  const first = items(fields.sponsor_items)[0]
  return canonicalInstitution(listed ?? (first && (text(first.primary_sponsor_kr) ?? text(first.primary_sponsor_en))))
}

/** Where patients are recruited: the detail's research sites, Korean name first. */
function sites(fields: Readonly<Record<string, unknown>>) {
  const refs = items(fields.research_items).map((site) => siteRefOf(text(site.site_name_kr) ?? text(site.site_name_en)))
  const list = distinctSites(refs)
  return list.length > 0 ? list : undefined
}

/** A detail value, under its own name or (when the list uses that name too) as `detail:<name>`. */
const detailValue = (fields: Readonly<Record<string, unknown>>, name: string): unknown =>
  fields[name] ?? fields[`${DETAIL_PREFIX}${name}`]

/** Only /detail carries the recruitment status: without it the trial is not classified yet (undefined). */
function recruitment(fields: Readonly<Record<string, unknown>>) {
  const hasStatus = 'recruitment_status_kr' in fields || 'recruitment_status_en' in fields
  return hasStatus ? recruitmentOf(fields.recruitment_status_kr, fields.recruitment_status_en) : undefined
}

function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length > 0 ? list : undefined
}

/**
 * CRIS writes one recruitment status several ways (모집 중 / 모집중, 대상자 모집 전 / 모집전); one spelling each keeps
 * the status filter to one entry per meaning. The stored field keeps what CRIS sent.
 */
const STATUS_SPELLINGS: Readonly<Record<string, string>> = { 대상자모집전: '모집전' }
export function crisStatus(value: unknown): string | undefined {
  const compact = text(value)?.replace(/\s+/g, '')
  return compact === undefined ? undefined : (STATUS_SPELLINGS[compact] ?? compact)
}

export function crisToCommon(fields: Readonly<Record<string, unknown>>): CommonFields {
  return withoutAbsent({
    title: text(fields.scientific_title_kr) ?? text(fields.scientific_title_en) ?? text(fields.trial_id) ?? '',
    titleEn: text(fields.scientific_title_en),
    recruitment: recruitment(fields),
    phases: nonEmpty(phasesOf(text(fields.phase_kr) ?? text(fields.phase_en) ?? text(detailValue(fields, 'phase_kr')))),
    sponsor: sponsor(fields),
    sites: sites(fields),
    institution: canonicalInstitution(text(fields.affiliation_kr) ?? text(fields.affiliation_en)),
    conditions: nonEmpty(conditionNamesOf(fields.hc_code_kr, fields.hc_code_en)),
    phase: text(fields.phase_kr),
    studyType: text(fields.study_type_kr),
    status: crisStatus(fields.recruitment_status_kr),
    targetSize: text(fields.target_size),
    registeredAt: crisDate(fields.date_registration),
    sourceUpdatedAt: crisDate(fields.date_updated),
  })
}
