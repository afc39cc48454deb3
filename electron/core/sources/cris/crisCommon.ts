/** CRIS columns → the common fields every screen uses, and the attribution each CRIS record must show. */
import type { Attribution, CommonFields } from '../../../../shared/trials'
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
  primary_sponsor_kr: 'institution',
  phase_kr: 'phase',
  study_type_kr: 'studyType',
  recruitment_status_kr: 'status',
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

/** The list has `primary_sponsor_kr`; the detail moves it into `sponsor_items[]`. */
function institution(fields: Readonly<Record<string, unknown>>): string | undefined {
  const listed = text(fields.primary_sponsor_kr)
  if (listed) return listed
  const sponsors = fields.sponsor_items
  if (!Array.isArray(sponsors)) return undefined
  const first = sponsors[0] as Record<string, unknown> | undefined
  return first && typeof first === 'object' ? text(first.primary_sponsor_kr) : undefined
}

/**
 * CRIS writes one recruitment status several ways (모집 중 / 모집중, 대상자 모집 전 / 모집전); one spelling each keeps
 * the status filter to one entry per meaning. The stored field keeps what CRIS sent.
 */
const STATUS_SPELLINGS: Readonly<Record<string, string>> = { 대상자모집전: '모집전' }
export function crisStatus(value: unknown): string | undefined {
  const compact = text(value)?.replace(/\s+/g, '')
  return compact === undefined ? undefined : STATUS_SPELLINGS[compact] ?? compact
}

export function crisToCommon(fields: Readonly<Record<string, unknown>>): CommonFields {
  return withoutAbsent({
    title: text(fields.scientific_title_kr) ?? text(fields.scientific_title_en) ?? text(fields.trial_id) ?? '',
    titleEn: text(fields.scientific_title_en),
    institution: institution(fields),
    phase: text(fields.phase_kr),
    studyType: text(fields.study_type_kr),
    status: crisStatus(fields.recruitment_status_kr),
    targetSize: text(fields.target_size),
    registeredAt: crisDate(fields.date_registration),
    sourceUpdatedAt: crisDate(fields.date_updated),
  })
}
