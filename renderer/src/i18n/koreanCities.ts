/**
 * ClinicalTrials.gov gives a Korean site's city in English, spelled as the registrant typed it ("Seoul",
 * "Seongnam-si", "Goyang, Gyeonggi-do", the older "Pusan"). A Korean reader sees the city as a Korean address writes
 * it; a city not listed is shown as the registry wrote it. Keyed by the name without its administrative suffix.
 */
import type { Language } from '../../../shared/settings'

const KOREAN_BY_ENGLISH: Readonly<Record<string, string>> = {
  seoul: '서울',
  busan: '부산',
  pusan: '부산',
  daegu: '대구',
  taegu: '대구',
  incheon: '인천',
  inchon: '인천',
  gwangju: '광주',
  kwangju: '광주',
  daejeon: '대전',
  taejon: '대전',
  ulsan: '울산',
  sejong: '세종',
  suwon: '수원',
  seongnam: '성남',
  bundang: '성남 분당',
  goyang: '고양',
  ilsan: '고양 일산',
  yongin: '용인',
  bucheon: '부천',
  ansan: '안산',
  anyang: '안양',
  uijeongbu: '의정부',
  hwaseong: '화성',
  pyeongtaek: '평택',
  guri: '구리',
  namyangju: '남양주',
  gimpo: '김포',
  siheung: '시흥',
  gwangmyeong: '광명',
  cheonan: '천안',
  chonan: '천안',
  cheongju: '청주',
  chungju: '충주',
  jeonju: '전주',
  chonju: '전주',
  iksan: '익산',
  gunsan: '군산',
  hwasun: '화순',
  suncheon: '순천',
  mokpo: '목포',
  yeosu: '여수',
  changwon: '창원',
  jinju: '진주',
  gimhae: '김해',
  yangsan: '양산',
  pohang: '포항',
  gumi: '구미',
  gyeongju: '경주',
  andong: '안동',
  chuncheon: '춘천',
  chunchon: '춘천',
  wonju: '원주',
  gangneung: '강릉',
  jeju: '제주',
  cheju: '제주',
  seogwipo: '서귀포',
  gyeonggi: '경기',
  gangwon: '강원',
  chungcheongbuk: '충북',
  chungcheongnam: '충남',
  jeollabuk: '전북',
  jeollanam: '전남',
  gyeongsangbuk: '경북',
  gyeongsangnam: '경남',
}

/** "Seongnam-si, Gyeonggi-do" → "seongnam"; "Busan Metropolitan City" → "busan". */
function cityKey(city: string): string {
  return city
    .split(',')[0]
    .toLowerCase()
    .replace(/\(.*?\)/g, '')
    .replace(/\b(special|metropolitan|self-governing)\b/g, '')
    .replace(/\bcity\b/g, '')
    .replace(/-(si|gun|do)\b|\s(si|gun|do)$/g, '')
    .replace(/[\s-]+/g, ' ')
    .trim()
}

/** The city in the reader's language: Korean when known for a Korean reader, otherwise as the registry wrote it. */
export function cityLabel(city: string, language: Language): string {
  if (language !== 'ko') return city
  return KOREAN_BY_ENGLISH[cityKey(city)] ?? city
}
