/**
 * Generated CRIS trials for the fake server, shaped like the real captures in tests/fixtures/cris
 * (list dates YYYY-MM-DD vs detail YYYY/MM/DD, titles with line breaks and double spaces, empty and missing fields).
 * Deterministic for a given seed; cheap enough to build 12,500 trials in a few milliseconds.
 */

/** Small fast deterministic PRNG (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export type Random = () => number
const pick = <T>(rnd: Random, values: readonly T[]): T => values[Math.floor(rnd() * values.length)]

const TITLE_KR_PARTS = [
  '제2형 당뇨병 환자에서',
  '건강한 성인 지원자를 대상으로',
  '진행성 편평상피세포폐암 환자에서',
  '무릎 인공관절 전치환술 환자의',
  '메트포르민과 우르소데옥시콜산의',
  '면역 항암\r\n화학요법의',
  '복합 균형 운동 프로그램이',
  '간헐적 실시간 연속혈당측정의',
  '코로나19 후유증 치료를 위한',
  '소아 천식 환자에서',
  '만성 요통 환자를 대상으로 한',
  '유방암 수술 후',
]
const TITLE_KR_ENDS = [
  '유효성 및 안전성 평가',
  '무작위배정, 이중눈가림, 위약대조 임상시험',
  '다기관 관찰연구',
  '약동학적 특성 평가를 위한 비교 연구',
  '효과:  예비연구',
  '제2상\n연구',
]
const TITLE_EN_PARTS = [
  'Efficacy of intermittent use of',
  'A randomized, double-blind study of',
  'Effects of Combined Balance Exercise on',
  'Safety and pharmacokinetics of',
  'An observational cohort of',
  'Randomized phase II study of\r\n',
]
const TITLE_EN_ENDS = [
  'Real-Time Continuous Glucose Monitoring',
  'metformin in patients with  squamous cell lung carcinoma',
  'Physical Function and Gait',
  'a single oral dose in healthy male volunteers',
  'children with asthma',
]
const SPONSORS = [
  '중앙대학교 광명병원',
  '삼육대학교',
  '국립암센터',
  '강북삼성병원',
  '재단법인아산사회복지재단 서울아산병원',
  '전북대학교병원',
  '서울대학교병원',
  '(주)종근당',
  '세브란스병원',
  '분당서울대학교병원',
]
const FUNDERS = ['보건복지부', '(주)아이센스', '국립암센터', '(주)종근당', '한국연구재단', '동화약품(주)']
const STUDY_TYPES = ['중재연구', '관찰연구'] as const
const PHASES = ['해당사항없음', '해당사항없음', '해당사항없음', '1상', '2상', '3상', '4상', '초기1상'] as const
const INTERVENTION_TYPES = ['의약품', '기타', '의료기구행동요인', '의료기기', '행동요인']
const STATUSES: ReadonlyArray<[string, string]> = [
  // Both spellings occur in the real registry.
  ['모집중', 'Recruiting'],
  ['모집 중', 'Recruiting'],
  ['모집전', 'Not yet recruiting'],
  ['대상자 모집 전', 'Not yet recruiting'],
  ['모집종료', 'Active, not recruiting'],
  ['연구종결', 'Completed'],
  ['연구중단', 'Suspended'],
  ['연구철회', 'Withdrawn'],
]
const OUTCOMES = [
  '6개월 무진행 생존율',
  'HbA1c 변화량',
  '신체기능검사',
  '최고 혈중농도: Cmax',
  '기저 시점 대비 12–14주 시점의 목표 범위 내 시간 비율의 변화',
]

/** One generated trial: what /list shows and what only /detail shows. */
export interface FakeCrisTrial {
  /** The list item (15 keys, some missing), list-style dates. */
  list: Record<string, string>
  /** Fields only /detail carries (status, target_size, people, …). */
  detailOnly: Record<string, unknown>
}

export function trialIdFor(n: number): string {
  return `KCT${String(n).padStart(7, '0')}`
}

function isoDate(rnd: Random, fromYear: number, toYear: number): string {
  const y = fromYear + Math.floor(rnd() * (toYear - fromYear + 1))
  const m = 1 + Math.floor(rnd() * 12)
  const d = 1 + Math.floor(rnd() * 28)
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

export function generateTrial(n: number, rnd: Random): FakeCrisTrial {
  const list: Record<string, string> = {
    trial_id: trialIdFor(n),
    scientific_title_kr: `${pick(rnd, TITLE_KR_PARTS)} ${pick(rnd, TITLE_KR_ENDS)} ${n}`,
    scientific_title_en: rnd() < 0.05 ? '' : `${pick(rnd, TITLE_EN_PARTS)} ${pick(rnd, TITLE_EN_ENDS)} ${n}`,
    date_registration: isoDate(rnd, 2010, 2026),
    // Real data: date_updated can be earlier than date_registration.
    date_updated: isoDate(rnd, 2012, 2026),
    date_enrolment: rnd() < 0.05 ? '' : isoDate(rnd, 2010, 2026),
    type_enrolment_kr: rnd() < 0.8 ? '실제등록' : '예정',
    results_date_completed: isoDate(rnd, 2011, 2030),
    results_type_date_completed_kr: pick(rnd, ['예정', '실제등록', '']),
    study_type_kr: pick(rnd, STUDY_TYPES),
    i_freetext_kr: pick(rnd, INTERVENTION_TYPES),
    source_name_kr: pick(rnd, FUNDERS),
    primary_sponsor_kr: pick(rnd, SPONSORS),
    primary_outcome_1_kr: pick(rnd, OUTCOMES),
  }
  // phase_kr: about 80% set, 10% empty, 10% missing (as in a real 200-item sample).
  const phaseDraw = rnd()
  if (phaseDraw < 0.8) list.phase_kr = pick(rnd, PHASES)
  else if (phaseDraw < 0.9) list.phase_kr = ''
  if (rnd() < 0.03) delete list.source_name_kr
  const [statusKr, statusEn] = pick(rnd, STATUSES)
  const detailOnly: Record<string, unknown> = {
    recruitment_status_kr: statusKr,
    recruitment_status_en: statusEn,
    target_size: 10 + Math.floor(rnd() * 990),
    public_title_kr: `${list.scientific_title_kr.replace(/\s+/g, ' ')} (일반인용)`,
    public_title_en: '',
    scientific_name_kr: pick(rnd, ['김민걸', '한수미', '이영희', '박철수']),
    affiliation_kr: list.primary_sponsor_kr,
    group_number: String(Math.floor(rnd() * 4)),
    telephone: '',
    irb_date: isoDate(rnd, 2010, 2026),
    irb_number: `IRB ${n}`,
    i_freetext_kr: `1군 : 시험약 ${n}mg, 1회, 경구투여\r\n2군 : 위약, 1회, 경구투여`,
    i_freetext_en: `Group 1 : test drug ${n}mg\r\nGroup 2 : placebo`,
    study_summary_kr: rnd() < 0.1 ? '' : `연구 요약 ${n}`,
    arm_items: [],
  }
  return { list, detailOnly }
}

/** The /detail body for a trial: flat record next to resultCode, detail-style dates, sponsors in arrays. */
export function detailBody(trial: FakeCrisTrial): Record<string, unknown> {
  const { list, detailOnly } = trial
  const { primary_sponsor_kr, source_name_kr, primary_outcome_1_kr, i_freetext_kr: interventionType, ...rest } = list
  return {
    resultCode: '00',
    resultMsg: 'NORMAL_SERVICE',
    ...rest,
    phase_kr: list.phase_kr ?? '',
    date_registration: list.date_registration.replaceAll('-', '/'),
    date_updated: list.date_updated.replaceAll('-', '/'),
    i_freetext_type_kr: interventionType,
    sponsor_items: [{ primary_sponsor_kr, primary_sponsor_en: '' }],
    funding_items: source_name_kr === undefined ? [] : [{ source_name_kr, source_name_en: '' }],
    outcome_items: [{ primary_outcome_kr: primary_outcome_1_kr, primary_outcome_en: '' }],
    ...detailOnly,
  }
}
