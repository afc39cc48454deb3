import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PHASES, RECRUITMENT_STATUSES } from '../../../shared/clinical'
import { phaseFilterValues, phasesOf } from '../../../electron/core/clinical/phases'
import {
  RECRUITMENT_SPELLINGS,
  recruitmentFilterValue,
  recruitmentOf,
} from '../../../electron/core/clinical/recruitment'

const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', name), 'utf8'))

describe('CRIS recruitment status → recruitment', () => {
  it.each([
    ['모집전', 'not_yet_recruiting'],
    ['대상자 모집 전', 'not_yet_recruiting'],
    ['모집중', 'recruiting'],
    ['모집 중', 'recruiting'],
    ['초청등록', 'enrolling_by_invitation'],
    ['모집종료', 'active_not_recruiting'],
    ['연구종결', 'completed'],
    ['모집중지', 'suspended'],
    ['연구중단', 'terminated'],
    ['연구철회', 'withdrawn'],
  ])('%s → %s', (kr, status) => {
    expect(recruitmentOf(kr)).toBe(status)
  })

  it('reads the real /detail capture (연구종결 / Completed)', () => {
    const detail = fixture('cris/detail.json')
    expect(recruitmentOf(detail.recruitment_status_kr, detail.recruitment_status_en)).toBe('completed')
  })

  it('keeps unknown and empty values as unknown, never drops them; the English wording helps when Korean is unknown', () => {
    expect(recruitmentOf('승인대기(새 표기)')).toBe('unknown')
    expect(recruitmentOf('')).toBe('unknown')
    expect(recruitmentOf(undefined)).toBe('unknown')
    expect(recruitmentOf('새 표기', 'Recruiting')).toBe('recruiting')
    expect(recruitmentOf('', 'Active, not recruiting')).toBe('active_not_recruiting')
    expect(recruitmentOf('', 'ENROLLING_BY_INVITATION')).toBe('enrolling_by_invitation')
  })

  it('maps only onto the 9-value vocabulary', () => {
    for (const status of Object.values(RECRUITMENT_SPELLINGS)) expect(RECRUITMENT_STATUSES).toContain(status)
  })

  it('accepts a filter value in the vocabulary, in Korean or in English', () => {
    expect(recruitmentFilterValue('recruiting')).toBe('recruiting')
    expect(recruitmentFilterValue('모집 중')).toBe('recruiting')
    expect(recruitmentFilterValue('Not yet recruiting')).toBe('not_yet_recruiting')
    expect(recruitmentFilterValue('not_yet_recruiting')).toBe('not_yet_recruiting')
    expect(recruitmentFilterValue('nonsense')).toBeNull()
  })
})

describe('phases from every spelling', () => {
  it.each([
    ['1상', ['phase1']],
    ['2상', ['phase2']],
    ['3상', ['phase3']],
    ['4상', ['phase4']],
    ['초기1상', ['early_phase1']],
    ['2상/3상', ['phase2', 'phase3']],
    ['1/2상', ['phase1', 'phase2']],
    ['제2상', ['phase2']],
    ['2a상', ['phase2']],
    ['Phase 4', ['phase4']],
    ['Phase 1', ['phase1']],
    ['Phase 2/Phase 3', ['phase2', 'phase3']],
    ['Phase 2/3', ['phase2', 'phase3']],
    ['Phase II', ['phase2']],
    ['EARLY_PHASE1', ['early_phase1']],
    ['PHASE3', ['phase3']],
    ['해당사항없음', ['not_applicable']],
    ['해당사항 없음', ['not_applicable']],
    ['NA', ['not_applicable']],
    ['Not applicable', ['not_applicable']],
    ['Case-only', ['not_applicable']],
    ['코호트', ['not_applicable']],
    ['Case-control', ['not_applicable']],
    ['Cross-sectional', ['not_applicable']],
  ])('%s → %j', (spelling, phases) => {
    expect(phasesOf(spelling)).toEqual(phases)
  })

  it('reads ClinicalTrials.gov arrays, without repeats, in phase order', () => {
    expect(phasesOf(['PHASE3', 'PHASE2', 'PHASE2'])).toEqual(['phase2', 'phase3'])
  })

  it('has nothing to say for empty or unrecognised wording (the source wording stays in `phase`)', () => {
    expect(phasesOf('')).toEqual([])
    expect(phasesOf('  ')).toEqual([])
    expect(phasesOf(undefined)).toEqual([])
    expect(phasesOf('생동성시험 B')).toEqual([])
  })

  it('gives one entry per phase for every spelling in the real iCReaT and CRIS captures', () => {
    const rows = fixture('icreat-3074271-rows.json') as Array<Record<string, string>>
    const spellings = new Set(rows.map((r) => r['임상시험단계(연구모형)']).filter(Boolean))
    spellings.add(fixture('cris/list-page.json').items[0].phase_kr || '해당사항없음')
    for (const spelling of spellings) {
      const phases = phasesOf(spelling)
      expect(phases.length, spelling).toBeGreaterThan(0)
      for (const p of phases) expect(PHASES).toContain(p)
    }
    // "4상" and "Phase 4" are one facet entry.
    expect(phasesOf('4상')).toEqual(phasesOf('Phase 4'))
  })

  it('reads a filter value in any spelling', () => {
    expect(phaseFilterValues('phase2')).toEqual(['phase2'])
    expect(phaseFilterValues('2상')).toEqual(['phase2'])
    expect(phaseFilterValues('not_applicable')).toEqual(['not_applicable'])
  })
})
