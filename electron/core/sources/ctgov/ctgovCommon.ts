/** ClinicalTrials.gov fields → the common fields every screen uses (the clinical model), and the attribution. */
import type { Attribution, CommonFields } from '../../../../shared/trials'
import { canonicalInstitution, distinctSites, siteRefOf } from '../../clinical/canonicalHospital'
import { conditionNamesOf } from '../../clinical/conditions'
import { phasesOf } from '../../clinical/phases'
import { recruitmentOf } from '../../clinical/recruitment'
import { withoutAbsent } from '../sourceValues'
import { koreanRecruitmentStatus, koreanSites } from './koreanSites'
import { MESH_FIELD } from './studyFields'

export const CTGOV_ATTRIBUTION_TEXT = '출처: ClinicalTrials.gov (U.S. National Library of Medicine)'
export const CTGOV_LICENCE = 'ClinicalTrials.gov data: public domain (U.S. NLM terms and conditions)'

export function ctgovAttribution(nctId: string): Attribution {
  return {
    text: CTGOV_ATTRIBUTION_TEXT,
    licence: CTGOV_LICENCE,
    url: `https://clinicaltrials.gov/study/${encodeURIComponent(nctId)}`,
  }
}

export const CTGOV_COLUMN_TO_COMMON = {
  briefTitle: 'title',
  officialTitle: 'titleEn',
  overallStatus: 'recruitment',
  phases: 'phases',
  leadSponsor: 'sponsor',
  locations: 'sites',
  conditions: 'conditions',
  studyType: 'studyType',
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
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined
}

/** `yyyy`, `yyyy-MM` or `yyyy-MM-dd` as sent; anything else → undefined. */
export function ctgovDate(value: unknown): string | undefined {
  const date = text(field(value, 'date'))
  return date && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(date) ? date : undefined
}

/** `["PHASE1","PHASE2"]` → `PHASE1/PHASE2` as the source wording; absent is not `NA` (a different concept). */
function phaseWording(value: unknown): string | undefined {
  if (!Array.isArray(value)) return undefined
  const phases = value.filter((p): p is string => typeof p === 'string' && p.trim() !== '')
  return phases.length > 0 ? phases.join('/') : undefined
}

function enrollment(value: unknown): string | undefined {
  const count = field(value, 'count')
  return typeof count === 'number' && Number.isFinite(count) && count !== UNKNOWN_ENROLLMENT ? String(count) : undefined
}

function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length > 0 ? list : undefined
}

/** The MeSH terms the registry derived from the conditions (searchable and filterable beside the conditions). */
function meshTerms(fields: Readonly<Record<string, unknown>>): string[] {
  const meshes = fields[MESH_FIELD]
  return Array.isArray(meshes)
    ? meshes.map((m) => text(field(m, 'term'))).filter((t): t is string => t !== undefined)
    : []
}

export function ctgovToCommon(fields: Readonly<Record<string, unknown>>): CommonFields {
  const status = koreanRecruitmentStatus(fields)
  return withoutAbsent({
    title: text(fields.briefTitle) ?? text(fields.officialTitle) ?? text(fields.nctId) ?? '',
    titleEn: text(fields.officialTitle),
    recruitment: status === undefined ? undefined : recruitmentOf(undefined, status),
    phases: nonEmpty(phasesOf(fields.phases)),
    sponsor: canonicalInstitution(text(field(fields.leadSponsor, 'name'))),
    sites: nonEmpty(distinctSites(koreanSites(fields).map((site) => siteRefOf(site.facility)))),
    conditions: nonEmpty(conditionNamesOf(fields.conditions, meshTerms(fields))),
    phase: phaseWording(fields.phases),
    studyType: text(fields.studyType),
    status,
    targetSize: enrollment(fields.enrollmentInfo),
    registeredAt: ctgovDate(fields.studyFirstPostDateStruct),
    sourceUpdatedAt: ctgovDate(fields.lastUpdatePostDateStruct),
  })
}
