import type { Random } from './prng'
import { CONDITIONS, FILLER_EN, FILLER_KR, INTERVENTIONS, TITLE_TEMPLATES_EN, TITLE_TEMPLATES_KR } from './vocabulary'

/** A trial's topic: the same condition and intervention appear in its Korean and English text. */
export interface Topic {
  conditionKr: string
  conditionEn: string
  interventionKr: string
  interventionEn: string
  template: number
}

export function pickTopic(random: Random): Topic {
  const [conditionKr, conditionEn] = random.zipf(CONDITIONS, 0.9)
  const [interventionKr, interventionEn] = random.zipf(INTERVENTIONS, 0.9)
  return {
    conditionKr,
    conditionEn,
    interventionKr,
    interventionEn,
    template: random.int(0, TITLE_TEMPLATES_KR.length - 1),
  }
}

export function titleKr(topic: Topic): string {
  return TITLE_TEMPLATES_KR[topic.template].replace('{c}', topic.conditionKr).replace('{i}', topic.interventionKr)
}

export function titleEn(topic: Topic): string {
  return TITLE_TEMPLATES_EN[topic.template].replace('{c}', topic.conditionEn).replace('{i}', topic.interventionEn)
}

/** `sentences` filler sentences, so free-text fields reach the lengths real registrations have. */
export function paragraph(random: Random, language: 'kr' | 'en', sentences: number): string {
  const pool = language === 'kr' ? FILLER_KR : FILLER_EN
  const parts: string[] = []
  for (let i = 0; i < sentences; i++) parts.push(random.pick(pool))
  return parts.join(' ')
}

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}
