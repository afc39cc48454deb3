import { describe, expect, it } from 'vitest'
import { formatBytes } from '../../renderer/src/i18n/format'

describe('formatBytes', () => {
  it('reads naturally in both languages, from an empty store to a large one', () => {
    expect(formatBytes(0, 'ko')).toBe('0바이트')
    expect(formatBytes(0, 'en')).toBe('0 bytes')
    expect(formatBytes(1536, 'en')).toBe('1.5 kB')
    expect(formatBytes(468 * 1024 ** 2, 'ko')).toBe('468MB')
  })
})
