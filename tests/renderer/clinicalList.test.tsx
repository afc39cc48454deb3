/**
 * The list answering "which trials can my patient join, for this disease, at which hospital, and what changed": status
 * pills, disjunctive facet menus, the recruiting toggle, the window hint, unclassified trials, highlights and the
 * referral card, all against the real core (coreBackedApi) over CRIS records mapped by the real CRIS mapping.
 */
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { HistoryEntry } from '../../shared/trials'
import crisDetail from '../fixtures/cris/detail.json'
import { renderApp } from './renderApp'
import { NOW, storedTrial } from './testTrials'

const HOUR = 3600_000
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * HOUR).toISOString()

interface CrisInput {
  n: number
  status: string
  title: string
  sites?: string[]
  condition?: string
  conditionEn?: string
  hoursAgo?: number
  history?: HistoryEntry[]
  detailsPending?: boolean
}

function cris({
  n,
  status,
  title,
  sites = ['서울대학교병원'],
  condition,
  conditionEn,
  hoursAgo: h = n,
  history,
  detailsPending,
}: CrisInput) {
  const id = `KCT${String(n).padStart(7, '0')}`
  const fields: Record<string, unknown> = {
    ...(crisDetail as unknown as Record<string, unknown>),
    trial_id: id,
    scientific_title_kr: title,
    scientific_title_en: '',
    recruitment_status_kr: status,
    recruitment_status_en: '',
    research_items: sites.map((s) => ({ site_name_kr: s, site_name_en: '' })),
    hc_code_kr: condition ?? '',
    hc_code_en: conditionEn ?? '',
  }
  if (detailsPending) {
    // Only /detail carries these: a pending trial has none of them yet.
    for (const name of ['recruitment_status_kr', 'recruitment_status_en', 'research_items', 'hc_code_kr', 'hc_code_en'])
      delete fields[name]
  }
  return storedTrial({
    source: 'cris',
    sourceId: id,
    fields,
    changedAt: hoursAgo(h),
    changeKind: history ? 'updated' : 'new',
    history,
    detailsPending,
  })
}

/** 3 recruiting, 2 not yet recruiting, 2 closed, 1 invitation-only; one of the recruiting ones changed status today. */
function registry() {
  return [
    cris({
      n: 1,
      status: '모집중',
      title: '제2형 당뇨병 환자에서 신약의 효과',
      condition: '당뇨병',
      sites: ['서울대학교병원', '세브란스병원'],
      history: [
        {
          at: hoursAgo(1),
          kind: 'updated',
          changes: [{ field: 'recruitment_status_kr', from: '모집전', to: '모집중' }],
        },
        { at: hoursAgo(500), kind: 'created', changes: [] },
      ],
    }),
    cris({ n: 2, status: '모집중', title: '고혈압 환자 연구', sites: ['세브란스병원'] }),
    cris({ n: 3, status: '모집중', title: '유방암 수술 후 관리', sites: ['삼성서울병원'] }),
    cris({ n: 4, status: '모집전', title: '치매 조기 진단', sites: ['서울아산병원'] }),
    cris({ n: 5, status: '모집전', title: '뇌졸중 재활', sites: ['서울대학교병원'] }),
    cris({ n: 6, status: '모집종료', title: '폐암 표적치료', sites: ['서울대학교병원'] }),
    cris({ n: 7, status: '연구종결', title: '심부전 관찰 연구', sites: ['세브란스병원'], hoursAgo: 24 * 40 }),
    cris({ n: 8, status: '초청등록', title: '희귀질환 코호트', sites: ['서울아산병원'] }),
  ]
}

const rows = () => screen.getAllByRole('row').slice(1)
const rowOf = (text: string) => screen.getByText(text).closest('tr')!

describe('the clinical list', () => {
  it('shows a coloured status pill in the reader’s language and what changed under the title', async () => {
    await renderApp({ trials: registry(), settings: { defaultWithinDays: null } })
    const row = (await screen.findByText('제2형 당뇨병 환자에서 신약의 효과')).closest('tr')!
    expect(within(row).getByText('모집 중')).toHaveClass('pill', 'pill-recruiting')
    expect(within(row).getByText('모집 중')).toHaveAttribute('title', '모집중') // the registry's own wording
    expect(row).toHaveTextContent('모집 상태 모집전 → 모집중')
    expect(within(rowOf('치매 조기 진단')).getByText('모집 전')).toHaveClass('pill-not_yet_recruiting')
    // One source shown: no 출처 column.
    expect(screen.queryByRole('columnheader', { name: '출처' })).not.toBeInTheDocument()
  })

  it('shows the same status pill in the watched view', async () => {
    const { user } = await renderApp({ trials: registry(), settings: { defaultWithinDays: null } })
    await screen.findByText('1–8 / 8')
    await user.click(within(rowOf('치매 조기 진단')).getByRole('button', { name: /관심 임상시험에 추가/ }))
    const sidebar = screen.getByRole('navigation', { name: '관심 항목' })
    const watchedLink = within(sidebar).getByRole('button', { name: /관심 임상시험/ })
    await waitFor(() => expect(watchedLink).toHaveTextContent('1'))
    await user.click(watchedLink)
    const table = await screen.findByRole('table', { name: '관심 임상시험' })
    expect(within(table).getByText('모집 전')).toHaveClass('pill', 'pill-not_yet_recruiting')
    expect(within(table).getByText('모집 전')).toHaveAttribute('title', '모집전')
  })

  it('keeps every status in its menu, with counts, while one is checked (disjunctive facets)', async () => {
    const { user } = await renderApp({ trials: registry(), settings: { defaultWithinDays: null } })
    await screen.findByText('1–8 / 8')
    const statusMenu = screen.getByText('모집 상태', { selector: 'summary' })
    await user.click(statusMenu)
    const menu = statusMenu.closest('details')!
    await user.click(within(menu).getByRole('checkbox', { name: /모집 중/ }))
    await screen.findByText('1–3 / 3')
    // 모집 전 is still offered, with the count it would add.
    const notYet = within(menu).getByRole('checkbox', { name: /모집 전/ })
    expect(notYet.closest('label')).toHaveTextContent('모집 전2')
    await user.click(notYet)
    await screen.findByText('1–5 / 5')
    // Across facets the filters combine: recruiting or not yet, at 세브란스병원.
    await user.click(screen.getByText('연구 실시기관', { selector: 'summary' }))
    await user.click(screen.getByRole('checkbox', { name: /세브란스병원/ }))
    await screen.findByText('1–2 / 2')
    for (const row of rows()) expect(row.textContent).toMatch(/당뇨병|고혈압/)
  })

  it('has a one-click "recruiting only" toggle that keeps not-yet and invitation-only trials', async () => {
    const { user } = await renderApp({ trials: registry(), settings: { defaultWithinDays: null } })
    await screen.findByText('1–8 / 8')
    await user.click(screen.getByRole('checkbox', { name: '모집 중만' }))
    await screen.findByText('1–6 / 6')
    expect(screen.queryByText('폐암 표적치료')).not.toBeInTheDocument()
    expect(screen.getByText('희귀질환 코호트')).toBeInTheDocument()
    expect(screen.getByRole('group', { name: '적용된 필터' })).toHaveTextContent('모집 중만')
  })

  it('says when the time window hides matches, and widens it in one click', async () => {
    const { user } = await renderApp({ trials: registry(), settings: { defaultWithinDays: 30 } })
    const widen = await screen.findByRole('button', { name: '전체 기간 8건 보기' })
    expect(widen.closest('.list-total')).toHaveTextContent('최근 30일 7건 · 전체 기간 8건 보기')
    await user.click(widen)
    await screen.findByText('1–8 / 8')
    expect(screen.getByRole('radio', { name: '전체' })).toHaveAttribute('aria-checked', 'true')
  })

  it('counts trials it cannot classify yet instead of silently leaving them out', async () => {
    const trials = [...registry(), cris({ n: 9, status: '', title: '상세 대기 중인 연구', detailsPending: true })]
    const { user } = await renderApp({ trials, settings: { defaultWithinDays: null } })
    await screen.findByText('1–9 / 9')
    await user.click(screen.getByRole('checkbox', { name: '모집 중만' }))
    await screen.findByText('1–6 / 6')
    expect(screen.getByRole('note')).toHaveTextContent('1건은 상세 정보를 아직 받지 않아 분류되지 않았습니다')
  })

  it('finds a Korean-only record by an English condition name and marks the match', async () => {
    const { user } = await renderApp({ trials: registry(), settings: { defaultWithinDays: null } })
    await screen.findByText('1–8 / 8')
    await user.type(screen.getByRole('searchbox', { name: '검색' }), 'diabetes')
    await screen.findByText('1–1 / 1', {}, { timeout: 3000 })
    const marks = [...rows()[0].querySelectorAll('mark')].map((m) => m.textContent)
    expect(marks.join(' ')).toMatch(/당뇨/)
  })

  it('names the hospital filtered by first in each row, the others behind "외 n곳"', async () => {
    const trials = [
      cris({
        n: 1,
        status: '모집중',
        title: '다기관 연구',
        sites: ['고려대학교안암병원', '세브란스병원', '서울대학교병원'],
      }),
    ]
    const { user } = await renderApp({ trials, settings: { defaultWithinDays: null } })
    const row = (await screen.findByText('다기관 연구')).closest('tr')!
    expect(row).toHaveTextContent('고려대학교안암병원 외 2곳') // the registry's order
    await user.click(screen.getByText('연구 실시기관', { selector: 'summary' }))
    await user.click(screen.getByRole('checkbox', { name: /서울대학교병원/ }))
    await waitFor(() =>
      expect(screen.getByText('다기관 연구').closest('tr')).toHaveTextContent('서울대학교병원 외 2곳'),
    )
  })

  it('a site filter written in another spelling (a saved search from the CLI) checks the hospital and names it first', async () => {
    const trials = [
      cris({ n: 1, status: '모집중', title: '다기관 연구', sites: ['고려대학교안암병원', '서울대학교병원'] }),
      cris({ n: 2, status: '모집중', title: '단일기관 연구', sites: ['세브란스병원'] }),
    ]
    const { user } = await renderApp({
      trials,
      settings: { defaultWithinDays: null, lastQuery: { fields: [{ name: 'site', value: '서울대병원' }] } },
    })
    await screen.findByText('1–1 / 1')
    expect(rowOf('다기관 연구')).toHaveTextContent('서울대학교병원 외 1곳')
    await user.click(screen.getByText('연구 실시기관', { selector: 'summary' }))
    const snuh = screen.getByRole('checkbox', { name: /서울대학교병원/ })
    expect(snuh).toBeChecked()
    await user.click(snuh)
    await screen.findByText('1–2 / 2')
    expect(screen.getByRole('checkbox', { name: /서울대학교병원/ })).not.toBeChecked()
  })

  it('lists a condition named in both languages in the reader’s language first', async () => {
    const trials = () => [
      cris({ n: 1, status: '모집중', title: '당뇨병 연구', condition: '당뇨병', conditionEn: 'Diabetes' }),
    ]
    const korean = await renderApp({ trials: trials(), settings: { defaultWithinDays: null } })
    await waitFor(() => expect(rowOf('당뇨병 연구')).toHaveTextContent('당뇨병, Diabetes'))
    korean.unmount()
    await renderApp({ trials: trials(), settings: { defaultWithinDays: null, language: 'en' } })
    await waitFor(() => expect(rowOf('당뇨병 연구')).toHaveTextContent('Diabetes, 당뇨병'))
  })

  it('offers a search box in the site menu', async () => {
    const many = Array.from({ length: 14 }, (_, i) =>
      cris({ n: 20 + i, status: '모집중', title: `연구 ${i}`, sites: [`병원${String(i).padStart(2, '0')}`] }),
    )
    const { user } = await renderApp({ trials: [...many, ...registry()], settings: { defaultWithinDays: null } })
    await screen.findByText(/\/ 22$/)
    await user.click(screen.getByText('연구 실시기관', { selector: 'summary' }))
    const box = screen.getByRole('searchbox', { name: '연구 실시기관 검색' })
    await user.type(box, '세브')
    const menu = box.closest('fieldset')!
    await waitFor(() => expect(within(menu).getAllByRole('checkbox')).toHaveLength(1))
    expect(within(menu).getByRole('checkbox', { name: /세브란스병원/ })).toBeInTheDocument()
  })
})

describe('the referral card', () => {
  it('leads the detail with what a referring clinician needs, and copies a plain-text summary', async () => {
    const { user } = await renderApp({ trials: registry(), settings: { defaultWithinDays: null } })
    await user.click((await screen.findByText('제2형 당뇨병 환자에서 신약의 효과')).closest('tr')!)
    const card = await screen.findByRole('region', { name: '의뢰 요약' })
    expect(within(card).getByText('모집 중')).toHaveClass('pill-recruiting')
    expect(card).toHaveTextContent('당뇨병')
    expect(card).toHaveTextContent('서울대학교병원')
    expect(card).toHaveTextContent('세브란스병원')
    expect(card).toHaveTextContent('19 세 ~ 50 세 · 남성')
    expect(card).toHaveTextContent('한수미')
    await user.click(within(card).getByRole('button', { name: '요약 복사' }))
    const text = await navigator.clipboard.readText()
    expect(text.split('\n')[0]).toBe('제2형 당뇨병 환자에서 신약의 효과')
    expect(text).toContain('KCT0000001')
    expect(text).toContain('모집 상태: 모집 중')
    expect(text).toContain('실시기관: 서울대학교병원, 세브란스병원')
    expect(text).toContain('연락처: 한수미')
    expect(text).toContain('https://trialsearch.who.int/Trial2.aspx?TrialID=KCT0000001')
    // Still "recruiting" with its end date (2011-09-30) long past: the card and the summary say to check first.
    expect(within(card).getByRole('note')).toHaveTextContent(
      '등록처 정보로는 모집 중이지만 종료일(2011년 9월 30일)이 지났습니다. 정보가 갱신되지 않았을 수 있으니 의뢰 전에 연구팀에 확인하세요.',
    )
    expect(text).toContain('종료일(2011년 9월 30일)이 지났습니다')
  })

  it('warns about a past end date only while the registry says patients can join, and leaves out what is missing', async () => {
    const closed = cris({ n: 6, status: '모집종료', title: '폐암 표적치료', sites: [] })
    const future = cris({ n: 4, status: '모집전', title: '치매 조기 진단' })
    future.fields = { ...future.fields, results_date_completed: `${NOW.getFullYear() + 2}-03-31` }
    const { user } = await renderApp({ trials: [closed, future], settings: { defaultWithinDays: null } })
    await user.click((await screen.findByText('폐암 표적치료')).closest('tr')!)
    let card = await screen.findByRole('region', { name: '의뢰 요약' })
    expect(within(card).queryByRole('note')).not.toBeInTheDocument()
    // No recruiting sites: no empty 실시기관 label.
    expect(within(card).queryByText('연구 실시기관')).not.toBeInTheDocument()
    await user.keyboard('{Escape}')
    await user.click((await screen.findByText('치매 조기 진단')).closest('tr')!)
    card = await screen.findByRole('region', { name: '의뢰 요약' })
    expect(card).toHaveTextContent(`종료 ${NOW.getFullYear() + 2}년 3월 31일`)
    expect(within(card).queryByRole('note')).not.toBeInTheDocument()
  })

  it('shows each registry field once and folds the empty ones away', async () => {
    // CRIS sends the sponsor both alone (list) and inside sponsor_items (detail), and some detail columns twice.
    const trial = cris({ n: 2, status: '모집중', title: '고혈압 환자 연구' })
    trial.fields = {
      ...trial.fields,
      primary_sponsor_kr: '동화약품(주)',
      'detail:study_type_kr': trial.fields.study_type_kr,
    }
    const { user } = await renderApp({ trials: [trial], settings: { defaultWithinDays: null } })
    await user.click((await screen.findByText('고혈압 환자 연구')).closest('tr')!)
    const fields = await screen.findByRole('region', { name: '등록 정보' })
    const topLevel = [...fields.querySelectorAll('.fields > .field-row > dt')].map((dt) => dt.getAttribute('title'))
    expect(topLevel).toContain('sponsor_items')
    expect(topLevel).toContain('study_type_kr')
    expect(topLevel).not.toContain('primary_sponsor_kr')
    expect(topLevel).not.toContain('detail:study_type_kr')
    expect(within(fields).queryByText('IRB 기관 주소(국문)')).not.toBeInTheDocument()
    const fold = within(fields).getByRole('button', { name: /빈 항목 \d+개 보기/ })
    await user.click(fold)
    expect(within(fields).getAllByText('(비어 있음)').length).toBeGreaterThan(3)
  })
})
