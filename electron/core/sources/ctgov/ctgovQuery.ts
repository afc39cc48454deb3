/**
 * The `/studies` query parameters: which studies (sites in Korea, optionally updated since a date or by id) and
 * which fields. One builder, so every page of a listing repeats identical parameters, as the API requires.
 */

/** Real records have used both spellings of the country; either one puts a study in the app. */
export const KOREA_COUNTRY_NAMES = ['South Korea', 'Korea, Republic of'] as const
export const KOREA_FILTER = `(${KOREA_COUNTRY_NAMES.map((name) => `AREA[LocationCountry]"${name}"`).join(' OR ')})`

/**
 * What the app shows and tracks (paths of the study JSON). Eligibility criteria text, contacts, outcomes and
 * results are left out: they are what makes a study heavy, and the screens do not show them.
 */
export const STUDY_FIELDS = [
  'protocolSection.identificationModule',
  'protocolSection.statusModule',
  'protocolSection.sponsorCollaboratorsModule.leadSponsor',
  'protocolSection.sponsorCollaboratorsModule.collaborators',
  'protocolSection.descriptionModule.briefSummary',
  'protocolSection.conditionsModule',
  'protocolSection.designModule.studyType',
  'protocolSection.designModule.phases',
  'protocolSection.designModule.enrollmentInfo',
  'protocolSection.armsInterventionsModule.interventions',
  'protocolSection.eligibilityModule.sex',
  'protocolSection.eligibilityModule.minimumAge',
  'protocolSection.eligibilityModule.maximumAge',
  'protocolSection.eligibilityModule.healthyVolunteers',
  'protocolSection.eligibilityModule.stdAges',
  'protocolSection.contactsLocationsModule.locations',
  'derivedSection.conditionBrowseModule.meshes',
  'derivedSection.miscInfoModule.versionHolder',
  'hasResults',
] as const

/** The ids-only listing (removals). */
export const ID_FIELDS = ['NCTId'] as const

export type StudiesSelection =
  | { kind: 'all' }
  | { kind: 'updatedSince'; date: string } // yyyy-MM-dd
  | { kind: 'ids'; nctIds: readonly string[] }

export type StudiesQuery = Record<string, string>

function advancedFilter(selection: StudiesSelection): string | undefined {
  if (selection.kind === 'all') return KOREA_FILTER
  if (selection.kind === 'updatedSince')
    return `${KOREA_FILTER} AND AREA[LastUpdatePostDate]RANGE[${selection.date},MAX]`
  return undefined
}

/** The parameters every page of one listing repeats (pageSize, pageToken and countTotal are the paging's own). */
export function studiesQuery(selection: StudiesSelection, fields: readonly string[]): StudiesQuery {
  const query: StudiesQuery = { format: 'json' }
  const advanced = advancedFilter(selection)
  if (advanced) query['filter.advanced'] = advanced
  // "If any query parameter contains only NCT IDs, filters are ignored": ids asked for directly, no Korea filter.
  if (selection.kind === 'ids') query['filter.ids'] = selection.nctIds.join(',')
  query.fields = fields.join(',')
  return query
}
