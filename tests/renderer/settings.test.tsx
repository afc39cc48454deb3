import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp } from './renderApp'

async function openSettings(user: Awaited<ReturnType<typeof renderApp>>['user']) {
  await user.click(screen.getByRole('button', { name: '설정' }))
  await screen.findByRole('heading', { name: '설정' })
}

describe('settings', () => {
  it('shows the key masked to its last 4 characters, never in full', async () => {
    const { user } = await renderApp({ key: 'SECRET-KEY-abcdef1234' })
    await openSettings(user)
    expect(await screen.findByText('설정된 키: ••••1234')).toBeInTheDocument()
    expect(document.body.textContent).not.toContain('SECRET-KEY')
  })

  it('saves a pasted key, clears the input, and tests the connection', async () => {
    const { user, backend } = await renderApp({ key: null })
    await openSettings(user)
    expect(await screen.findByText('설정된 키가 없습니다.')).toBeInTheDocument()
    const input = screen.getByLabelText('서비스 키 붙여넣기')
    expect(input).toHaveAttribute('type', 'password')
    await user.click(input)
    await user.paste('NEW-KEY-zyxw9876')
    await user.click(screen.getByRole('button', { name: '키 저장' }))
    expect(await screen.findByText('설정된 키: ••••9876')).toBeInTheDocument()
    expect(input).toHaveValue('')
    expect(backend.calls.find((c) => c.name === 'setServiceKey')?.args).toEqual(['NEW-KEY-zyxw9876'])
    await user.click(screen.getByRole('button', { name: '연결 테스트' }))
    expect(await screen.findByText('연결되었습니다. iCReaT에 145건이 있습니다.')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: '키 지우기' }))
    expect(await screen.findByText('설정된 키가 없습니다.')).toBeInTheDocument()
  })

  it('tests the key per source, so a key approved for one dataset only says which one fails', async () => {
    const { user, backend } = await renderApp({ key: 'SECRET-KEY-abcdef1234' })
    backend.api.testServiceKey = async () => ({
      ok: true,
      data: {
        ok: false,
        error: { code: 'AUTH', message: '' },
        sources: [
          { source: 'icreat', ok: true, totalCount: 145 },
          { source: 'cris', ok: false, error: { code: 'AUTH', message: '' } },
        ],
      },
    })
    await openSettings(user)
    await user.click(screen.getByRole('button', { name: '연결 테스트' }))
    expect(await screen.findByTestId('key-test-icreat')).toHaveTextContent('iCReaT: 연결됨 (145건)')
    expect(screen.getByTestId('key-test-cris')).toHaveTextContent('CRIS: 서비스 키가 거부되었습니다')
  })

  it('changes schedule, default window and page size through updateSettings', async () => {
    const { user, backend } = await renderApp()
    await openSettings(user)
    await user.click(screen.getByRole('checkbox', { name: '매일 자동으로 동기화' }))
    expect(backend.settings.schedule.enabled).toBe(false)
    await user.selectOptions(screen.getByRole('combobox', { name: '기본 변경 기간' }), '30')
    expect(backend.settings.defaultWithinDays).toBe(30)
    await user.selectOptions(screen.getByRole('combobox', { name: '페이지당 행 수' }), '50')
    expect(backend.settings.pageSize).toBe(50)
    const budget = screen.getByRole('combobox', { name: 'CRIS 상세 정보: 동기화당 최대 호출 수' })
    expect(budget).toHaveValue('2000')
    await user.selectOptions(budget, '5000')
    expect(backend.settings.crisDetailBudget).toBe(5000)
    await user.click(screen.getByRole('checkbox', { name: 'CRIS 동기화' }))
    expect(backend.settings.sources.cris.enabled).toBe(false)
    expect(budget).toBeDisabled()
  })

  it('lists ClinicalTrials.gov enabled by default with no key needed; the preferred registry and a full resync', async () => {
    const { user, backend } = await renderApp()
    await openSettings(user)
    const ctgov = screen.getByRole('checkbox', { name: /ClinicalTrials\.gov 동기화/ })
    expect(ctgov).toBeChecked()
    expect(ctgov.closest('label')).toHaveTextContent('키 필요 없음')
    expect(screen.getByRole('checkbox', { name: 'CRIS 동기화' }).closest('label')).not.toHaveTextContent('키 필요 없음')
    const preferred = screen.getByRole('combobox', { name: '여러 곳에 등록된 임상시험의 대표 등록' })
    expect(preferred).toHaveValue('cris')
    await user.selectOptions(preferred, 'ctgov')
    expect(backend.settings.preferredRegistry).toBe('ctgov')
    await user.click(screen.getByRole('button', { name: 'ClinicalTrials.gov 전체 다시 받기' }))
    expect(backend.calls.find((c) => c.name === 'startSync')?.args).toEqual([{ sources: ['ctgov'], fullResync: true }])
  })

  it('says when the next automatic sync is due, and not when the schedule is off', async () => {
    const { user } = await renderApp({ nextScheduledAt: new Date(Date.now() + 3 * 3600_000 + 60_000).toISOString() })
    await openSettings(user)
    expect(await screen.findByText(/다음 자동 동기화/)).toHaveTextContent('다음 자동 동기화 3시간 후')
    await user.click(screen.getByRole('checkbox', { name: '매일 자동으로 동기화' }))
    expect(screen.queryByText(/다음 자동 동기화/)).not.toBeInTheDocument()
  })

  it('shows where the data and the support log live, and how big the store is', async () => {
    const { user } = await renderApp()
    await openSettings(user)
    const section = screen.getByRole('region', { name: '데이터 위치' })
    expect(await within(section).findByText('/home/user/.config/trial-desk/trials.json')).toBeInTheDocument()
    expect(section).toHaveTextContent(/2(\.|,)3\s?MB/)
    expect(within(section).getByText('로그 폴더 (문제 신고 시 첨부)')).toBeInTheDocument()
    expect(within(section).getByText('/home/user/.config/trial-desk/logs')).toBeInTheDocument()
  })

  it('switches the whole UI to English', async () => {
    const { user, backend } = await renderApp()
    await openSettings(user)
    await user.selectOptions(screen.getByRole('combobox', { name: '언어' }), 'en')
    expect(await screen.findByRole('heading', { name: 'Settings' })).toBeInTheDocument()
    expect(backend.settings.language).toBe('en')
    await user.click(screen.getByRole('button', { name: 'Recently updated trials' }))
    expect(await screen.findByRole('columnheader', { name: 'Department' })).toBeInTheDocument()
    expect(screen.getAllByText('New', { selector: '.badge' }).length).toBeGreaterThan(0)
    expect(screen.getByText(/^1 hr\.? ago$/)).toBeInTheDocument()
    expect(document.documentElement.lang).toBe('en')
  })
})
