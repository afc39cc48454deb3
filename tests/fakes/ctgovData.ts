/**
 * Generated ClinicalTrials.gov studies for the fake server, shaped like real v2 JSON (tests/fixtures/ctgov):
 * Korean sites under both country spellings, multinational studies with many foreign sites, site statuses,
 * dates as yyyy, yyyy-MM or yyyy-MM-dd, absent phases, CRIS numbers in secondary ids, the 99999999 enrollment
 * sentinel. Deterministic for a given seed.
 */
import { seededRandom, type Random } from './crisData'

export { seededRandom, type Random }

export type FakeStudy = Record<string, unknown> & {
  protocolSection: Record<string, Record<string, unknown>>
  derivedSection: Record<string, Record<string, unknown>>
  hasResults: boolean
}

const pick = <T>(rnd: Random, values: readonly T[]): T => values[Math.floor(rnd() * values.length)]

const CONDITIONS: ReadonlyArray<[string, string]> = [
  ['Type 2 Diabetes', 'Diabetes Mellitus, Type 2'],
  ['Non-small Cell Lung Cancer', 'Carcinoma, Non-Small-Cell Lung'],
  ['Duchenne Muscular Dystrophy', 'Muscular Dystrophy, Duchenne'],
  ['Heart Failure', 'Heart Failure'],
  ['Gastric Cancer', 'Stomach Neoplasms'],
  ['Atopic Dermatitis', 'Dermatitis, Atopic'],
  ['Hepatocellular Carcinoma', 'Carcinoma, Hepatocellular'],
]
const SPONSORS: ReadonlyArray<[string, string]> = [
  ['Samsung Medical Center', 'OTHER'],
  ['AstraZeneca', 'INDUSTRY'],
  ['Seoul National University Hospital', 'OTHER'],
  ['Hanmi Pharmaceutical Company Limited', 'INDUSTRY'],
  ['Yonsei University', 'OTHER'],
  ['ENCell', 'INDUSTRY'],
  ['Asan Medical Center', 'OTHER'],
  ['Novartis Pharmaceuticals', 'INDUSTRY'],
]
/** Korean hospitals as CT.gov registrants write them (several spellings of one hospital on purpose). */
export const KOREAN_FACILITIES: ReadonlyArray<[string, string]> = [
  ['Samsung Medical Center', 'Seoul'],
  ['Seoul National University Hospital', 'Seoul'],
  ['Asan Medical Center', 'Seoul'],
  ['Severance Hospital, Yonsei University Health System', 'Seoul'],
  ['Seoul National University Bundang Hospital', 'Seongnam'],
  ['Pusan National University Hospital', 'Busan'],
  ['Chonnam National University Hwasun Hospital', 'Hwasun'],
  ['Kyungpook National University Hospital', 'Daegu'],
  ["The Catholic University of Korea, Seoul St. Mary's Hospital", 'Seoul'],
]
const FOREIGN: ReadonlyArray<[string, string]> = [
  ['Japan', 'Tokyo'],
  ['United States', 'Boston'],
  ['Germany', 'Berlin'],
  ['Taiwan', 'Taipei'],
  ['Brazil', 'São Paulo'],
  ['China', 'Shanghai'],
]
const OVERALL = [
  'RECRUITING',
  'RECRUITING',
  'NOT_YET_RECRUITING',
  'ACTIVE_NOT_RECRUITING',
  'COMPLETED',
  'COMPLETED',
  'TERMINATED',
  'UNKNOWN',
] as const
const PHASES: ReadonlyArray<string[] | undefined> = [
  ['PHASE1'],
  ['PHASE2'],
  ['PHASE3'],
  ['PHASE2', 'PHASE3'],
  ['PHASE4'],
  ['NA'],
  undefined,
]
export const KOREA_SPELLINGS = ['South Korea', 'Korea, Republic of'] as const

export const nctIdFor = (n: number): string => `NCT${String(n).padStart(8, '0')}`

/** A date as the registry writes start/completion: yyyy, yyyy-MM or yyyy-MM-dd. */
function looseDate(rnd: Random, year: number): string {
  const month = String(1 + Math.floor(rnd() * 12)).padStart(2, '0')
  const day = String(1 + Math.floor(rnd() * 28)).padStart(2, '0')
  const form = rnd()
  return form < 0.1 ? String(year) : form < 0.5 ? `${year}-${month}` : `${year}-${month}-${day}`
}

export interface StudyOptions {
  /** Which spelling the Korean sites use (both occur in real data). */
  spelling?: (typeof KOREA_SPELLINGS)[number]
  /** No Korean site at all (the fake's filter must leave it out). */
  noKoreanSite?: boolean
  /** yyyy-MM-dd of its last update post. */
  lastUpdate?: string
  /** A CRIS number (KCT…) in secondaryIdInfos. */
  crisId?: string
}

export function generateStudy(n: number, rnd: Random, options: StudyOptions = {}): FakeStudy {
  const nctId = nctIdFor(n)
  const [condition, mesh] = pick(rnd, CONDITIONS)
  const [sponsor, sponsorClass] = pick(rnd, SPONSORS)
  const overallStatus = pick(rnd, OVERALL)
  const phases = pick(rnd, PHASES)
  const startYear = 2015 + Math.floor(rnd() * 11)
  const spelling = options.spelling ?? pick(rnd, KOREA_SPELLINGS)
  const koreanCount = options.noKoreanSite ? 0 : 1 + Math.floor(rnd() * 3)
  const foreignCount = rnd() < 0.4 ? Math.floor(rnd() * 40) : 0
  const open = overallStatus === 'RECRUITING' || overallStatus === 'NOT_YET_RECRUITING'
  const firstFacility = Math.floor(rnd() * KOREAN_FACILITIES.length)
  const locations: Array<Record<string, unknown>> = []
  for (let i = 0; i < koreanCount; i++) {
    const [facility, city] = KOREAN_FACILITIES[(firstFacility + i) % KOREAN_FACILITIES.length]
    locations.push({
      facility,
      city,
      country: spelling,
      ...(open
        ? { status: i === 0 ? overallStatus : pick(rnd, ['RECRUITING', 'COMPLETED', 'NOT_YET_RECRUITING']) }
        : {}),
      geoPoint: { lat: 37.5 + rnd(), lon: 127 + rnd() },
    })
  }
  for (let i = 0; i < foreignCount; i++) {
    const [country, city] = pick(rnd, FOREIGN)
    locations.push({ facility: `Research Site ${i + 1}`, city, country, ...(open ? { status: 'RECRUITING' } : {}) })
  }
  const lastUpdate =
    options.lastUpdate ??
    `20${20 + Math.floor(rnd() * 5)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`
  const enrollment = rnd() < 0.03 ? 99_999_999 : 20 + Math.floor(rnd() * 800)
  return {
    protocolSection: {
      identificationModule: {
        nctId,
        orgStudyIdInfo: {
          id: options.crisId && rnd() < 0.3 ? options.crisId : `${sponsor.slice(0, 3).toUpperCase()}-${n}`,
        },
        ...(options.crisId ? { secondaryIdInfos: [{ id: options.crisId, type: 'REGISTRY', domain: 'CRIS' }] } : {}),
        organization: { fullName: sponsor, class: sponsorClass },
        briefTitle: `Study ${n} of ${condition} (${sponsor})`,
        officialTitle: `A Randomized Study ${n} to Evaluate Treatment of ${condition}`,
      },
      statusModule: {
        statusVerifiedDate: lastUpdate.slice(0, 7),
        overallStatus,
        startDateStruct: { date: looseDate(rnd, startYear), type: 'ACTUAL' },
        primaryCompletionDateStruct: { date: looseDate(rnd, startYear + 2), type: 'ESTIMATED' },
        completionDateStruct: { date: looseDate(rnd, startYear + 3) },
        studyFirstSubmitDate: `${startYear}-01-10`,
        studyFirstPostDateStruct: { date: `${startYear}-01-18`, type: 'ACTUAL' },
        lastUpdateSubmitDate: lastUpdate,
        lastUpdatePostDateStruct: { date: lastUpdate, type: 'ACTUAL' },
      },
      sponsorCollaboratorsModule: { leadSponsor: { name: sponsor, class: sponsorClass } },
      descriptionModule: { briefSummary: `This study evaluates a treatment of ${condition}.` },
      conditionsModule: { conditions: [condition] },
      designModule: {
        studyType: phases ? 'INTERVENTIONAL' : 'OBSERVATIONAL',
        ...(phases ? { phases } : {}),
        enrollmentInfo: { count: enrollment, type: open ? 'ESTIMATED' : 'ACTUAL' },
      },
      armsInterventionsModule: { interventions: [{ type: 'DRUG', name: `Drug-${n % 97}` }] },
      eligibilityModule: {
        eligibilityCriteria: 'Inclusion Criteria:\n\n* adults\n\nExclusion Criteria:\n\n* pregnancy',
        sex: pick(rnd, ['ALL', 'ALL', 'MALE', 'FEMALE']),
        minimumAge: '19 Years',
        ...(rnd() < 0.5 ? { maximumAge: '75 Years' } : {}),
        healthyVolunteers: false,
        stdAges: ['ADULT'],
      },
      contactsLocationsModule: {
        centralContacts: [{ name: 'Study Contact', phone: '82-2-0000-0000' }],
        locations,
      },
    },
    derivedSection: {
      miscInfoModule: { versionHolder: lastUpdate },
      conditionBrowseModule: { meshes: [{ id: 'D000000', term: mesh }] },
    },
    hasResults: overallStatus === 'COMPLETED' && rnd() < 0.3,
  }
}
