/**
 * A ClinicalTrials.gov study's detail: its fields under the reader's names, in the same groups as a CRIS record's,
 * never the study JSON's own camelCase names. The fields are what the real mapping stores for a generated study.
 */
import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { CtgovStudy } from '../../electron/core/sources/ctgov/ctgovEnvelope'
import { studyFields } from '../../electron/core/sources/ctgov/studyFields'
import { generateStudy, nctIdFor, seededRandom } from '../fakes/ctgovData'
import { renderApp } from './renderApp'
import { NOW, storedTrial } from './testTrials'

function ctgovTrial(extraFields: Record<string, unknown> = {}) {
  const study = generateStudy(7, seededRandom(7))
  const fields = { ...studyFields(study as unknown as CtgovStudy), ...extraFields }
  return storedTrial({
    source: 'ctgov',
    sourceId: nctIdFor(7),
    fields,
    extraCommon: { title: String(fields.briefTitle), recruitment: 'recruiting' },
    changedAt: new Date(NOW.getTime() - 3_600_000).toISOString(),
  })
}

describe('a ClinicalTrials.gov detail', () => {
  it.each([
    ['ko', '등록 정보', ['간략 제목', '임상 단계', '선정·제외 기준', '주 의뢰자', '시작일'], '연구 개요'],
    [
      'en',
      'Registered information',
      ['Brief title', 'Phases', 'Eligibility criteria', 'Lead sponsor', 'Start date'],
      'Overview',
    ],
  ] as const)('names every field in the reader’s language (%s)', async (language, region, labels, firstGroup) => {
    const trial = ctgovTrial()
    const { user } = await renderApp({ trials: [trial], settings: { defaultWithinDays: null, language } })
    await user.click((await screen.findByText(nctIdFor(7))).closest('tr')!)
    const fields = await screen.findByRole('region', { name: region })
    for (const label of labels) expect(within(fields).getAllByText(label).length).toBeGreaterThan(0)
    expect(within(fields).getByRole('heading', { name: firstGroup })).toBeInTheDocument()
    // No field is shown under the JSON's own name (every name the mapping stores has a label).
    const shownNames = Object.keys(trial.fields).filter((name) => within(fields).queryAllByText(name).length > 0)
    expect(shownNames).toEqual([])
  })

  it.each([
    ['ko', '국내 참여 기관 3곳', ['부산대학교병원', '부산', '분당서울대학교병원', '성남']],
    ['en', 'Sites in Korea: 3', ['Pusan National University Hospital', 'Busan', 'Seongnam-si, Gyeonggi-do']],
  ] as const)(
    'names the Korean sites’ hospitals and cities in the reader’s language (%s)',
    async (language, heading, shown) => {
      const trial = ctgovTrial({
        locations: [
          { facility: 'Pusan National University Hospital', city: 'Busan', status: 'RECRUITING' },
          {
            facility: 'Seoul National University Bundang Hospital',
            city: 'Seongnam-si, Gyeonggi-do',
            status: 'COMPLETED',
          },
          { facility: 'Hanbit Family Clinic', city: 'Hanam-si', status: 'RECRUITING' },
        ],
      })
      const { user } = await renderApp({ trials: [trial], settings: { defaultWithinDays: null, language } })
      await user.click((await screen.findByText(nctIdFor(7))).closest('tr')!)
      const sites = await screen.findByRole('region', { name: heading })
      const rows = within(sites).getAllByTestId('korean-site')
      for (const text of shown) expect(sites).toHaveTextContent(text)
      // The registry's own wording stays on every row; a hospital or city not in the tables is shown as written.
      expect(rows[0]).toHaveTextContent('Pusan National University Hospital')
      expect(rows[0].querySelector('td')).toHaveAttribute('title', 'Pusan National University Hospital')
      expect(rows[2]).toHaveTextContent('Hanbit Family Clinic')
      expect(rows[2]).toHaveTextContent('Hanam-si')
    },
  )

  it.each([
    ['ko', '등록 정보', ['중재연구', '2상', '3상', '무작위 배정', '이중 눈가림', '남성']],
    ['en', 'Registered information', ['Interventional', 'Phase 2', 'Phase 3', 'Randomized', 'Double blind', 'Male']],
  ] as const)('names the registry’s coded values in words, the code on hover (%s)', async (language, region, words) => {
    const trial = ctgovTrial({
      studyType: 'INTERVENTIONAL',
      phases: ['PHASE2', 'PHASE3'],
      designInfo: { allocation: 'RANDOMIZED', maskingInfo: { masking: 'DOUBLE' } },
      sex: 'MALE',
    })
    const { user } = await renderApp({ trials: [trial], settings: { defaultWithinDays: null, language } })
    await user.click((await screen.findByText(nctIdFor(7))).closest('tr')!)
    const fields = await screen.findByRole('region', { name: region })
    for (const text of words) expect(within(fields).getAllByText(text).length).toBeGreaterThan(0)
    expect(within(fields).getByText(words[0])).toHaveAttribute('title', 'INTERVENTIONAL')
    for (const code of ['INTERVENTIONAL', 'PHASE2', 'RANDOMIZED', 'DOUBLE', 'MALE']) {
      expect(within(fields).queryByText(code)).toBeNull()
    }
  })

  it('puts the study’s start and completion dates on the card, and warns when a recruiting study is past its end', async () => {
    const trial = ctgovTrial({
      startDateStruct: { date: '2019-05-22', type: 'ACTUAL' },
      completionDateStruct: { date: '2021-01-15', type: 'ESTIMATED' },
    })
    const { user } = await renderApp({ trials: [trial], settings: { defaultWithinDays: null, language: 'en' } })
    await user.click((await screen.findByText(nctIdFor(7))).closest('tr')!)
    const card = await screen.findByRole('region', { name: 'Referral summary' })
    expect(card).toHaveTextContent('start 22 May 2019')
    expect(card).toHaveTextContent('end 15 Jan 2021')
    expect(within(card).getByRole('note')).toHaveTextContent('The registry still says Recruiting, but the end date')
  })
})
