import { act, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp } from './renderApp'
import { makeTrials } from './testTrials'

const rows = () => screen.getAllByRole('row').slice(1) // minus the header row

describe('list screen', () => {
  it('shows rows with title, English title, id, department and a change badge', async () => {
    await renderApp({ settings: { defaultWithinDays: null } })
    const first = (await screen.findByText('임상시험 과제 001')).closest('tr')!
    expect(within(first).getByText('Clinical project 001')).toBeInTheDocument()
    expect(within(first).getByText('C100001')).toBeInTheDocument()
    // iCReaT's English department, by its Korean name (the registry's wording on hover).
    expect(within(first).getByText('순환기내과').closest('td')).toHaveAttribute('title', '순환기내과 (Cardiology)')
    expect(within(first).getByText('신규')).toHaveClass('badge-new')
    const second = screen.getByText('임상시험 과제 002').closest('tr')!
    expect(within(second).getByText('변경')).toHaveClass('badge-updated')
    expect(within(first).getByText('1시간 전').closest('time')).toHaveAttribute('title')
  })

  it('is a page with its own heading and count', async () => {
    await renderApp({ settings: { defaultWithinDays: null, language: 'en' } })
    expect(await screen.findByRole('heading', { level: 1, name: 'Recently updated trials' })).toBeInTheDocument()
    expect(await screen.findByText('34 trials')).toBeInTheDocument()
    // In English, the department as the registry wrote it.
    expect(within(screen.getByText('임상시험 과제 001').closest('tr')!).getByText('Cardiology')).toBeInTheDocument()
  })

  it('pages through results with a range text, page numbers and next/previous', async () => {
    const { user } = await renderApp({ settings: { defaultWithinDays: null }, trials: makeTrials(60) })
    // 60 trials, every 4th removed (hidden by default): 45 listed
    expect(await screen.findByText('1–20 / 45')).toBeInTheDocument()
    expect(rows()).toHaveLength(20)
    await user.click(screen.getByRole('button', { name: '2 페이지' }))
    expect(await screen.findByText('21–40 / 45')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '2 페이지' })).toHaveAttribute('aria-current', 'page')
    await user.click(screen.getByRole('button', { name: '다음' }))
    expect(await screen.findByText('41–45 / 45')).toBeInTheDocument()
    expect(rows()).toHaveLength(5)
    expect(screen.getByRole('button', { name: '다음' })).toBeDisabled()
    await user.selectOptions(screen.getByRole('combobox', { name: '페이지당' }), '50')
    expect(await screen.findByText('1–45 / 45')).toBeInTheDocument()
  })

  it('filters by a facet value with its count, shows a chip, and clears all', async () => {
    const { user, backend } = await renderApp({ settings: { defaultWithinDays: null } })
    await screen.findByText('1–20 / 34')
    await user.click(screen.getByText('진료과', { selector: 'summary' }))
    const cardiology = screen.getByRole('checkbox', { name: /순환기내과/ })
    expect(cardiology.closest('label')).toHaveTextContent('순환기내과11')
    expect(cardiology.closest('label')).toHaveAttribute('title', '순환기내과 · Cardiology') // the registry's wording
    await user.click(cardiology)
    expect(await screen.findByText('1–11 / 11')).toBeInTheDocument()
    for (const row of rows()) expect(row).toHaveTextContent('순환기내과')
    expect(screen.getByRole('group', { name: '적용된 필터' })).toHaveTextContent('진료과: 순환기내과')
    expect(backend.calls.filter((c) => c.name === 'listTrials').at(-1)?.args[0]).toMatchObject({
      fields: [{ name: 'department', value: 'Cardiology' }],
      offset: 0,
    })
    await user.click(screen.getByRole('button', { name: '필터 모두 지우기' }))
    expect(await screen.findByText('1–20 / 34')).toBeInTheDocument()
  })

  it('includes removed trials only when asked', async () => {
    const { user } = await renderApp({ settings: { defaultWithinDays: null } })
    await screen.findByText('1–20 / 34')
    expect(screen.queryByText('삭제', { selector: '.badge' })).not.toBeInTheDocument()
    await user.click(screen.getByRole('checkbox', { name: '삭제된 항목 표시' }))
    expect(await screen.findByText('1–20 / 45')).toBeInTheDocument()
    expect(screen.getAllByText('삭제', { selector: '.badge' }).length).toBeGreaterThan(0)
  })

  it('limits the list to the chosen time window', async () => {
    const { user } = await renderApp({ settings: { defaultWithinDays: 1 } })
    // trials changed 1..45 hours ago: 24 within a day, 6 of them removed
    expect(await screen.findByText('1–18 / 18')).toBeInTheDocument()
    await user.click(screen.getByRole('radio', { name: '전체' }))
    expect(await screen.findByText('1–20 / 34')).toBeInTheDocument()
  })

  it('moves the time window with the arrow keys, as one Tab stop', async () => {
    const { user } = await renderApp({ settings: { defaultWithinDays: 1 } })
    expect(await screen.findByText('1–18 / 18')).toBeInTheDocument()
    const group = screen.getByRole('radiogroup', { name: '변경 기간' })
    const tabStops = within(group)
      .getAllByRole('radio')
      .filter((r) => r.tabIndex === 0)
    expect(tabStops.map((r) => r.textContent)).toEqual(['1일'])
    tabStops[0].focus()
    await user.keyboard('{ArrowRight}')
    expect(within(group).getByRole('radio', { name: '7일' })).toHaveAttribute('aria-checked', 'true')
    expect(within(group).getByRole('radio', { name: '7일' })).toHaveFocus()
    expect(await screen.findByText('1–20 / 34')).toBeInTheDocument()
    await user.keyboard('{End}')
    expect(within(group).getByRole('radio', { name: '전체' })).toHaveAttribute('aria-checked', 'true')
  })

  it("searches after typing stops, and '/' focuses the search box", async () => {
    const { user } = await renderApp({ settings: { defaultWithinDays: null } })
    await screen.findByText('1–20 / 34')
    await user.keyboard('/')
    const search = screen.getByRole('searchbox', { name: '검색' })
    expect(search).toHaveFocus()
    await user.keyboard('과제 01')
    // Every word anywhere in the record, as the core searches: 과제 010-019 and C100001 (the id), removed ones hidden.
    expect(await screen.findByText('1–9 / 9', {}, { timeout: 2000 })).toBeInTheDocument()
    expect(screen.getByRole('group', { name: '적용된 필터' })).toHaveTextContent('검색: 과제 01')
  })

  it('explains the service key and the first sync when nothing is stored yet', async () => {
    const { user } = await renderApp({ trials: [], key: null })
    expect(await screen.findByRole('heading', { name: '아직 저장된 임상시험이 없습니다' })).toBeInTheDocument()
    expect(screen.getByText(/서비스 키를 설정에 입력한 뒤 첫 동기화/)).toBeInTheDocument()
    // Nothing to filter or export yet: only the explanation and its buttons.
    expect(screen.queryByText('진료과', { selector: 'summary' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'CSV 내보내기' })).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: '서비스 키 설정하기' }))
    expect(await screen.findByRole('heading', { name: '설정' })).toBeInTheDocument()
  })

  it('offers to clear filters when nothing matches', async () => {
    const { user } = await renderApp({
      settings: { defaultWithinDays: null, lastQuery: { withinDays: null, q: 'zzz-no-match' } },
    })
    expect(await screen.findByRole('heading', { name: '조건에 맞는 임상시험이 없습니다' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: '필터 지우기' }))
    expect(await screen.findByText('1–20 / 34')).toBeInTheDocument()
  })

  it('saves the last query and restores it on the next start', async () => {
    const first = await renderApp({ settings: { defaultWithinDays: null } })
    await screen.findByText('1–20 / 34')
    await first.user.selectOptions(screen.getByRole('combobox', { name: '페이지당' }), '10')
    await waitFor(() => expect(first.backend.settings.lastQuery).toMatchObject({ limit: 10 }), { timeout: 2000 })
    const saved = first.backend.settings
    first.unmount()

    await renderApp({ settings: saved })
    expect(await screen.findByText('1–10 / 34')).toBeInTheDocument()
  })

  it('shows an offline banner and keeps the data browsable', async () => {
    const { backend } = await renderApp({ settings: { defaultWithinDays: null } })
    await screen.findByText('1–20 / 34')
    act(() => backend.emit('net:online', { online: false }))
    expect(await screen.findByText(/오프라인입니다/)).toBeInTheDocument()
    expect(rows()).toHaveLength(20)
  })

  it('exports the filtered list (all pages) in the UI language', async () => {
    const { user, backend } = await renderApp({ settings: { defaultWithinDays: null } })
    await screen.findByText('1–20 / 34')
    await user.click(screen.getByRole('button', { name: 'CSV 내보내기' }))
    expect(await screen.findByText('34건을 저장했습니다: /home/user/trials.csv')).toBeInTheDocument()
    const request = backend.calls.find((c) => c.name === 'exportCsv')!.args[0] as { query: object; language: string }
    expect(request.language).toBe('ko')
    expect(request.query).not.toHaveProperty('limit')
    expect(request.query).not.toHaveProperty('offset')
    await user.click(screen.getByRole('button', { name: '폴더 열기' }))
    expect(backend.calls.find((c) => c.name === 'showExportedFile')?.args).toEqual(['/home/user/trials.csv'])
    // The message described the list as it was: a filter change takes it away.
    await user.click(screen.getByRole('checkbox', { name: '삭제된 항목 표시' }))
    await waitFor(() => expect(screen.queryByText(/건을 저장했습니다/)).not.toBeInTheDocument())
  })
})
