import { describe, expect, it } from 'vitest'
import { formatBytes, formatDay } from '../../renderer/src/i18n/format'

describe('formatBytes', () => {
  it('reads naturally in both languages, from an empty store to a large one', () => {
    expect(formatBytes(0, 'ko')).toBe('0바이트')
    expect(formatBytes(0, 'en')).toBe('0 bytes')
    expect(formatBytes(1536, 'en')).toBe('1.5 kB')
    expect(formatBytes(468 * 1024 ** 2, 'ko')).toBe('468MB')
  })
})

describe('formatDay', () => {
  const now = new Date(2026, 11, 2, 15, 0)
  it('shows a calendar day, with the year only when it is not this year', () => {
    expect(formatDay('2026-12-01', 'ko', now)).toBe('12월 1일')
    expect(formatDay('2026-12-01', 'en', now)).toBe('1 Dec')
    expect(formatDay('2025-03-09', 'ko', now)).toBe('2025년 3월 9일')
    expect(formatDay('2025-03-09', 'en', now)).toBe('9 Mar 2025')
  })

  it('puts a moment on the reader’s own calendar day', () => {
    const lateEvening = new Date(2026, 10, 30, 23, 30) // local time
    expect(formatDay(lateEvening.toISOString(), 'ko', now)).toBe('11월 30일')
  })
})
