/** ClinicalTrials.gov fields → the common fields every screen uses, and the attribution each study shows. */
import type { Attribution, CommonFields } from '../../../../shared/trials'
import { withoutAbsent } from '../sourceValues'
import { koreanRecruitmentStatus } from './koreanSites'

export const CTGOV_ATTRIBUTION_TEXT = '출처: ClinicalTrials.gov (U.S. National Library of Medicine)'
export const CTGOV_LICENCE = 'ClinicalTrials.gov data: public domain (U.S. NLM terms and conditions)'

export function ctgovAttribution(nctId: string): Attribution {
  return { text: CTGOV_ATTRIBUTION_TEXT, licence: CTGOV_LICENCE, url: `https://clinicaltrials.gov/study/${encodeURIComponent(nctId)}` }
}

export const CTGOV_COLUMN_TO_COMMON = {
  briefTitle: 'title',
  officialTitle: 'titleEn',
  leadSponsor: 'institution',
  phases: 'phase',
  studyType: 'studyType',
  overallStatus: 'status',
  enrollmentInfo: 'targetSize',
  studyFirstPostDateStruct: 'registeredAt',
  lastUpdatePostDateStruct: 'sourceUpdatedAt',
} as const satisfies Record<string, keyof CommonFields>

/** 99999999 is the registry's "unknown count". */
const UNKNOWN_ENROLLMENT = 99_999_999

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const line = value.replace(/\s+/g, ' ').trim()
  return line === '' ? undefined : line
}

function field(value: unknown, key: string): unknown {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined
}

/** `yyyy`, `yyyy-MM` or `yyyy-MM-dd` as sent; anything else → undefined. */
export function ctgovDate(value: unknown): string | undefined {
  const date = text(field(value, 'date'))
  return date && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(date) ? date : undefined
}

/** `["PHASE1","PHASE2"]` → `PHASE1/PHASE2`; absent is not `NA` (a different concept), so it stays absent. */
function phase(value: unknown): string | undefined {
  if (!Array.isArray(value)) return undefined
  const phases = value.filter((p): p is string => typeof p === 'string' && p.trim() !== '')
  return phases.length > 0 ? phases.join('/') : undefined
}

function enrollment(value: unknown): string | undefined {
  const count = field(value, 'count')
  return typeof count === 'number' && Number.isFinite(count) && count !== UNKNOWN_ENROLLMENT ? String(count) : undefined
}

export function ctgovToCommon(fields: Readonly<Record<string, unknown>>): CommonFields {
  return withoutAbsent({
    title: text(fields.briefTitle) ?? text(fields.officialTitle) ?? text(fields.nctId) ?? '',
    titleEn: text(fields.officialTitle),
    institution: text(field(fields.leadSponsor, 'name')),
    phase: phase(fields.phases),
    studyType: text(fields.studyType),
    status: koreanRecruitmentStatus(fields),
    targetSize: enrollment(fields.enrollmentInfo),
    registeredAt: ctgovDate(fields.studyFirstPostDateStruct),
    sourceUpdatedAt: ctgovDate(fields.lastUpdatePostDateStruct),
  })
}
