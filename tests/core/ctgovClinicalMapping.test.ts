/** ClinicalTrials.gov studies mapped onto the clinical model the filters and screens read (issue #11 §2). */
import { describe, expect, it } from 'vitest'
import type { CtgovStudy } from '../../electron/core/sources/ctgov/ctgovEnvelope'
import { ctgovToCommon } from '../../electron/core/sources/ctgov/ctgovCommon'
import { studyFields } from '../../electron/core/sources/ctgov/studyFields'

function study(
  overrides: { status?: string; phases?: string[]; locations?: object[]; conditions?: string[] } = {},
): CtgovStudy {
  return {
    protocolSection: {
      identificationModule: { nctId: 'NCT05000001', briefTitle: 'A study of drug X in type 2 diabetes' },
      statusModule: { overallStatus: overrides.status ?? 'RECRUITING' },
      sponsorCollaboratorsModule: { leadSponsor: { name: 'Example Pharma Co., Ltd.', class: 'INDUSTRY' } },
      conditionsModule: { conditions: overrides.conditions ?? ['Type 2 Diabetes'] },
      designModule: { studyType: 'INTERVENTIONAL', phases: overrides.phases ?? ['PHASE2', 'PHASE3'] },
      contactsLocationsModule: {
        locations: overrides.locations ?? [
          {
            facility: 'Seoul National University Hospital',
            city: 'Seoul',
            country: 'Korea, Republic of',
            status: 'RECRUITING',
          },
          { facility: 'Samsung Medical Center', city: 'Seoul', country: 'South Korea', status: 'NOT_YET_RECRUITING' },
          { facility: 'Mayo Clinic', city: 'Rochester', country: 'United States', status: 'RECRUITING' },
        ],
      },
    },
    derivedSection: { conditionBrowseModule: { meshes: [{ id: 'D003924', term: 'Diabetes Mellitus, Type 2' }] } },
  } as unknown as CtgovStudy
}

describe('ClinicalTrials.gov on the clinical model', () => {
  it('maps status, phases, sponsor, Korean sites through the hospital table, and conditions with MeSH terms', () => {
    const common = ctgovToCommon(studyFields(study()))
    expect(common.recruitment).toBe('recruiting')
    expect(common.phases).toEqual(['phase2', 'phase3'])
    expect(common.sponsor).toBe('Example Pharma Co., Ltd.')
    // English facility names land on the same canonical hospitals as the Korean registries' names; abroad is not a site.
    expect(common.sites?.map((s) => s.name)).toEqual(['서울대학교병원', '삼성서울병원'])
    expect(common.conditions).toEqual(expect.arrayContaining(['Type 2 Diabetes', 'Diabetes Mellitus, Type 2']))
    // The registry's own wording stays beside the normalised fields.
    expect(common.status).toBe('RECRUITING')
    expect(common.phase).toBe('PHASE2/PHASE3')
  })

  it('a study recruiting abroad whose Korean sites are all closed is not recruiting for a clinician in Korea', () => {
    const common = ctgovToCommon(
      studyFields(
        study({
          locations: [
            { facility: 'Asan Medical Center', country: 'Korea, Republic of', status: 'COMPLETED' },
            { facility: 'Mayo Clinic', country: 'United States', status: 'RECRUITING' },
          ],
        }),
      ),
    )
    expect(common.recruitment).toBe('completed')
  })

  it('NA is not applicable, absent phases stay absent, an unknown status is kept as unknown', () => {
    expect(ctgovToCommon(studyFields(study({ phases: ['NA'] }))).phases).toEqual(['not_applicable'])
    const bare = study()
    delete (bare.protocolSection as unknown as { designModule: { phases?: string[] } }).designModule.phases
    expect(ctgovToCommon(studyFields(bare)).phases).toBeUndefined()
    expect(ctgovToCommon(studyFields(study({ status: 'WITHHELD' }))).recruitment).toBe('unknown')
  })
})
