/**
 * Detail columns the real CRIS fills and the generated fake leaves out (sites, conditions, eligibility, contact),
 * added to a running fake's trials for the clinician's e2e scenario. Chosen by position, so runs are repeatable; kept
 * out of the shared generator, whose 12,500-trial syncs other tests time.
 */
import type { FakeCris } from '../../fakes/crisServer'

const SITES: ReadonlyArray<Array<[string, string]>> = [
  [['서울대학교병원', 'Seoul National University Hospital']],
  [
    ['연세대학교 세브란스병원', 'Severance Hospital'],
    ['삼성서울병원', 'Samsung Medical Center'],
  ],
  [['재단법인 아산사회복지재단 서울아산병원', 'Asan Medical Center']],
  [
    ['고려대학교 안암병원', 'Korea University Anam Hospital'],
    ['서울대병원', ''],
  ],
  [['분당서울대학교병원', 'Seoul National University Bundang Hospital']],
  [['국립암센터', 'National Cancer Center']],
]
const CONDITIONS: ReadonlyArray<[string, string]> = [
  ['당뇨병', 'Diabetes mellitus'],
  ['폐암', 'Lung cancer'],
  ['고혈압', 'Hypertension'],
  ['유방암', 'Breast cancer'],
  ['치매', 'Dementia'],
  ['', ''],
]
const AGE_RANGES: ReadonlyArray<[string, string]> = [
  ['19 세 ~ 80 세', '19 Year ~ 80 Year'],
  ['65 세 ~ 100 세', '65 Year ~ 100 Year'],
  ['19 세 ~ 50 세', '19 Year ~ 50 Year'],
]
const GENDERS: ReadonlyArray<[string, string]> = [
  ['남녀 모두', 'Both'],
  ['여성', 'Female'],
  ['남성', 'Male'],
]
const CONTACTS: ReadonlyArray<[string, string]> = [
  ['한수미', 'Su Mi Han'],
  ['이정민', 'Jeongmin Lee'],
  ['최유진', 'Yujin Choi'],
]

export function addClinicalDetails(cris: FakeCris): void {
  cris.trialIds().forEach((id, i) => {
    const sites = SITES[i % SITES.length]
    const [conditionKr, conditionEn] = CONDITIONS[i % CONDITIONS.length]
    const [ageKr, ageEn] = AGE_RANGES[i % AGE_RANGES.length]
    const [genderKr, genderEn] = GENDERS[i % GENDERS.length]
    const [nameKr, nameEn] = CONTACTS[i % CONTACTS.length]
    Object.assign(cris.trial(id)!.detailOnly, {
      research_items: sites.map(([kr, en]) => ({ site_name_kr: kr, site_name_en: en })),
      hc_code_kr: conditionKr,
      hc_code_en: conditionEn,
      target_age_range_kr: ageKr,
      target_age_range_en: ageEn,
      target_gender_kr: genderKr,
      target_gender_en: genderEn,
      public_name_kr: nameKr,
      public_name_en: nameEn,
      public_affiliation_kr: sites[0][0],
      telephone: `02-2072-${String(1000 + i).slice(-4)}`,
    })
  })
}
