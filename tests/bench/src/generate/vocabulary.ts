/**
 * Value pools for synthetic trials, taken from the real fixtures (tests/fixtures) and the observed CRIS
 * vocabularies (open-apis.md §2.4). Order matters where a Zipf pick is used: first = most frequent.
 */

/** Korean and English names of the same institution, most frequent first (a few dozen, then a long tail). */
export const INSTITUTIONS: ReadonlyArray<readonly [string, string]> = [
  ['세브란스병원', 'Severance Hospital'], ['서울아산병원', 'Asan Medical Center'],
  ['서울대학교병원', 'Seoul National University Hospital'], ['삼성서울병원', 'Samsung Medical Center'],
  ['분당서울대학교병원', 'Seoul National University Bundang Hospital'],
  ['가톨릭대 서울성모병원', "Seoul St. Mary's Hospital"], ['국립암센터', 'National Cancer Center'],
  ['고려대학교 안암병원', 'Korea University Anam Hospital'], ['경희대학교병원', 'Kyung Hee University Hospital'],
  ['아주대학교병원', 'Ajou University Hospital'], ['전남대학교병원', 'Chonnam National University Hospital'],
  ['경북대학교병원', 'Kyungpook National University Hospital'], ['한양대학교병원', 'Hanyang University Hospital'],
  ['이대목동병원', 'Ewha Womans University Mokdong Hospital'], ['인하대학교병원', 'Inha University Hospital'],
  ['고려대구로병원', 'Korea University Guro Hospital'], ['전북대학교병원', 'Jeonbuk National University Hospital'],
  ['충남대학교병원', 'Chungnam National University Hospital'], ['부산대학교병원', 'Pusan National University Hospital'],
  ['강남세브란스병원', 'Gangnam Severance Hospital'], ['중앙대학교병원', 'Chung-Ang University Hospital'],
  ['건국대학교병원', 'Konkuk University Medical Center'], ['영남대학교병원', 'Yeungnam University Medical Center'],
  ['경희대학교한방병원', 'Kyung Hee University Korean Medicine Hospital'],
  ['한림대학교성심병원', 'Hallym University Sacred Heart Hospital'], ['분당차병원', 'CHA Bundang Medical Center'],
  ['가톨릭대 여의도성모병원', "Yeouido St. Mary's Hospital"], ['인제대 서울백병원', 'Inje University Seoul Paik Hospital'],
  ['고려대학교 안산병원', 'Korea University Ansan Hospital'], ['가톨릭대 인천성모병원', "Incheon St. Mary's Hospital"],
  ['춘천성심병원', 'Chuncheon Sacred Heart Hospital'], ['제일병원', 'Cheil General Hospital'],
  ['한국한의학연구원', 'Korea Institute of Oriental Medicine'], ['대한고혈압학회', 'Korean Society of Hypertension'],
  ['성균관대 약학대학', 'Sungkyunkwan University School of Pharmacy'],
  ['가톨릭관동대 국제성모병원', "International St. Mary's Hospital"],
  ['한양대학교 류마티스병원', 'Hanyang University Hospital for Rheumatic Diseases'],
  ['가톨릭대 의정부성모병원', "Uijeongbu St. Mary's Hospital"], ['(주)종근당', 'Chong Kun Dang'],
  ['동화약품(주)', 'Dongwha Pharmaceutical'], ['한미약품(주)', 'Hanmi Pharmaceutical'], ['(주)유한양행', 'Yuhan Corporation'],
  ['대웅제약', 'Daewoong Pharmaceutical'], ['녹십자', 'GC Biopharma'], ['보건복지부', 'Ministry of Health and Welfare'],
  ['질병관리청', 'Korea Disease Control and Prevention Agency'], ['한국보건산업진흥원', 'KHIDI'],
  ['원광대학교병원', 'Wonkwang University Hospital'], ['조선대학교병원', 'Chosun University Hospital'],
  ['계명대학교 동산병원', 'Keimyung University Dongsan Hospital'], ['울산대학교병원', 'Ulsan University Hospital'],
  ['제주대학교병원', 'Jeju National University Hospital'], ['강원대학교병원', 'Kangwon National University Hospital'],
  ['충북대학교병원', 'Chungbuk National University Hospital'], ['단국대학교병원', 'Dankook University Hospital'],
  ['순천향대학교 서울병원', 'Soonchunhyang University Seoul Hospital'], ['을지대학교병원', 'Eulji University Hospital'],
  ['동아대학교병원', 'Dong-A University Hospital'], ['인제대 해운대백병원', 'Inje University Haeundae Paik Hospital'],
  ['국민건강보험 일산병원', 'NHIS Ilsan Hospital'], ['보라매병원', 'SMG-SNU Boramae Medical Center'],
  ['서울특별시 서북병원', 'Seoul Seobuk Hospital'], ['한국원자력의학원', 'Korea Institute of Radiological and Medical Sciences'],
]

/** icreat 진료과 (English, as the dataset spells them). */
export const DEPARTMENTS = [
  'Cardiology', 'Psychiatry', 'Gastroenterology', 'Others', 'Neurology', 'Nephrology', 'Rheumatology', 'Gynecology',
  'Rehabilitation Medicine', 'Allergy', 'Pulmonology', 'Endocrinology', 'Infectious disease', 'Pediatrics',
  'Cancer Center', 'Family Medicine', 'Surgery', 'Hematology', 'Neurosurgery', 'Dermatology', 'Otorhinolaryngology',
  'Nuclear Medicine', 'Thoracic Surgery', 'Orthopedic surgery', 'Ophthalmology',
] as const

export const ICREAT_PHASES: ReadonlyArray<readonly [string, number]> = [
  ['코호트', 68], ['Phase 4', 17], ['', 16], ['Case-only', 15], ['Other', 9], ['Phase 3', 5], ['Phase 2', 5],
  ['Case-control', 4], ['Cross-sectional', 4], ['Phase 1', 2],
]
export const ICREAT_STUDY_TYPES: ReadonlyArray<readonly [string, number]> = [['관찰연구', 100], ['중재연구', 29], ['기타', 16]]
export const ICREAT_SCOPES: ReadonlyArray<readonly [string, number]> = [['국내다기관', 114], ['단일기관', 31]]

/** CRIS phase_kr: 해당사항없음 160, "" 19, key missing 21 of 200; the rest spread over the phases. */
export const CRIS_PHASES: ReadonlyArray<readonly [string | undefined, number]> = [
  ['해당사항없음', 150], ['', 19], [undefined, 21], ['3상', 12], ['2상', 10], ['1상', 8], ['4상', 6], ['초기1상', 2],
  ['2상/3상', 3], ['1상/2상', 3],
]
export const CRIS_STUDY_TYPES: ReadonlyArray<readonly [string, string, number]> = [
  ['중재연구', 'Interventional Study', 55], ['관찰연구', 'Observational Study', 45],
]
export const CRIS_STATUSES: ReadonlyArray<readonly [string, string, number]> = [
  ['모집중', 'Recruiting', 22], ['모집전', 'Not yet recruiting', 8], ['모집종료', 'Recruitment completed', 20],
  ['연구종결', 'Completed', 40], ['연구중단', 'Terminated', 3], ['모집중지', 'Suspended', 2], ['연구철회', 'Withdrawn', 2],
  ['초청등록', 'Enrolling by invitation', 3],
]
export const CRIS_INTERVENTION_TYPES: ReadonlyArray<readonly [string, string, number]> = [
  ['의약품', 'Drug', 40], ['의료기기', 'Device', 15], ['시술/수술', 'Procedure/Surgery', 10], ['행동', 'Behavioral', 15],
  ['건강기능식품', 'Dietary Supplement', 8], ['기타', 'Others', 12],
]

/** Conditions (Korean, English): the subject of a title. Zipf-picked. */
export const CONDITIONS: ReadonlyArray<readonly [string, string]> = [
  ['제2형 당뇨병', 'type 2 diabetes mellitus'], ['비소세포폐암', 'non-small cell lung cancer'], ['고혈압', 'hypertension'],
  ['급성심근경색', 'acute myocardial infarction'], ['위암', 'gastric cancer'], ['유방암', 'breast cancer'],
  ['주요우울장애', 'major depressive disorder'], ['만성 신장질환', 'chronic kidney disease'], ['간세포암', 'hepatocellular carcinoma'],
  ['대장암', 'colorectal cancer'], ['류마티스 관절염', 'rheumatoid arthritis'], ['천식', 'asthma'], ['뇌졸중', 'stroke'],
  ['알츠하이머병', "Alzheimer's disease"], ['파킨슨병', "Parkinson's disease"], ['크론병', "Crohn's disease"],
  ['아토피피부염', 'atopic dermatitis'], ['심부전', 'heart failure'], ['만성폐쇄성폐질환', 'chronic obstructive pulmonary disease'],
  ['코로나19', 'COVID-19'], ['골다공증', 'osteoporosis'], ['이상지질혈증', 'dyslipidemia'], ['다낭성난소증후군', 'polycystic ovary syndrome'],
  ['불면증', 'insomnia'], ['요통', 'low back pain'], ['췌장암', 'pancreatic cancer'], ['전립선암', 'prostate cancer'],
  ['건강한 성인', 'healthy adult volunteers'], ['B형 간염', 'chronic hepatitis B'], ['비알코올성 지방간', 'non-alcoholic fatty liver disease'],
  ['조현병', 'schizophrenia'], ['자폐스펙트럼장애', 'autism spectrum disorder'], ['백내장', 'cataract'], ['녹내장', 'glaucoma'],
  ['패혈증', 'sepsis'], ['림프종', 'lymphoma'], ['다발성골수종', 'multiple myeloma'], ['갑상선암', 'thyroid cancer'],
]

/** Interventions (Korean, English). `메트포르민` / `metformin` are the benchmark's text-search terms. */
export const INTERVENTIONS: ReadonlyArray<readonly [string, string]> = [
  ['위약', 'placebo'], ['운동 프로그램', 'exercise program'], ['인지행동치료', 'cognitive behavioural therapy'],
  ['침 치료', 'acupuncture'], ['메트포르민', 'metformin'], ['펨브롤리주맙', 'pembrolizumab'], ['아스피린', 'aspirin'],
  ['로수바스타틴', 'rosuvastatin'], ['다파글리플로진', 'dapagliflozin'], ['한약', 'herbal medicine'],
  ['디지털 치료기기', 'digital therapeutic'], ['로봇 보조 수술', 'robot-assisted surgery'], ['비타민 D', 'vitamin D'],
  ['프로바이오틱스', 'probiotics'], ['니볼루맙', 'nivolumab'], ['에소메프라졸', 'esomeprazole'], ['텔미사르탄', 'telmisartan'],
  ['트라스투주맙', 'trastuzumab'], ['에스시탈로프람', 'escitalopram'], ['리바록사반', 'rivaroxaban'], ['인슐린 글라진', 'insulin glargine'],
  ['초음파 유도 신경차단술', 'ultrasound-guided nerve block'], ['경두개자기자극술', 'transcranial magnetic stimulation'],
  ['덱스메데토미딘', 'dexmedetomidine'], ['세마글루타이드', 'semaglutide'], ['두필루맙', 'dupilumab'],
]

/** Title templates: {c} condition, {i} intervention. */
export const TITLE_TEMPLATES_KR = [
  '{c} 환자에서 {i}의 유효성 및 안전성을 평가하기 위한 다기관, 무작위배정, 이중눈가림, 위약대조 제3상 임상시험',
  '{c} 환자를 대상으로 {i} 투여 후 약동학적 특성을 평가하기 위한 공개, 단회 투여 임상시험',
  '{c} 환자의 예후 인자 규명을 위한 전향적 코호트 연구',
  '{c} 환자에서 {i} 병합요법의 효과를 비교하는 무작위배정 제2상 연구',
  '{c} 등록 및 자원수집을 통한 질병관리지표 발굴',
  '{c} 환자에서 {i}의 장기 안전성 관찰연구',
  '{i}가 {c} 환자의 삶의 질에 미치는 영향: 탐색적 임상시험',
] as const
export const TITLE_TEMPLATES_EN = [
  'A multicenter, randomized, double-blind, placebo-controlled phase 3 trial to evaluate the efficacy and safety of {i} in patients with {c}',
  'An open-label, single-dose study to evaluate the pharmacokinetics of {i} in patients with {c}',
  'A prospective cohort study to identify prognostic factors in patients with {c}',
  'Randomized phase II study comparing {i} combination therapy in {c}',
  'Registry and biobank of {c} for the discovery of disease management indicators',
  'Long-term safety of {i} in patients with {c}: an observational study',
  'Effect of {i} on quality of life in {c}: an exploratory clinical trial',
] as const

/** Sentences used to fill summaries and outcomes to real lengths. */
export const FILLER_KR = [
  '본 연구는 주요 평가변수로서 기저치 대비 12주째 변화량을 비교한다.',
  '대상자는 선정 기준과 제외 기준을 모두 만족하는 경우 등록된다.',
  '이상사례는 연구 기간 동안 매 방문 시 수집하여 평가한다.',
  '무작위배정은 중앙 등록 시스템을 통해 1:1 비율로 수행한다.',
  '이차 평가변수로 무진행 생존기간과 전체 생존기간을 평가한다.',
  '혈중농도-시간곡선하 면적과 최고 혈중농도를 산출한다.',
]
export const FILLER_EN = [
  'The primary endpoint is the change from baseline at week 12.',
  'Participants are enrolled when they meet all inclusion criteria and none of the exclusion criteria.',
  'Adverse events are collected and assessed at every visit during the study.',
  'Randomisation is performed 1:1 through a central registration system.',
  'Secondary endpoints include progression-free survival and overall survival.',
  'Area under the concentration-time curve and peak concentration are calculated.',
]

export const SURNAMES_KR = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오', '서', '신', '권']
export const GIVEN_KR = ['민수', '서연', '지훈', '수미', '민걸', '지영', '현우', '은정', '성호', '혜진', '동현', '유진']
