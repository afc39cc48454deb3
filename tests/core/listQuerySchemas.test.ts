/**
 * One list query schema in the core; the IPC / settings / saved-search one is it with stricter limits, so a new
 * query option reaches the screens and the saved settings without a second definition to keep in step.
 */
import { describe, expect, it } from 'vitest'
import { listQuerySchema, resolveListQuery } from '../../electron/core/query/listQuery'
import { boundedListQuerySchema, settingsSchema } from '../../electron/core/settings/settingsSchema'
import type { ListQuery } from '../../shared/trials'

const accepts = (schema: { safeParse: (v: unknown) => { success: boolean } }, query: unknown) =>
  schema.safeParse(query).success

describe('the list query schemas', () => {
  it('the bounded schema knows every option of the core one (a new option is not refused by settings or IPC)', () => {
    expect(Object.keys(boundedListQuerySchema.shape).sort()).toEqual(Object.keys(listQuerySchema.shape).sort())
    expect(settingsSchema.shape.lastQuery.unwrap()).toBe(boundedListQuerySchema)
  })

  it.each([
    ['a 300-character search', { q: 'x'.repeat(300) }],
    ['half a day', { withinDays: 0.5 }],
    ['a date without a time', { now: '2026-01-31' }],
    ['an option the renderer does not send', { extra: true }],
  ])('the core answers %s from the CLI, the IPC boundary and settings refuse it', (_what, query) => {
    expect(accepts(listQuerySchema, query)).toBe(true)
    expect(() => resolveListQuery(query as ListQuery, () => Date.parse('2026-02-01T00:00:00Z'))).not.toThrow()
    expect(accepts(boundedListQuerySchema, query)).toBe(false)
  })

  it.each([
    ['a 600-character search', { q: 'x'.repeat(600) }],
    ['a page of 101 rows', { limit: 101 }],
    ['0 days', { withinDays: 0 }],
  ])('both refuse %s', (_what, query) => {
    expect(accepts(listQuerySchema, query)).toBe(false)
    expect(accepts(boundedListQuerySchema, query)).toBe(false)
  })

  it('both accept what the list screen sends', () => {
    const query = {
      withinDays: 30,
      q: '당뇨',
      sources: ['cris'],
      kinds: ['new'],
      fields: [{ name: 'phase', value: 'phase3' }],
      sort: 'changed',
      offset: 20,
      limit: 20,
    }
    expect(accepts(listQuerySchema, query)).toBe(true)
    expect(accepts(boundedListQuerySchema, query)).toBe(true)
  })
})
