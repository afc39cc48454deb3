import { act, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp } from './renderApp'

const statusArea = () => screen.getByRole('region', { name: '동기화 상태' })

describe('sync status area', () => {
  it('says when nothing was ever synced', async () => {
    await renderApp({ trials: [] })
    expect(await within(statusArea()).findByText('아직 동기화하지 않음')).toBeInTheDocument()
  })

  it('shows the last successful sync, with the exact time on hover', async () => {
    await renderApp()
    const time = await within(statusArea()).findByText('2시간 전')
    expect(statusArea()).toHaveTextContent('동기화됨 · 2시간 전')
    expect(time.closest('time')!.getAttribute('title')).toMatch(/\d{4}/)
  })

  it('shows progress with n / N and the source while syncing, and a cancel button', async () => {
    const { backend, user } = await renderApp()
    const release = backend.holdNextSync()
    await user.click(within(statusArea()).getByRole('button', { name: '지금 동기화' }))
    act(() => backend.emit('sync:progress', { source: 'icreat', phase: 'list', done: 40, total: 145 }))
    expect(await within(statusArea()).findByText('iCReaT · 목록 40 / 145')).toBeInTheDocument()
    const bar = within(statusArea()).getByRole('progressbar', { name: '동기화 진행률' })
    expect(bar).toHaveAttribute('value', '40')
    expect(bar).toHaveAttribute('max', '145')
    // While it runs, the button stops it instead of offering a second sync.
    expect(within(statusArea()).queryByRole('button', { name: '지금 동기화' })).not.toBeInTheDocument()
    await user.click(within(statusArea()).getByRole('button', { name: '동기화 취소' }))
    expect(backend.calls.some((c) => c.name === 'cancelSync')).toBe(true)
    await act(async () => release())
    expect(await within(statusArea()).findByText(/동기화됨/)).toBeInTheDocument()
    expect(within(statusArea()).queryByRole('progressbar')).not.toBeInTheDocument()
  })

  it('reports a rejected key in plain words with the next step, never as success', async () => {
    const { backend, user } = await renderApp()
    backend.failNextSync({ code: 'AUTH', message: 'SERVICE KEY IS NOT REGISTERED' })
    await user.click(within(statusArea()).getByRole('button', { name: '지금 동기화' }))
    expect(await within(statusArea()).findByText('동기화 실패')).toBeInTheDocument()
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent('iCReaT: 서비스 키가 거부되었습니다. 설정에서 키를 확인하고')
    expect(statusArea()).not.toHaveTextContent('동기화됨')
    expect(statusArea()).toHaveTextContent('마지막 성공 2시간 전')
    await user.click(within(alert).getByRole('button', { name: '설정' }))
    expect(await screen.findByRole('heading', { name: '설정' })).toBeInTheDocument()
  })

  it('reports a failure that arrives as an error envelope (no key)', async () => {
    const { backend, user } = await renderApp({ key: null })
    backend.api.startSync = async () => ({ ok: false, error: { code: 'NO_KEY', message: 'x' } })
    await user.click(within(statusArea()).getByRole('button', { name: '지금 동기화' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '서비스 키가 없습니다. 설정에서 data.go.kr 서비스 키를 입력하세요.',
    )
    expect(statusArea()).toHaveTextContent('동기화 실패')
  })

  it('shows a failure stored from an earlier (scheduled) sync after a restart', async () => {
    await renderApp({
      sourceStatus: {
        lastError: { code: 'QUOTA', message: '' },
        lastAttemptAt: new Date().toISOString(),
      },
    })
    expect(await within(statusArea()).findByText('동기화 실패')).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent('호출 횟수를 모두 썼습니다')
  })

  it('after a successful run here, a scheduled run that fails as a whole is not left showing success', async () => {
    const { backend, user } = await renderApp()
    await user.click(within(statusArea()).getByRole('button', { name: '지금 동기화' }))
    await within(statusArea()).findByText(/동기화됨/)
    backend.setSourceStatus({
      lastError: { code: 'NETWORK', message: '' },
      lastAttemptAt: new Date(Date.now() + 1000).toISOString(),
    })
    act(() => backend.emit('sync:finished', { entries: [] }))
    expect(await within(statusArea()).findByText('동기화 실패')).toBeInTheDocument()
    expect(statusArea()).not.toHaveTextContent('동기화됨')
    expect(screen.getByRole('alert')).toHaveTextContent('인터넷에 연결할 수 없습니다')
  })

  it('shows why a run started elsewhere (the menu, the schedule) was refused as a whole', async () => {
    const { backend } = await renderApp({ key: null })
    await within(statusArea()).findByText(/동기화됨/)
    act(() => backend.emit('sync:finished', { entries: [], error: { code: 'NO_KEY', message: 'x' } }))
    expect(await within(statusArea()).findByText('동기화 실패')).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent('서비스 키가 없습니다')
  })

  it('keeps a whole-run failure from its own Sync now when the finished event comes after the reply', async () => {
    const { backend, user } = await renderApp({ key: null })
    backend.api.startSync = async () => ({ ok: false, error: { code: 'NO_KEY', message: 'x' } })
    await user.click(within(statusArea()).getByRole('button', { name: '지금 동기화' }))
    await within(statusArea()).findByText('동기화 실패')
    act(() => backend.emit('sync:finished', { entries: [] }))
    await act(async () => undefined)
    expect(statusArea()).toHaveTextContent('동기화 실패')
    expect(screen.getByRole('alert')).toHaveTextContent('서비스 키가 없습니다')
  })

  it('lists past runs and filters them by failure', async () => {
    const { backend, user } = await renderApp()
    backend.failNextSync({ code: 'SERVER', message: '' })
    await user.click(within(statusArea()).getByRole('button', { name: '지금 동기화' }))
    await within(statusArea()).findByText('동기화 실패')
    await user.click(screen.getByRole('button', { name: '동기화 기록' }))
    const table = await screen.findByRole('table')
    expect(within(table).getByText('실패')).toBeInTheDocument()
    // A run that fetched nothing shows no counts rather than "0 / 0 / 0 / 0" (which would read as "nothing changed").
    expect(within(table).getByText('실패').closest('tr')).toHaveTextContent('—')
    expect(within(table).getByText('실패').closest('tr')).not.toHaveTextContent('0 / 0')
    expect(table).toHaveTextContent('공공데이터 서버에 문제가 있습니다')
    await user.click(screen.getByRole('radio', { name: '성공만' }))
    expect(await screen.findByText('조건에 맞는 동기화 기록이 없습니다.')).toBeInTheDocument()
  })

  it('switches screens on app:navigate and shows the store:recovered banner', async () => {
    const { backend } = await renderApp()
    act(() => backend.emit('app:navigate', { screen: 'log' }))
    expect(await screen.findByRole('heading', { name: '동기화 기록' })).toBeInTheDocument()
    act(() => backend.emit('store:recovered', { message: 'recovered', corruptPath: '/data/trials.json.corrupt-1' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('/data/trials.json.corrupt-1')
  })

  it('says so when a missing store file was restored from its previous copy', async () => {
    const { backend } = await renderApp()
    act(() => backend.emit('store:recovered', { message: 'missing', corruptPath: '' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('저장소 파일이 없어져 직전 사본으로 복구했습니다')
  })
})
