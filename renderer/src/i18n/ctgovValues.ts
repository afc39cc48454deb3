/**
 * ClinicalTrials.gov writes its coded values as enum names (INTERVENTIONAL, PHASE2, RANDOMIZED, DOUBLE, …; the API's
 * `/studies/enums`). A reader sees them in words in the reader's language; the enum name stays on hover (and as
 * stored: history, CSV and filters keep it). Recruitment statuses are the `ctgov.status.*` messages; the other
 * enums are here. A value not listed is shown as the registry wrote it.
 */
import type { Language } from '../../../shared/settings'
import { isMessageKey, type Translate } from './translate'

/** Enum name → [Korean, English]. */
const LABELS: Readonly<Record<string, readonly [string, string]>> = {
  // Phases and study types
  NA: ['해당 없음', 'Not applicable'],
  EARLY_PHASE1: ['초기 1상', 'Early phase 1'],
  PHASE1: ['1상', 'Phase 1'],
  PHASE2: ['2상', 'Phase 2'],
  PHASE3: ['3상', 'Phase 3'],
  PHASE4: ['4상', 'Phase 4'],
  INTERVENTIONAL: ['중재연구', 'Interventional'],
  OBSERVATIONAL: ['관찰연구', 'Observational'],
  EXPANDED_ACCESS: ['확대 접근(치료 목적 사용)', 'Expanded access'],
  // Design
  RANDOMIZED: ['무작위 배정', 'Randomized'],
  NON_RANDOMIZED: ['비무작위 배정', 'Non-randomized'],
  SINGLE_GROUP: ['단일군', 'Single group'],
  PARALLEL: ['평행 설계', 'Parallel'],
  CROSSOVER: ['교차 설계', 'Crossover'],
  FACTORIAL: ['요인 설계', 'Factorial'],
  SEQUENTIAL: ['순차 설계', 'Sequential'],
  TREATMENT: ['치료', 'Treatment'],
  PREVENTION: ['예방', 'Prevention'],
  DIAGNOSTIC: ['진단', 'Diagnostic'],
  SUPPORTIVE_CARE: ['지지 요법', 'Supportive care'],
  SCREENING: ['선별 검사', 'Screening'],
  HEALTH_SERVICES_RESEARCH: ['보건의료 서비스 연구', 'Health services research'],
  BASIC_SCIENCE: ['기초 연구', 'Basic science'],
  DEVICE_FEASIBILITY: ['의료기기 타당성', 'Device feasibility'],
  NONE: ['눈가림 없음(공개)', 'None (open label)'],
  SINGLE: ['단일 눈가림', 'Single blind'],
  DOUBLE: ['이중 눈가림', 'Double blind'],
  TRIPLE: ['삼중 눈가림', 'Triple blind'],
  QUADRUPLE: ['사중 눈가림', 'Quadruple blind'],
  PARTICIPANT: ['참여자', 'Participant'],
  CARE_PROVIDER: ['의료 제공자', 'Care provider'],
  INVESTIGATOR: ['연구자', 'Investigator'],
  OUTCOMES_ASSESSOR: ['결과 평가자', 'Outcomes assessor'],
  COHORT: ['코호트', 'Cohort'],
  CASE_CONTROL: ['환자-대조군', 'Case-control'],
  CASE_ONLY: ['환자군 단독', 'Case-only'],
  CASE_CROSSOVER: ['환자 교차', 'Case-crossover'],
  ECOLOGIC_OR_COMMUNITY: ['생태학적·지역사회', 'Ecologic or community'],
  FAMILY_BASED: ['가족 기반', 'Family-based'],
  DEFINED_POPULATION: ['정의된 집단', 'Defined population'],
  NATURAL_HISTORY: ['자연사', 'Natural history'],
  RETROSPECTIVE: ['후향적', 'Retrospective'],
  PROSPECTIVE: ['전향적', 'Prospective'],
  CROSS_SECTIONAL: ['단면', 'Cross-sectional'],
  // Arms and interventions
  EXPERIMENTAL: ['시험군', 'Experimental'],
  ACTIVE_COMPARATOR: ['활성 대조군', 'Active comparator'],
  PLACEBO_COMPARATOR: ['위약 대조군', 'Placebo comparator'],
  SHAM_COMPARATOR: ['가짜 처치 대조군', 'Sham comparator'],
  NO_INTERVENTION: ['무중재군', 'No intervention'],
  DRUG: ['약물', 'Drug'],
  DEVICE: ['의료기기', 'Device'],
  BIOLOGICAL: ['생물학적 제제', 'Biological'],
  PROCEDURE: ['시술', 'Procedure'],
  RADIATION: ['방사선', 'Radiation'],
  BEHAVIORAL: ['행동 중재', 'Behavioral'],
  GENETIC: ['유전', 'Genetic'],
  DIETARY_SUPPLEMENT: ['식이 보충제', 'Dietary supplement'],
  COMBINATION_PRODUCT: ['복합 제품', 'Combination product'],
  DIAGNOSTIC_TEST: ['진단 검사', 'Diagnostic test'],
  OTHER: ['기타', 'Other'],
  // Eligibility
  ALL: ['전체', 'All'],
  FEMALE: ['여성', 'Female'],
  MALE: ['남성', 'Male'],
  CHILD: ['소아', 'Child'],
  ADULT: ['성인', 'Adult'],
  OLDER_ADULT: ['고령자', 'Older adult'],
  // Dates, enrolment and sponsors
  ACTUAL: ['실제', 'Actual'],
  ESTIMATED: ['예상', 'Estimated'],
  INDUSTRY: ['산업체', 'Industry'],
  FED: ['미국 연방기관', 'U.S. federal agency'],
  OTHER_GOV: ['기타 정부기관', 'Other government'],
  INDIV: ['개인', 'Individual'],
  NETWORK: ['연구 네트워크', 'Network'],
}

/** A ClinicalTrials.gov enum value in the reader's words, or null when it is not one the app knows. */
export function ctgovValueLabel(value: string, language: Language, t: Translate): string | null {
  const status = `ctgov.status.${value}`
  if (isMessageKey(status)) return t(status)
  const label = LABELS[value]
  return label ? label[language === 'ko' ? 0 : 1] : null
}
