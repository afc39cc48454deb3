import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openTrialDesk } from '../../electron/core/openTrialDesk'
import { createFakeSource, icreatRow } from '../fakes/fakeSource'
import { useTempDir } from '../helpers/tempStore'

const tempDir = useTempDir()
const sourceConfig = { getServiceKey: () => 'key', timeoutMs: 1000, env: {} }
const T1 = '2026-01-01T00:00:00.000Z'
const T2 = '2026-01-02T00:00:00.000Z'
const T3 = '2026-01-03T00:00:00.000Z'
const clock = (iso: string) => () => new Date(iso)

async function setUp() {
  const fake = createFakeSource({
    rows: [
      icreatRow('C1', { 과제명: '비소세포 폐암 2상 연구', 진료과: 'Oncology', status: '모집중' }),
      icreatRow('C2', { 과제명: '폐암 관찰 연구', 진료과: 'Oncology', status: '모집중' }),
      icreatRow('C3', { 과제명: '심부전 연구', 진료과: 'Cardiology', status: '모집전' }),
    ],
  })
  const desk = await openTrialDesk({ storePath: join(tempDir(), 'trials.json'), sources: [fake.source], sourceConfig })
  await desk.sync({ sources: ['icreat'], now: clock(T1) })
  return { fake, desk }
}

describe('matching a sync against saved searches and watched trials', () => {
  it('counts per saved search (alerts on) what the sync brought, lists changed watched trials and names status changes', async () => {
    const { fake, desk } = await setUp()
    await desk.following.addSavedSearch({ name: '폐암', query: { q: '폐암', withinDays: 7 } })
    await desk.following.addSavedSearch({
      name: '심장',
      query: { fields: [{ name: 'department', value: 'Cardiology' }] },
    })
    await desk.following.addSavedSearch({ name: '조용히', query: { q: '폐암' }, alerts: false })
    await desk.following.watch('icreat:C3')
    fake.rows[0] = icreatRow('C1', { 과제명: '비소세포 폐암 2상 연구', 진료과: 'Oncology', status: '모집완료' })
    fake.rows[2] = icreatRow('C3', { 과제명: '심부전 연구', 진료과: 'Cardiology', status: '모집중' })
    fake.rows.push(icreatRow('C4', { 과제명: '소세포 폐암 신약', 진료과: 'Oncology' }))
    const entries = await desk.sync({ sources: ['icreat'], now: clock(T2) })
    const [matches] = await desk.following.matchSync(entries)
    expect(matches.saved).toEqual([
      { name: '폐암', count: 2 },
      { name: '심장', count: 1 },
    ])
    expect(matches.watched).toEqual(['icreat:C3'])
    expect(matches.statusChanges).toEqual([
      { id: 'icreat:C3', title: '심부전 연구', kind: 'status', from: '모집전', to: '모집중' },
    ])
  })

  it('a sync that changed nothing, or failed, matches nothing', async () => {
    const { fake, desk } = await setUp()
    await desk.following.addSavedSearch({ name: '폐암', query: { q: '폐암' } })
    await desk.following.watch('icreat:C1')
    expect(await desk.following.matchSync(await desk.sync({ sources: ['icreat'], now: clock(T2) }))).toEqual([
      { saved: [], watched: [], statusChanges: [] },
    ])
    fake.failWith = new Error('down')
    expect(await desk.following.matchSync(await desk.sync({ sources: ['icreat'], now: clock(T3) }))).toEqual([
      { saved: [], watched: [], statusChanges: [] },
    ])
  })

  it('a watched trial the registry drops is called out as removed and stays in the watched view', async () => {
    const { fake, desk } = await setUp()
    await desk.following.watch('icreat:C3')
    fake.rows.pop()
    const [matches] = await desk.following.matchSync(
      await desk.sync({ sources: ['icreat'], now: clock(T2), allowMassRemoval: true }),
    )
    expect(matches.statusChanges).toMatchObject([{ id: 'icreat:C3', kind: 'removed', from: '모집전' }])
    const view = await desk.following.watched()
    expect(view.items).toMatchObject([
      { id: 'icreat:C3', removedAt: T2, missing: false, latestChange: { kind: 'removed' } },
    ])
  })
})

describe('seen marks', () => {
  it('a saved search counts matching trials changed since it was last opened; opening it marks it seen', async () => {
    const { fake, desk } = await setUp()
    await desk.following.addSavedSearch({ name: '폐암', query: { q: '폐암', withinDays: null } })
    expect(await desk.following.savedSearches()).toMatchObject([
      { name: '폐암', total: 2, changedSinceSeen: 0, alerts: true },
    ])
    fake.rows[1] = icreatRow('C2', { 과제명: '폐암 관찰 연구', 진료과: 'Neurology' })
    // The sync's clock is the real one here, so the change is after the search was saved.
    await desk.sync({ sources: ['icreat'] })
    const opened = await desk.following.runSavedSearch('폐암', {}, true)
    expect(opened.search.changedSinceSeen).toBe(1)
    expect(opened.result.items.map((t) => t.id).sort()).toEqual(['icreat:C1', 'icreat:C2'])
    expect((await desk.following.savedSearches())[0].changedSinceSeen).toBe(0)
  })

  it('the watched view counts and marks trials changed since it was marked seen', async () => {
    const { fake, desk } = await setUp()
    await desk.following.watch('icreat:C1')
    await desk.following.watch('icreat:C2')
    expect((await desk.following.watched()).changedSinceSeen).toBe(0)
    fake.rows[0] = icreatRow('C1', { 과제명: '비소세포 폐암 2상 연구', status: '모집완료' })
    await desk.sync({ sources: ['icreat'] })
    const view = await desk.following.watched()
    expect(view.changedSinceSeen).toBe(1)
    expect(view.items.find((i) => i.id === 'icreat:C1')!.unseen).toBe(true)
    await desk.following.markSeen('watched')
    expect((await desk.following.watched()).changedSinceSeen).toBe(0)
  })
})

describe('notes', () => {
  it('q matches a note; list and detail items carry watched and note', async () => {
    const { desk } = await setUp()
    await desk.following.setNote('icreat:C3', '김○○ 환자 의뢰함, 외래 3/12')
    await desk.following.watch('icreat:C3')
    const found = desk.list({ withinDays: null, q: '외래 의뢰함' })
    expect(found.items.map((t) => t.id)).toEqual(['icreat:C3'])
    expect(found.items[0]).toMatchObject({ watched: true, note: '김○○ 환자 의뢰함, 외래 3/12' })
    expect(desk.list({ withinDays: null, q: '폐암' }).items.every((t) => t.watched === false && t.note === null)).toBe(
      true,
    )
    expect(desk.get('icreat:C3')).toMatchObject({ watched: true, note: '김○○ 환자 의뢰함, 외래 3/12' })
  })

  it('refuses a note over 10,000 characters and an unknown id; an empty note clears it', async () => {
    const { desk } = await setUp()
    await expect(desk.following.setNote('icreat:C1', 'x'.repeat(10_001))).rejects.toMatchObject({ code: 'VALIDATION' })
    await expect(desk.following.setNote('icreat:NOPE', 'x')).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await desk.following.setNote('icreat:C1', 'x'.repeat(10_000))
    expect(desk.get('icreat:C1').note).toHaveLength(10_000)
    await desk.following.setNote('icreat:C1', '  ')
    expect(desk.get('icreat:C1').note).toBeNull()
  })
})

describe('saved searches', () => {
  it('refuses a duplicate name, renames, reorders and removes', async () => {
    const { desk } = await setUp()
    for (const name of ['a', 'b', 'c']) await desk.following.addSavedSearch({ name, query: {} })
    await expect(desk.following.addSavedSearch({ name: ' A ', query: {} })).rejects.toMatchObject({
      code: 'VALIDATION',
    })
    await expect(desk.following.renameSavedSearch('a', 'b')).rejects.toMatchObject({ code: 'VALIDATION' })
    await desk.following.renameSavedSearch('a', '폐암 2상')
    await desk.following.moveSavedSearch('c', 0)
    await desk.following.removeSavedSearch('b')
    await expect(desk.following.removeSavedSearch('b')).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect((await desk.following.savedSearches()).map((s) => s.name)).toEqual(['c', '폐암 2상'])
  })

  it('import merges by name: adds new ones, leaves identical ones, adds a clashing one under a free name', async () => {
    const { desk } = await setUp()
    await desk.following.addSavedSearch({ name: '폐암', query: { q: '폐암', withinDays: 30 } })
    await desk.following.addSavedSearch({ name: '심장', query: { q: '심부전' } })
    const file = {
      format: 'trial-desk-saved-searches',
      version: 1,
      savedSearches: [
        { name: '폐암', query: { withinDays: 30, q: '폐암' }, alerts: true },
        { name: '심장', query: { q: '심근경색' }, alerts: false },
        { name: '신장', query: { q: '신장' }, alerts: true },
      ],
    }
    const result = await desk.following.importSavedSearches(JSON.stringify(file))
    expect(result).toEqual({ added: ['신장'], unchanged: ['폐암'], renamed: [{ from: '심장', to: '심장 (2)' }] })
    const saved = await desk.following.savedSearches()
    expect(saved.map((s) => [s.name, s.query.q])).toEqual([
      ['폐암', '폐암'],
      ['심장', '심부전'],
      ['심장 (2)', '심근경색'],
      ['신장', '신장'],
    ])
    // Exported and imported again: everything is already there.
    const again = await desk.following.importSavedSearches(JSON.stringify(await desk.following.exportSavedSearches()))
    expect(again.added).toEqual([])
    expect(again.renamed).toEqual([])
  })

  it.each([
    ['not JSON', '{oops', /not valid JSON/],
    [
      'another format',
      JSON.stringify({ format: 'x', version: 1, savedSearches: [] }),
      /not a Trial Desk saved-searches file/,
    ],
    [
      'a bad query',
      JSON.stringify({
        format: 'trial-desk-saved-searches',
        version: 1,
        savedSearches: [{ name: 'x', query: { limit: 'all' } }],
      }),
      /savedSearches\.0\.query/,
    ],
    [
      'a repeated name',
      JSON.stringify({
        format: 'trial-desk-saved-searches',
        version: 1,
        savedSearches: [
          { name: 'x', query: {} },
          { name: 'X', query: {} },
        ],
      }),
      /twice/,
    ],
  ])('a bad file (%s) changes nothing and says why', async (_label, text, message) => {
    const { desk } = await setUp()
    await desk.following.addSavedSearch({ name: 'kept', query: {} })
    await expect(desk.following.importSavedSearches(text)).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(message),
    })
    expect((await desk.following.savedSearches()).map((s) => s.name)).toEqual(['kept'])
  })
})
