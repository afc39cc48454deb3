/**
 * Curated hospital names: one canonical Korean name per hospital, its English name and the other spellings seen in
 * CRIS, iCReaT and ClinicalTrials.gov. Covers every 상급종합병원 (tertiary hospital) of the 5th designation
 * (2024-2026, 47 hospitals; `tertiary: true`) plus large general hospitals and research centres that run many
 * trials. Spacing, corporate prefixes ((재), 재단법인, 의료법인, 학교법인 …), 대학교/대 and punctuation are handled by
 * `hospitalKey`, so aliases list only genuinely different names. Data only; the rules are in canonicalHospital.ts.
 */
export interface HospitalEntry {
  name: string
  en: string
  aliases: readonly string[]
  tertiary?: true
}

export const HOSPITALS: readonly HospitalEntry[] = [
  // Seoul
  {
    name: '서울대학교병원',
    en: 'Seoul National University Hospital',
    tertiary: true,
    aliases: [
      '서울대병원',
      '서울대학교 본원',
      'SNUH',
      'Seoul National Univ. Hospital',
      'Seoul National University College of Medicine',
    ],
  },
  {
    name: '세브란스병원',
    en: 'Severance Hospital',
    tertiary: true,
    aliases: [
      '세브란스',
      '신촌세브란스병원',
      '신촌 세브란스',
      '연세대학교 세브란스병원',
      '연세대학교의과대학 세브란스병원',
      '연세의료원 세브란스병원',
      '연세대학교 의료원',
      '연세의료원',
      'Yonsei University Severance Hospital',
      'Severance Hospital, Yonsei University Health System',
      'Yonsei University Health System',
      'Yonsei University College of Medicine',
      'Shinchon Severance Hospital',
    ],
  },
  {
    name: '강남세브란스병원',
    en: 'Gangnam Severance Hospital',
    tertiary: true,
    aliases: [
      '연세대학교 강남세브란스병원',
      '강남세브란스',
      '영동세브란스병원',
      'Yonsei University Gangnam Severance Hospital',
    ],
  },
  {
    name: '서울아산병원',
    en: 'Asan Medical Center',
    tertiary: true,
    aliases: [
      '아산병원',
      '아산의료원',
      '서울아산',
      '아산사회복지재단 서울아산병원',
      'Seoul Asan Medical Center',
      'Asan Medical Center, University of Ulsan College of Medicine',
      'AMC',
    ],
  },
  {
    name: '삼성서울병원',
    en: 'Samsung Medical Center',
    tertiary: true,
    aliases: [
      '삼성의료원',
      '삼성서울',
      '성균관대학교 삼성서울병원',
      'Samsung Seoul Hospital',
      'SMC',
      'Sungkyunkwan University Samsung Medical Center',
    ],
  },
  {
    name: '가톨릭대학교 서울성모병원',
    en: "The Catholic University of Korea, Seoul St. Mary's Hospital",
    tertiary: true,
    aliases: [
      '서울성모병원',
      '가톨릭대 서울성모병원',
      '가톨릭중앙의료원 서울성모병원',
      '강남성모병원',
      "Seoul St. Mary's Hospital",
      "Catholic University Seoul St. Mary's Hospital",
    ],
  },
  {
    name: '고려대학교안암병원',
    en: 'Korea University Anam Hospital',
    tertiary: true,
    aliases: [
      '고려대 안암병원',
      '고대안암병원',
      '안암병원',
      '고려대학교의료원 안암병원',
      '고려대학교 의과대학 부속 안암병원',
      'Korea University Medical Center Anam Hospital',
      'Korea University Anam',
    ],
  },
  {
    name: '고려대학교구로병원',
    en: 'Korea University Guro Hospital',
    tertiary: true,
    aliases: [
      '고려대 구로병원',
      '고대구로병원',
      '구로고대병원',
      '고려대학교 의과대학 부속 구로병원',
      'Korea University Medical Center Guro Hospital',
    ],
  },
  {
    name: '경희대학교병원',
    en: 'Kyung Hee University Hospital',
    tertiary: true,
    aliases: ['경희대병원', '경희의료원', '경희대학교 의료원', 'Kyung Hee University Medical Center'],
  },
  {
    name: '건국대학교병원',
    en: 'Konkuk University Medical Center',
    tertiary: true,
    aliases: ['건국대병원', '건대병원', 'Konkuk University Hospital'],
  },
  {
    name: '중앙대학교병원',
    en: 'Chung-Ang University Hospital',
    tertiary: true,
    aliases: ['중앙대병원', '중대병원', 'Chung Ang University Hospital'],
  },
  {
    name: '한양대학교병원',
    en: 'Hanyang University Hospital',
    tertiary: true,
    aliases: [
      '한양대병원',
      '한양대학교 서울병원',
      'Hanyang University Seoul Hospital',
      'Hanyang University Medical Center',
    ],
  },
  {
    name: '이화여자대학교 목동병원',
    en: 'Ewha Womans University Mokdong Hospital',
    tertiary: true,
    aliases: [
      '이대목동병원',
      '이화여대 목동병원',
      '이화여자대학교 의과대학부속 목동병원',
      '이화여자대학교의료원 목동병원',
      'Ewha Womans University Medical Center Mokdong',
    ],
  },
  {
    name: '강북삼성병원',
    en: 'Kangbuk Samsung Hospital',
    tertiary: true,
    aliases: ['성균관대학교 강북삼성병원', '강북삼성', 'Kangbuk Samsung Medical Center'],
  },
  // Gyeonggi, Incheon
  {
    name: '분당서울대학교병원',
    en: 'Seoul National University Bundang Hospital',
    tertiary: true,
    aliases: ['분당서울대병원', '서울대학교병원 분당', '서울대 분당병원', 'SNUBH'],
  },
  {
    name: '아주대학교병원',
    en: 'Ajou University Hospital',
    tertiary: true,
    aliases: ['아주대병원', '아주대학교의료원', 'Ajou University Medical Center'],
  },
  {
    name: '한림대학교성심병원',
    en: 'Hallym University Sacred Heart Hospital',
    tertiary: true,
    aliases: [
      '한림대성심병원',
      '평촌성심병원',
      '한림대학교 평촌성심병원',
      'Hallym University Sacred Heart Hospital, Anyang',
    ],
  },
  {
    name: '고려대학교안산병원',
    en: 'Korea University Ansan Hospital',
    tertiary: true,
    aliases: ['고려대 안산병원', '고대안산병원', 'Korea University Medical Center Ansan Hospital'],
  },
  {
    name: '가톨릭대학교 인천성모병원',
    en: "The Catholic University of Korea, Incheon St. Mary's Hospital",
    tertiary: true,
    aliases: ['인천성모병원', '가톨릭대 인천성모병원', "Incheon St. Mary's Hospital"],
  },
  {
    name: '가천대길병원',
    en: 'Gachon University Gil Medical Center',
    tertiary: true,
    aliases: [
      '길병원',
      '가천대학교 길병원',
      '가천의과학대학교 길병원',
      '가천대 길병원',
      'Gil Medical Center',
      'Gachon University Gil Hospital',
    ],
  },
  {
    name: '인하대학교병원',
    en: 'Inha University Hospital',
    tertiary: true,
    aliases: ['인하대병원', '인하대학교 의과대학 부속병원'],
  },
  {
    name: '순천향대학교 부천병원',
    en: 'Soonchunhyang University Bucheon Hospital',
    tertiary: true,
    aliases: [
      '순천향대부천병원',
      '순천향대학교부속부천병원',
      '순천향대학교 부속 부천병원',
      'Soonchunhyang University Hospital Bucheon',
    ],
  },
  // Gangwon
  {
    name: '강릉아산병원',
    en: 'Gangneung Asan Hospital',
    tertiary: true,
    aliases: ['울산대학교 강릉아산병원', '재단법인 아산사회복지재단 강릉아산병원', 'Gangneung Asan Medical Center'],
  },
  {
    name: '원주세브란스기독병원',
    en: 'Wonju Severance Christian Hospital',
    tertiary: true,
    aliases: [
      '연세대학교 원주세브란스기독병원',
      '원주기독병원',
      '원주세브란스',
      '연세대학교 원주의과대학 원주세브란스기독병원',
      'Yonsei University Wonju Severance Christian Hospital',
    ],
  },
  // Chungcheong
  {
    name: '충북대학교병원',
    en: 'Chungbuk National University Hospital',
    tertiary: true,
    aliases: ['충북대병원', 'Chungbuk National Univ. Hospital'],
  },
  { name: '충남대학교병원', en: 'Chungnam National University Hospital', tertiary: true, aliases: ['충남대병원'] },
  {
    name: '단국대학교병원',
    en: 'Dankook University Hospital',
    tertiary: true,
    aliases: ['단국대병원', '단국대학교 의과대학 부속병원', '단국대학교의과대학부속병원'],
  },
  {
    name: '순천향대학교 천안병원',
    en: 'Soonchunhyang University Cheonan Hospital',
    tertiary: true,
    aliases: [
      '순천향대천안병원',
      '순천향대학교부속천안병원',
      '순천향대학교 부속 천안병원',
      'Soonchunhyang University Hospital Cheonan',
    ],
  },
  // Jeolla
  {
    name: '전북대학교병원',
    en: 'Jeonbuk National University Hospital',
    tertiary: true,
    aliases: ['전북대병원', 'Chonbuk National University Hospital', 'Chonbuk National Univ. Hospital'],
  },
  { name: '원광대학교병원', en: 'Wonkwang University Hospital', tertiary: true, aliases: ['원광대병원'] },
  {
    name: '전남대학교병원',
    en: 'Chonnam National University Hospital',
    tertiary: true,
    aliases: ['전남대병원', 'Chonnam National Univ. Hospital'],
  },
  {
    name: '화순전남대학교병원',
    en: 'Chonnam National University Hwasun Hospital',
    tertiary: true,
    aliases: ['화순전남대병원', '전남대학교 화순병원', 'Chonnam National University Hwasun'],
  },
  { name: '조선대학교병원', en: 'Chosun University Hospital', tertiary: true, aliases: ['조선대병원'] },
  // Gyeongsang
  { name: '경북대학교병원', en: 'Kyungpook National University Hospital', tertiary: true, aliases: ['경북대병원'] },
  {
    name: '칠곡경북대학교병원',
    en: 'Kyungpook National University Chilgok Hospital',
    tertiary: true,
    aliases: ['칠곡경북대병원', '경북대학교 칠곡병원'],
  },
  {
    name: '계명대학교 동산병원',
    en: 'Keimyung University Dongsan Hospital',
    tertiary: true,
    aliases: [
      '계명대동산병원',
      '동산병원',
      '계명대학교동산의료원',
      '계명대학교 동산의료원',
      'Keimyung University Dongsan Medical Center',
    ],
  },
  {
    name: '대구가톨릭대학교병원',
    en: 'Daegu Catholic University Medical Center',
    tertiary: true,
    aliases: ['대구가톨릭대병원', '대구가톨릭대학교 의료원', 'Daegu Catholic University Hospital'],
  },
  {
    name: '영남대학교병원',
    en: 'Yeungnam University Medical Center',
    tertiary: true,
    aliases: ['영남대병원', '영남대학교 의료원', 'Yeungnam University Hospital'],
  },
  { name: '부산대학교병원', en: 'Pusan National University Hospital', tertiary: true, aliases: ['부산대병원'] },
  {
    name: '양산부산대학교병원',
    en: 'Pusan National University Yangsan Hospital',
    tertiary: true,
    aliases: ['양산부산대병원', '부산대학교 양산병원'],
  },
  {
    name: '동아대학교병원',
    en: 'Dong-A University Hospital',
    tertiary: true,
    aliases: ['동아대병원', 'Dong A University Hospital'],
  },
  {
    name: '고신대학교복음병원',
    en: 'Kosin University Gospel Hospital',
    tertiary: true,
    aliases: ['고신대병원', '고신대복음병원', '복음병원'],
  },
  {
    name: '인제대학교 부산백병원',
    en: 'Inje University Busan Paik Hospital',
    tertiary: true,
    aliases: ['부산백병원', '인제대 부산백병원', 'Busan Paik Hospital'],
  },
  { name: '울산대학교병원', en: 'Ulsan University Hospital', tertiary: true, aliases: ['울산대병원'] },
  {
    name: '경상국립대학교병원',
    en: 'Gyeongsang National University Hospital',
    tertiary: true,
    aliases: ['경상대학교병원', '경상국립대병원', '경상대병원'],
  },
  {
    name: '삼성창원병원',
    en: 'Samsung Changwon Hospital',
    tertiary: true,
    aliases: ['성균관대학교 삼성창원병원', '창원삼성병원', 'Sungkyunkwan University Samsung Changwon Hospital'],
  },
  {
    name: '인제대학교 해운대백병원',
    en: 'Inje University Haeundae Paik Hospital',
    tertiary: true,
    aliases: ['해운대백병원', '인제대 해운대백병원', 'Haeundae Paik Hospital'],
  },
  // Other general hospitals and centres that run many trials
  {
    name: '국립암센터',
    en: 'National Cancer Center',
    aliases: ['국립암센타', 'National Cancer Center, Korea', 'NCC Korea'],
  },
  {
    name: '서울특별시보라매병원',
    en: 'SMG-SNU Boramae Medical Center',
    aliases: ['보라매병원', '서울특별시 보라매병원', '서울대학교 보라매병원', 'Boramae Medical Center'],
  },
  {
    name: '분당차병원',
    en: 'CHA Bundang Medical Center',
    aliases: ['차의과학대학교 분당차병원', 'CHA Bundang Medical Center, CHA University'],
  },
  { name: '용인세브란스병원', en: 'Yongin Severance Hospital', aliases: ['연세대학교 용인세브란스병원'] },
  {
    name: '가톨릭대학교 여의도성모병원',
    en: "The Catholic University of Korea, Yeouido St. Mary's Hospital",
    aliases: ['여의도성모병원', '가톨릭대 여의도성모병원', "Yeouido St. Mary's Hospital"],
  },
  {
    name: '가톨릭대학교 의정부성모병원',
    en: "The Catholic University of Korea, Uijeongbu St. Mary's Hospital",
    aliases: ['의정부성모병원', '가톨릭대 의정부성모병원', "Uijeongbu St. Mary's Hospital"],
  },
  {
    name: '가톨릭대학교 성빈센트병원',
    en: "The Catholic University of Korea, St. Vincent's Hospital",
    aliases: ['성빈센트병원', '가톨릭대 성빈센트병원', "St. Vincent's Hospital"],
  },
  {
    name: '가톨릭대학교 부천성모병원',
    en: "The Catholic University of Korea, Bucheon St. Mary's Hospital",
    aliases: ['부천성모병원', '가톨릭대 부천성모병원', "Bucheon St. Mary's Hospital"],
  },
  {
    name: '가톨릭대학교 은평성모병원',
    en: "The Catholic University of Korea, Eunpyeong St. Mary's Hospital",
    aliases: ['은평성모병원', '가톨릭대 은평성모병원', "Eunpyeong St. Mary's Hospital"],
  },
  {
    name: '국제성모병원',
    en: "Catholic Kwandong University International St. Mary's Hospital",
    aliases: ['가톨릭관동대 국제성모병원', '가톨릭관동대학교 국제성모병원', "International St. Mary's Hospital"],
  },
  {
    name: '이화여자대학교 서울병원',
    en: 'Ewha Womans University Seoul Hospital',
    aliases: ['이대서울병원', '이화여대 서울병원'],
  },
  {
    name: '강동경희대학교병원',
    en: 'Kyung Hee University Hospital at Gangdong',
    aliases: ['강동경희대병원', '경희대학교 강동병원'],
  },
  {
    name: '경희대학교한방병원',
    en: 'Kyung Hee University Korean Medicine Hospital',
    aliases: ['경희대한방병원', '경희의료원 한방병원'],
  },
  {
    name: '한림대학교 강남성심병원',
    en: 'Hallym University Kangnam Sacred Heart Hospital',
    aliases: ['강남성심병원', '한림대 강남성심병원'],
  },
  {
    name: '한림대학교 춘천성심병원',
    en: 'Hallym University Chuncheon Sacred Heart Hospital',
    aliases: ['춘천성심병원', '한림대 춘천성심병원'],
  },
  {
    name: '한림대학교 동탄성심병원',
    en: 'Hallym University Dongtan Sacred Heart Hospital',
    aliases: ['동탄성심병원', '한림대 동탄성심병원'],
  },
  {
    name: '한림대학교 강동성심병원',
    en: 'Hallym University Kangdong Sacred Heart Hospital',
    aliases: ['강동성심병원', '한림대 강동성심병원'],
  },
  {
    name: '인제대학교 상계백병원',
    en: 'Inje University Sanggye Paik Hospital',
    aliases: ['상계백병원', '인제대 상계백병원'],
  },
  {
    name: '인제대학교 일산백병원',
    en: 'Inje University Ilsan Paik Hospital',
    aliases: ['일산백병원', '인제대 일산백병원'],
  },
  {
    name: '인제대학교 서울백병원',
    en: 'Inje University Seoul Paik Hospital',
    aliases: ['서울백병원', '인제대 서울백병원'],
  },
  {
    name: '한양대학교 구리병원',
    en: 'Hanyang University Guri Hospital',
    aliases: ['한양대구리병원', '한양대 구리병원'],
  },
  {
    name: '한양대학교 류마티스병원',
    en: 'Hanyang University Hospital for Rheumatic Diseases',
    aliases: ['한양대 류마티스병원'],
  },
  {
    name: '중앙대학교 광명병원',
    en: 'Chung-Ang University Gwangmyeong Hospital',
    aliases: ['중앙대광명병원', '중앙대 광명병원'],
  },
  { name: '건국대학교 충주병원', en: 'Konkuk University Chungju Hospital', aliases: ['건국대 충주병원'] },
  {
    name: '국민건강보험 일산병원',
    en: 'National Health Insurance Service Ilsan Hospital',
    aliases: ['일산병원', '국민건강보험공단 일산병원', 'NHIS Ilsan Hospital'],
  },
  {
    name: '노원을지대학교병원',
    en: 'Nowon Eulji Medical Center',
    aliases: ['을지병원', '노원을지병원', '을지대학교 을지병원'],
  },
  { name: '대전을지대학교병원', en: 'Eulji University Hospital', aliases: ['을지대병원', '대전을지병원'] },
  { name: '의정부을지대학교병원', en: 'Uijeongbu Eulji Medical Center', aliases: ['의정부을지병원'] },
  {
    name: '순천향대학교 서울병원',
    en: 'Soonchunhyang University Seoul Hospital',
    aliases: ['순천향대서울병원', '순천향대학교병원', '순천향대병원'],
  },
  { name: '순천향대학교 구미병원', en: 'Soonchunhyang University Gumi Hospital', aliases: ['순천향대구미병원'] },
  {
    name: '동국대학교 일산병원',
    en: 'Dongguk University Ilsan Hospital',
    aliases: ['동국대일산병원', '동국대학교일산불교병원'],
  },
  { name: '명지병원', en: 'Myongji Hospital', aliases: ['명지의료재단 명지병원'] },
  { name: '제일병원', en: 'Cheil General Hospital', aliases: ['제일병원 (삼성)'] },
  { name: '차의과학대학교 강남차병원', en: 'CHA Gangnam Medical Center', aliases: ['강남차병원'] },
  {
    name: '한국원자력의학원 원자력병원',
    en: 'Korea Cancer Center Hospital',
    aliases: ['원자력병원', '한국원자력의학원'],
  },
  { name: '국립중앙의료원', en: 'National Medical Center', aliases: ['국립의료원'] },
  { name: '경찰병원', en: 'National Police Hospital', aliases: ['국립경찰병원'] },
  { name: '서울대학교치과병원', en: 'Seoul National University Dental Hospital', aliases: ['서울대치과병원'] },
  {
    name: '연세대학교 치과대학병원',
    en: 'Yonsei University Dental Hospital',
    aliases: ['연세대치과병원', '세브란스 치과병원'],
  },
  { name: '부천세종병원', en: 'Sejong General Hospital', aliases: ['세종병원'] },
  { name: '대구파티마병원', en: 'Daegu Fatima Hospital', aliases: ['파티마병원'] },
  { name: '부산성모병원', en: "Busan St. Mary's Hospital", aliases: [] },
  { name: '제주대학교병원', en: 'Jeju National University Hospital', aliases: ['제주대병원'] },
  { name: '강원대학교병원', en: 'Kangwon National University Hospital', aliases: ['강원대병원'] },
  { name: '건양대학교병원', en: 'Konyang University Hospital', aliases: ['건양대병원'] },
  {
    name: '대전성모병원',
    en: "The Catholic University of Korea, Daejeon St. Mary's Hospital",
    aliases: ['가톨릭대학교 대전성모병원', '가톨릭대 대전성모병원'],
  },
]
