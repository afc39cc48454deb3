import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { NOTE_MAX_CHARS } from '../../shared/following'
import { App } from '../../renderer/src/App'
import { NOTE_MAX } from '../../renderer/src/following/NoteEditor'
import { installTestApi } from './coreBackedApi'
import { NOW } from './testTrials'

const HOUR = 3600_000
/** The app with the user's earlier actions stamped `hoursAgo` before the test data's NOW (so later changes are unseen). */
async function renderFollowing(
  prepare?: (backend: ReturnType<typeof installTestApi>) => Promise<void>,
  hoursAgo = 3.5,
) {
  const backend = installTestApi({ settings: { defaultWithinDays: 7 } })
  backend.setUserClock(NOW.getTime() - hoursAgo * HOUR)
  await (await backend.following).markSeen('list')
  await prepare?.(backend)
  // Whatever the user does from now on happens "now".
  backend.setUserClock(null)
  const user = userEvent.setup()
  render(<App />)
  await screen.findByRole('navigation', { name: '관심 항목' })
  await screen.findByText('임상시험 과제 001')
  return { backend, user }
}

const sidebar = () => screen.getByRole('navigation', { name: '관심 항목' })

describe('following in the app', { timeout: 30_000 }, () => {
  it('the sidebar lists saved searches with their counts and badges; opening one applies it and marks it seen', async () => {
    const { user } = await renderFollowing(async (backend) => {
      const f = await backend.following
      await f.addSavedSearch({
        name: '종양내과',
        query: { withinDays: 7, fields: [{ name: 'department', value: 'Oncology' }] },
      })
    }, 5.5)
    const item = await within(sidebar()).findByRole('button', { name: /^종양내과/ })
    // 15 Oncology trials within 7 days minus the removed ones; 2 changed since it was saved (trials 2 and 5).
    const badge = await within(item).findByText('2')
    expect(badge).toHaveAttribute('aria-label', '마지막으로 본 뒤 2건 변경')
    // Both numbers say on hover what they count.
    expect(badge).toHaveAttribute('title', '마지막으로 본 뒤 2건 변경')
    expect(item.querySelector('.following-count')).toHaveAttribute('title', expect.stringMatching(/^\d+건$/))
    await user.click(item)
    expect(await screen.findByRole('heading', { level: 1, name: '관심 검색: 종양내과' })).toBeInTheDocument()
    await waitFor(() => expect(screen.queryByText('임상시험 과제 001')).not.toBeInTheDocument())
    // Its unseen rows stay marked while it is open; the badge is gone.
    const row2 = screen.getByText('임상시험 과제 002').closest('tr')!
    expect(row2).toHaveClass('is-unseen')
    expect(screen.getByText('임상시험 과제 011').closest('tr')).not.toHaveClass('is-unseen')
    await waitFor(() => expect(within(sidebar()).queryByLabelText(/건 변경/)).not.toBeInTheDocument())
    await user.click(screen.getByRole('button', { name: /모두 확인함/ }))
    await waitFor(() => expect(screen.getByText('임상시험 과제 002').closest('tr')).not.toHaveClass('is-unseen'))
  })

  it('saves the current search under a name, refuses a duplicate with a clear message, renames and deletes', async () => {
    const { user } = await renderFollowing()
    await user.click(within(sidebar()).getByRole('button', { name: /현재 검색 저장/ }))
    await user.type(within(sidebar()).getByRole('textbox', { name: '관심 검색 이름' }), '최근 일주일{Enter}')
    expect(await within(sidebar()).findByRole('button', { name: /^최근 일주일/ })).toBeInTheDocument()
    await user.click(within(sidebar()).getByRole('button', { name: /현재 검색 저장/ }))
    await user.type(within(sidebar()).getByRole('textbox', { name: '관심 검색 이름' }), '최근 일주일{Enter}')
    expect(await within(sidebar()).findByRole('alert')).toHaveTextContent(
      "'최근 일주일' 이름의 관심 검색이 이미 있습니다",
    )
    await user.keyboard('{Escape}')
    await user.click(within(sidebar()).getByRole('button', { name: "'최근 일주일' 메뉴" }))
    await user.click(within(sidebar()).getByRole('button', { name: '이름 바꾸기' }))
    const input = within(sidebar()).getByRole('textbox', { name: '이름 바꾸기' })
    await user.clear(input)
    await user.type(input, '이번 주{Enter}')
    expect(await within(sidebar()).findByRole('button', { name: /^이번 주/ })).toBeInTheDocument()
    await user.click(within(sidebar()).getByRole('button', { name: "'이번 주' 메뉴" }))
    await user.click(within(sidebar()).getByRole('button', { name: '삭제' }))
    await user.click(within(sidebar()).getByRole('button', { name: "'이번 주' 삭제 확인" }))
    await waitFor(() => expect(within(sidebar()).queryByRole('button', { name: /^이번 주/ })).not.toBeInTheDocument())
  })

  it('marks rows changed since the list was last seen; "모두 확인함" clears the marks', async () => {
    const { user } = await renderFollowing()
    await waitFor(() => expect(screen.getByText('임상시험 과제 001').closest('tr')).toHaveClass('is-unseen'))
    expect(screen.getByText('임상시험 과제 003').closest('tr')).toHaveClass('is-unseen')
    expect(screen.getByText('임상시험 과제 005').closest('tr')).not.toHaveClass('is-unseen')
    expect(screen.getAllByTitle('마지막으로 본 뒤 변경됨')).toHaveLength(3)
    await user.click(screen.getByRole('button', { name: /모두 확인함/ }))
    await waitFor(() => expect(screen.queryAllByTitle('마지막으로 본 뒤 변경됨')).toHaveLength(0))
  })

  it('stars with the s key and the ☆ button; the watched view lists starred trials with their latest change', async () => {
    const { user } = await renderFollowing()
    const row = screen.getByText('임상시험 과제 002').closest('tr')!
    row.focus()
    await user.keyboard('s')
    await waitFor(() =>
      expect(
        within(screen.getByText('임상시험 과제 002').closest('tr')!).getByRole('button', {
          name: /관심 임상시험에서 빼기/,
        }),
      ).toHaveAttribute('aria-pressed', 'true'),
    )
    await user.click(
      within(screen.getByText('임상시험 과제 006').closest('tr')!).getByRole('button', {
        name: /관심 임상시험에 추가/,
      }),
    )
    const watchedLink = within(sidebar()).getByRole('button', { name: /관심 임상시험/ })
    await waitFor(() => expect(watchedLink).toHaveTextContent('2'))
    await user.click(watchedLink)
    expect(await screen.findByRole('heading', { level: 1, name: '관심 임상시험' })).toBeInTheDocument()
    const table = screen.getByRole('table', { name: '관심 임상시험' })
    expect(within(table).getAllByRole('row')).toHaveLength(3)
    expect(within(table).getByText('임상시험 과제 002')).toBeInTheDocument()
    // The latest change: when, what kind, which fields.
    expect(within(table).getAllByText(/· 변경/)).toHaveLength(2)
  })

  it('edits a private note in the detail (at most 10,000 characters); the list search finds it', async () => {
    const { user } = await renderFollowing()
    expect(NOTE_MAX).toBe(NOTE_MAX_CHARS)
    await user.click((await screen.findByText('임상시험 과제 005')).closest('tr')!)
    const note = await screen.findByRole('textbox', { name: '내 메모' })
    expect(note).toHaveAttribute('maxLength', '10000')
    await user.type(note, '박○○ 환자 의뢰')
    await user.click(screen.getByRole('button', { name: '메모 저장' }))
    expect(await screen.findByText('저장됨')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: /관심 임상시험에 추가/ }))
    await waitFor(() => expect(screen.getByRole('button', { name: /관심 임상시험에서 빼기/ })).toBeInTheDocument())
    await user.keyboard('{Escape}')
    await user.keyboard('/')
    await user.keyboard('의뢰')
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(2))
    expect(await screen.findByText('임상시험 과제 005')).toBeInTheDocument()
  })

  it('a notification click on a saved search opens it', async () => {
    const { backend } = await renderFollowing(async (b) => {
      await (
        await b.following
      ).addSavedSearch({ name: '신경과', query: { fields: [{ name: 'department', value: 'Neurology' }] } })
    })
    act(() => backend.emit('app:navigate', { screen: 'saved', savedSearch: '신경과' }))
    expect(await screen.findByRole('heading', { level: 1, name: '관심 검색: 신경과' })).toBeInTheDocument()
  })
})
