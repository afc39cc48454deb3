/** Phase wording of every source → the common phases (shared/clinical.ts), one entry per phase. */
import { PHASES, type Phase } from '../../../shared/clinical'

/**
 * Whole values meaning "not a phased trial": CRIS 해당사항없음, iCReaT study models (코호트, Case-only …),
 * ClinicalTrials.gov NA. Keyed by `phaseKey`.
 */
export const NOT_APPLICABLE_SPELLINGS: readonly string[] = [
  '해당사항없음',
  '해당없음',
  '해당사항 없음',
  '없음',
  'na',
  'n/a',
  'notapplicable',
  '코호트',
  'cohort',
  'caseonly',
  'casecontrol',
  'crosssectional',
  'other',
  'others',
  '기타',
  '관찰연구',
  'observational',
  'ecological',
  'casecrossover',
  'caseseries',
  '환자대조군',
  '단면연구',
].map((s) => phaseKey(s))

/** One phase token (after splitting on "/", ",", "+", "&", "~", "and") → the phase; keyed by `phaseKey`. */
export const PHASE_TOKENS: Readonly<Record<string, Phase>> = {
  초기1상: 'early_phase1',
  탐색1상: 'early_phase1',
  '0상': 'early_phase1',
  제0상: 'early_phase1',
  earlyphase1: 'early_phase1',
  earlyphasei: 'early_phase1',
  phase0: 'early_phase1',
  early_phase1: 'early_phase1',
  '1상': 'phase1',
  제1상: 'phase1',
  '1a상': 'phase1',
  '1b상': 'phase1',
  phase1: 'phase1',
  phasei: 'phase1',
  phase1a: 'phase1',
  phase1b: 'phase1',
  i: 'phase1',
  '1': 'phase1',
  '2상': 'phase2',
  제2상: 'phase2',
  '2a상': 'phase2',
  '2b상': 'phase2',
  phase2: 'phase2',
  phaseii: 'phase2',
  phase2a: 'phase2',
  phase2b: 'phase2',
  ii: 'phase2',
  '2': 'phase2',
  '3상': 'phase3',
  제3상: 'phase3',
  '3a상': 'phase3',
  '3b상': 'phase3',
  phase3: 'phase3',
  phaseiii: 'phase3',
  phase3a: 'phase3',
  phase3b: 'phase3',
  iii: 'phase3',
  '3': 'phase3',
  '4상': 'phase4',
  제4상: 'phase4',
  phase4: 'phase4',
  phaseiv: 'phase4',
  iv: 'phase4',
  '4': 'phase4',
  시판후임상시험: 'phase4',
  시판후조사: 'phase4',
  postmarketing: 'phase4',
  not_applicable: 'not_applicable',
}

/** A spelling's lookup key: NFC, lower case, no spaces, dots, hyphens or underscores except in our own keys. */
export function phaseKey(text: string): string {
  const s = text.normalize('NFC').toLowerCase().trim()
  if ((PHASES as readonly string[]).includes(s)) return s
  return s.replace(/[\s.\-_]+/g, '')
}

/**
 * Phases of one source value, in PHASES order without repeats. "2상/3상" → phase2, phase3; "1/2상" → phase1,
 * phase2; "Phase 4" → phase4; 해당사항없음, Case-only → not_applicable. Empty or unrecognised → [] (the source's
 * wording stays in `phase`).
 */
export function phasesOf(value: unknown): Phase[] {
  if (typeof value !== 'string' && !Array.isArray(value)) return []
  const parts = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [value]
  const found = new Set<Phase>()
  for (const part of parts) {
    const whole = phaseKey(part)
    if (whole === '') continue
    if (NOT_APPLICABLE_SPELLINGS.includes(whole)) {
      found.add('not_applicable')
      continue
    }
    const direct = PHASE_TOKENS[whole]
    if (direct) {
      found.add(direct)
      continue
    }
    // "1/2상" shares the suffix: carry 상 / phase onto the bare numbers.
    const korean = /상$/.test(whole)
    const english = /phase/.test(whole)
    for (const raw of part
      .normalize('NFC')
      .toLowerCase()
      .split(/\s*(?:\/|,|\+|&|~|\band\b|및)\s*/)) {
      let token = phaseKey(raw)
      if (token === '') continue
      if (korean && /^제?\d[ab]?$/.test(token)) token += '상'
      if (english && /^(\d[ab]?|i{1,3}|iv)$/.test(token)) token = `phase${token}`
      const phase = PHASE_TOKENS[token] ?? (NOT_APPLICABLE_SPELLINGS.includes(token) ? 'not_applicable' : undefined)
      if (phase) found.add(phase)
    }
  }
  return PHASES.filter((p) => found.has(p))
}

/** A filter value in any spelling (`phase2`, `2상`, `Phase 2`) → its phases (empty when unrecognised). */
export function phaseFilterValues(value: string): Phase[] {
  return phasesOf(value)
}
