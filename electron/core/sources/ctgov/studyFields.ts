/**
 * A study as stored: the JSON's own field names (one level below their modules, so history reads `overallStatus:
 * RECRUITING → COMPLETED`), values as sent. Only the Korean sites are kept one by one; the others are counted.
 */
import { KOREA_COUNTRY_NAMES } from './ctgovQuery'
import type { CtgovStudy } from './ctgovEnvelope'

type Json = Record<string, unknown>

const KOREA = new Set<string>(KOREA_COUNTRY_NAMES.map((name) => name.toLowerCase()))

function objectAt(value: unknown, ...path: string[]): Json | undefined {
  let current: unknown = value
  for (const key of path) {
    if (!current || typeof current !== 'object' || Array.isArray(current)) return undefined
    current = (current as Json)[key]
  }
  return current && typeof current === 'object' && !Array.isArray(current) ? (current as Json) : undefined
}

export function isKoreanLocation(location: unknown): boolean {
  if (!location || typeof location !== 'object') return false
  const { country, countryCode } = location as Json
  return (typeof country === 'string' && KOREA.has(country.trim().toLowerCase())) || countryCode === 'KR'
}

/** Stored names a study's JSON does not have itself. */
export const KOREAN_LOCATIONS_FIELD = 'locations'
export const OTHER_LOCATIONS_FIELD = 'locationsOutsideKorea'
export const MESH_FIELD = 'conditionMeshes'
export const ORG_STUDY_ID_FIELD = 'orgStudyId'

/** Modules whose fields are stored flat under their own names. */
const FLAT_MODULES = [
  'identificationModule',
  'statusModule',
  'descriptionModule',
  'conditionsModule',
  'designModule',
  'armsInterventionsModule',
  'eligibilityModule',
  'sponsorCollaboratorsModule',
] as const

/** identificationModule's `orgStudyIdInfo` is stored as its id; `organization` is the registrant, not shown. */
const RESHAPED = new Set(['orgStudyIdInfo', 'organization', 'locations'])

export function studyFields(study: CtgovStudy): Record<string, unknown> {
  const fields: Record<string, unknown> = {}
  const protocol = study.protocolSection as Json
  for (const module of FLAT_MODULES) {
    for (const [key, value] of Object.entries(objectAt(protocol, module) ?? {})) {
      if (!RESHAPED.has(key) && value !== undefined) fields[key] = value
    }
  }
  const orgStudyId = objectAt(protocol, 'identificationModule', 'orgStudyIdInfo')?.id
  if (typeof orgStudyId === 'string') fields[ORG_STUDY_ID_FIELD] = orgStudyId
  const locations = objectAt(protocol, 'contactsLocationsModule')?.locations
  const all = Array.isArray(locations) ? locations : []
  const korean = all.filter(isKoreanLocation)
  fields[KOREAN_LOCATIONS_FIELD] = korean
  fields[OTHER_LOCATIONS_FIELD] = all.length - korean.length
  const meshes = objectAt(study, 'derivedSection', 'conditionBrowseModule')?.meshes
  if (Array.isArray(meshes)) fields[MESH_FIELD] = meshes
  const versionHolder = objectAt(study, 'derivedSection', 'miscInfoModule')?.versionHolder
  if (versionHolder !== undefined) fields.versionHolder = versionHolder
  if (typeof study.hasResults === 'boolean') fields.hasResults = study.hasResults
  return fields
}

/** Dates, verification stamps and the version: a study re-posted without a real change keeps all else equal. */
export const CTGOV_BOOKKEEPING_FIELDS = [
  'lastUpdatePostDateStruct',
  'lastUpdateSubmitDate',
  'statusVerifiedDate',
  'versionHolder',
] as const

export function nctIdAliases(fields: Readonly<Record<string, unknown>>): string[] {
  const aliases = fields.nctIdAliases
  return Array.isArray(aliases) ? aliases.filter((a): a is string => typeof a === 'string') : []
}
