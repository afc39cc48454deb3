import { act, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { RelativeTime } from '../../renderer/src/components/RelativeTime'
import { I18nProvider } from '../../renderer/src/i18n/I18nContext'

describe('relative times', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('keep counting while the window stays open (no stale "2시간 전")', () => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2026-03-02T09:00:00Z'))
    render(
      <I18nProvider language="ko">
        <RelativeTime iso="2026-03-02T07:00:00Z" />
      </I18nProvider>,
    )
    expect(screen.getByText('2시간 전')).toBeInTheDocument()
    act(() => {
      vi.advanceTimersByTime(60 * 60 * 1000)
    })
    expect(screen.getByText('3시간 전')).toBeInTheDocument()
    expect(screen.getByText('3시간 전').getAttribute('title')).toContain('2026')
  })
})
