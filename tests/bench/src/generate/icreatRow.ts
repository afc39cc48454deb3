import type { Random } from './prng'
import { pickTopic, titleEn, titleKr } from './text'
import { DEPARTMENTS, ICREAT_PHASES, ICREAT_SCOPES, ICREAT_STUDY_TYPES, INSTITUTIONS } from './vocabulary'

const PERIODS = [
  '36개월',
  '',
  '5년',
  '1년',
  '2년',
  '3년',
  '6개월',
  '12개월',
  '8년',
  '32개월',
  '24개월',
  '10년',
  '60개월',
]
const TARGET_SIZES = ['', '300', '1000', '200', '500', '600', '5000', '400', '2000', '24', '10000', '100', '120']

/** The nine columns of an odcloud 3074271 row (tests/fixtures/icreat-3074271-rows.json). */
export function icreatFields(random: Random, sourceId: string): Record<string, unknown> {
  const topic = pickTopic(random)
  // About a third of the real titles are English only.
  const title = random.chance(0.35) ? titleEn(topic) : titleKr(topic)
  return {
    과제번호: sourceId,
    과제명: title,
    연구기간: random.zipf(PERIODS),
    연구범위: random.weighted(ICREAT_SCOPES),
    연구종류: random.weighted(ICREAT_STUDY_TYPES),
    연구책임기관: random.zipf(INSTITUTIONS, 1.2)[0],
    '임상시험단계(연구모형)': random.weighted(ICREAT_PHASES),
    전체목표연구대상자수: random.zipf(TARGET_SIZES),
    진료과: random.zipf(DEPARTMENTS, 0.8),
  }
}
