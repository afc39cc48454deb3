import { act, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp } from './renderApp'

describe('detail view and keyboard', () => {
  it('moves with the arrows, opens with Enter, and returns with Esc to the same row', async () => {
    const { user } = await renderApp({ settings: { defaultWithinDays: null } })
    const firstRow = (await screen.findByText('임상시험 과제 001')).closest('tr')!
    firstRow.focus()
    await user.keyboard('{ArrowDown}{ArrowDown}')
    const third = screen.getByText('임상시험 과제 003').closest('tr')!
    expect(third).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(await screen.findByRole('heading', { level: 1, name: '임상시험 과제 003' })).toBeInTheDocument()
    await user.keyboard('{Escape}')
    const again = (await screen.findByText('임상시험 과제 003')).closest('tr')!
    expect(again).toHaveFocus()
    expect(again).toHaveAttribute('aria-selected', 'true')
  })

  it('after returning with Esc, later list updates leave focus where the user put it', async () => {
    const { user, backend } = await renderApp({ settings: { defaultWithinDays: null } })
    await user.click((await screen.findByText('임상시험 과제 003')).closest('tr')!)
    await screen.findByRole('heading', { level: 1, name: '임상시험 과제 003' })
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.getByText('임상시험 과제 003').closest('tr')).toHaveFocus())
    // Only the return itself moved focus: typing a search (the list updates as it goes) stays in the box.
    await user.keyboard('/')
    const search = screen.getByRole('searchbox', { name: '검색' })
    await user.keyboard('Oncology')
    await screen.findByText('1–11 / 11', {}, { timeout: 2000 })
    expect(search).toHaveFocus()
    await user.keyboard(' 01')
    await screen.findByText('1–3 / 3', {}, { timeout: 2000 })
    expect(search).toHaveFocus()
    // A sync finishing elsewhere reloads the list without taking focus either.
    act(() => backend.emit('sync:finished', { entries: [] }))
    await waitFor(() => expect(backend.calls.filter((c) => c.name === 'listTrials').length).toBeGreaterThan(3))
    expect(search).toHaveFocus()
  }, 20_000)

  it('keeps the page when returning from a trial', async () => {
    const { user } = await renderApp({ settings: { defaultWithinDays: null } })
    await screen.findByText('1–20 / 34')
    await user.click(screen.getByRole('button', { name: '2 페이지' }))
    await screen.findByText('21–34 / 34')
    const row = screen.getAllByRole('row')[3]
    await user.click(row)
    await screen.findByRole('button', { name: '← 목록으로 (Esc)' })
    await user.click(screen.getByRole('button', { name: '← 목록으로 (Esc)' }))
    expect(await screen.findByText('21–34 / 34')).toBeInTheDocument()
    expect(screen.getAllByRole('row')[3]).toHaveFocus()
  })

  it('labels known fields, keeps unknown names raw, and shows the change history newest first', async () => {
    const { user, backend } = await renderApp({ settings: { defaultWithinDays: null } })
    await user.click((await screen.findByText('임상시험 과제 002')).closest('tr')!)
    await screen.findByRole('heading', { level: 1, name: '임상시험 과제 002' })
    // Trial 002 is an Oncology trial: the card gives the department in Korean, the registry keeps its English.
    const card = screen.getByRole('region', { name: '의뢰 요약' })
    expect(within(card).getByText('종양내과')).toHaveAttribute('title', 'Oncology')
    const fields = screen.getByRole('region', { name: '등록 정보' })
    expect(within(fields).getByText('Oncology')).toBeInTheDocument()
    expect(within(fields).getByText('전체 목표 연구대상자 수')).toBeInTheDocument()
    expect(within(fields).getByText('custom_column')).toBeInTheDocument()

    const history = screen.getByRole('region', { name: '변경 이력' })
    const entries = within(history)
      .getAllByRole('listitem')
      .filter((li) => li.classList.contains('timeline-entry'))
    expect(entries[0]).toHaveTextContent('변경')
    expect(entries[1]).toHaveTextContent('처음 등록')
    // short values: old → new
    const values = entries[0].querySelector('.change-values')!
    expect(values.querySelector('del')).toHaveTextContent('100')
    expect(values.querySelector('ins')).toHaveTextContent('120')
    expect(values).toHaveTextContent('100→120')
    // long text: only the changed word is marked
    const diff = entries[0].querySelector('.change-diff')!
    expect(diff.querySelector('del')).toHaveTextContent('장기')
    expect(diff.querySelector('ins')).toHaveTextContent('단기')

    const attribution = screen.getByRole('region', { name: '출처 및 이용 조건' })
    expect(attribution).toHaveTextContent('공공누리 제1유형')
    await user.click(within(attribution).getByRole('button', { name: /출처 사이트 열기/ }))
    expect(backend.calls.find((c) => c.name === 'openExternal')?.args).toEqual([
      'https://www.data.go.kr/data/3074271/fileData.do',
    ])
  })
})
