import { act, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { StoredTrial } from '../../electron/core/store/types'
import crisDetail from '../fixtures/cris/detail.json'
import { makeTrials, NOW, storedTrial } from './testTrials'
import { renderApp } from './renderApp'

function crisTrial(detailsPending: boolean, extraFields: Record<string, unknown> = {}): StoredTrial {
  return storedTrial({
    source: 'cris',
    sourceId: 'KCT0000131',
    fields: { ...extraFields, ...(crisDetail as unknown as Record<string, unknown>) },
    changedAt: new Date(NOW.getTime() - 30 * 60_000).toISOString(),
    detailsPending,
  })
}

describe('CRIS trials', () => {
  it('marks rows whose details are still pending', async () => {
    await renderApp({ trials: [crisTrial(true), ...makeTrials(2)] })
    const row = (await screen.findByText('KCT0000131')).closest('tr')!
    expect(within(row).getByText('상세 대기')).toHaveAttribute('title', expect.stringContaining('다음 동기화'))
    expect(within(row).getByText('CRIS')).toBeInTheDocument()
    const other = screen.getByText('C100001').closest('tr')!
    expect(within(other).queryByText('상세 대기')).not.toBeInTheDocument()
  })

  it('shows CRIS fields with readable labels, including item lists, in English too', async () => {
    const { user } = await renderApp({ trials: [crisTrial(false)], settings: { language: 'en' } })
    await user.click((await screen.findByText('KCT0000131')).closest('tr')!)
    const fields = await screen.findByRole('region', { name: 'Registered information' })
    expect(within(fields).getByText('Scientific title (Korean)')).toBeInTheDocument()
    expect(within(fields).getByText('Primary sponsor (Korean)')).toBeInTheDocument()
    expect(within(fields).getAllByText('Dongwha Pharmaceutical').length).toBeGreaterThan(0)
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(crisDetail.scientific_title_kr)
    // The attribution in the reader's language, the registry's own wording kept beside it.
    const attribution = screen.getByRole('region', { name: 'Source and licence' })
    expect(attribution).toHaveTextContent('Clinical Research Information Service (CRIS)')
    expect(attribution).toHaveTextContent('출처: 질병관리청 임상연구정보서비스(CRIS), 공공누리 제2유형')
  })

  it("lists the id, titles and status first, and labels the detail's intervention description", async () => {
    const trial = crisTrial(false, { 'detail:i_freetext_kr': '1군 : 시험약', zzz_new_column: 'x' })
    const { user } = await renderApp({ trials: [trial] })
    await user.click((await screen.findByText('KCT0000131')).closest('tr')!)
    const fields = await screen.findByRole('region', { name: '등록 정보' })
    const labels = within(fields)
      .getAllByRole('term')
      .map((dt) => dt.textContent)
    expect(labels.slice(0, 3)).toEqual(['등록번호', '연구제목(국문)', '연구제목(영문)'])
    expect(labels).toContain('중재 내용(국문)')
    expect(labels.at(-1)).toBe('zzz_new_column')
  })
})

describe('cancel', () => {
  it('says the sync was cancelled, not that it succeeded or failed', async () => {
    const { backend, user } = await renderApp({ trials: [] })
    backend.api.startSync = async () => ({
      ok: true,
      data: [{ ...backend.logEntry(false, { code: 'CANCELLED', message: '' }) }],
    })
    await user.click(screen.getByRole('button', { name: '지금 동기화' }))
    const area = screen.getByRole('region', { name: '동기화 상태' })
    expect(await within(area).findByText('동기화를 취소했습니다. 저장된 데이터는 그대로입니다.')).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    act(() => backend.emit('sync:finished', { entries: [] }))
    expect(within(area).getByText('아직 동기화하지 않음')).toBeInTheDocument()
  })
})

describe('facet menus', () => {
  it('close with Esc, back on their button', async () => {
    const { user } = await renderApp({ settings: { defaultWithinDays: null } })
    await screen.findByText('1–20 / 34')
    const summary = screen.getByText('진료과', { selector: 'summary' })
    await user.click(summary)
    const option = screen.getByRole('checkbox', { name: /종양내과/ })
    option.focus()
    await user.keyboard('{Escape}')
    expect(summary.closest('details')).not.toHaveAttribute('open')
    expect(summary).toHaveFocus()
  })
})
