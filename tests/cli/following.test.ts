import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { FAKE_ODCLOUD_KEY, loadIcreatFixtureRows, startFakeOdcloud, type FakeOdcloud } from '../fakes/odcloudServer'
import { runCliInProcess } from '../helpers/runCliInProcess'
import { useTempDir } from '../helpers/tempStore'

const tempDir = useTempDir()
const T1 = '2026-01-01T00:00:00.000Z'
const T2 = '2026-01-05T00:00:00.000Z'
const ALL_ROWS = loadIcreatFixtureRows()
let fake: FakeOdcloud

beforeAll(async () => {
  fake = await startFakeOdcloud()
})
afterAll(async () => {
  await fake.close()
})
beforeEach(() => {
  fake.resetFaults()
  fake.setRows(ALL_ROWS)
})

const env = () => ({
  ...fake.env,
  DATA_GO_KR_SERVICE_KEY: FAKE_ODCLOUD_KEY,
  TRIALS_TIMEOUT_MS: '2000',
  TRIALS_RETRY_BASE_MS: '5',
})
const cli = (args: string[]) => runCliInProcess(args, env())
const json = async (args: string[]) => {
  const run = await cli([...args, '--json'])
  expect(run.code, run.stderr).toBe(0)
  return JSON.parse(run.stdout)
}

async function syncedStore(): Promise<string> {
  const store = join(tempDir(), 'trials.json')
  const run = await cli(['sync', '--source', 'icreat', '--store', store, '--now', T1, '--json'])
  expect(run.code, run.stderr).toBe(0)
  return store
}

describe('trials saved', () => {
  it('add, list, run and remove; a duplicate name exits 2, an unknown one exits 1 with NOT_FOUND', async () => {
    const store = await syncedStore()
    const add = await cli([
      'saved',
      'add',
      '심장 내과',
      '--store',
      store,
      '--all',
      '--field',
      'department=Cardiology',
      '--sort',
      'title',
    ])
    expect(add.code, add.stderr).toBe(0)
    const dup = await cli(['saved', 'add', '심장 내과', '--store', store, '--q', 'x'])
    expect(dup.code).toBe(2)
    expect(dup.stderr).toMatch(/^Error \[VALIDATION\]: A saved search named "심장 내과" already exists/)
    const list = await json(['saved', 'list', '--store', store])
    const cardiology = ALL_ROWS.filter((r) => r['진료과'] === 'Cardiology').length
    expect(list).toEqual([
      {
        name: '심장 내과',
        query: {
          withinDays: null,
          fields: [{ name: 'department', value: 'Cardiology' }],
          includeRemoved: false,
          sort: 'title',
        },
        total: cardiology,
        changedSinceSeen: 0,
        alerts: true,
        seenAt: expect.any(String),
      },
    ])
    const run = await json(['saved', 'run', '심장 내과', '--store', store, '--limit', '5'])
    expect(run.total).toBe(cardiology)
    expect(run.items).toHaveLength(5)
    expect(run.items.every((t: { department: string }) => t.department === 'Cardiology')).toBe(true)
    expect((await cli(['saved', 'run', 'nope', '--store', store])).code).toBe(1)
    const missing = await cli(['saved', 'remove', 'nope', '--store', store])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/\[NOT_FOUND\]/)
    expect((await cli(['saved', 'remove', '심장 내과', '--store', store])).code).toBe(0)
    expect(await json(['saved', 'list', '--store', store])).toEqual([])
  })

  it('bad input exits 2 with a one-line message', async () => {
    const store = await syncedStore()
    for (const args of [
      ['saved'],
      ['saved', 'add'],
      ['saved', 'add', 'x', '--limit', 'many'],
      ['note', 'icreat:C100001'],
      ['watch'],
    ]) {
      const run = await cli([...args, '--store', store])
      expect(run.code, args.join(' ')).toBe(2)
      expect(run.stderr).toMatch(/^Error \[USAGE\]/)
    }
    const long = await cli(['note', 'icreat:C100001', 'x'.repeat(10_001), '--store', store])
    expect(long.code).toBe(2)
    expect(long.stderr).toMatch(/^Error \[VALIDATION\]: A note can hold at most 10,000 characters/)
  })

  it('export and import: merges by name, and a bad file changes nothing', async () => {
    const store = await syncedStore()
    await cli(['saved', 'add', 'a', '--store', store, '--q', '심부전'])
    const file = join(tempDir(), 'shared.json')
    expect((await cli(['saved', 'export', '--store', store, '--out', file])).code).toBe(0)
    const other = await syncedStore()
    await cli(['saved', 'add', 'a', '--store', other, '--q', '폐암'])
    expect(await json(['saved', 'import', file, '--store', other])).toEqual({
      added: [],
      unchanged: [],
      renamed: [{ from: 'a', to: 'a (2)' }],
    })
    const bad = join(tempDir(), 'bad.json')
    writeFileSync(bad, '{"format":"something else"}')
    const before = readFileSync(join(other, '..', 'user-data.json'), 'utf8')
    const run = await cli(['saved', 'import', bad, '--store', other])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/not a Trial Desk saved-searches file.*Nothing was imported/)
    expect(readFileSync(join(other, '..', 'user-data.json'), 'utf8')).toBe(before)
  })
})

describe('trials watch / watched / note', () => {
  it('list and show items carry watched and note; q finds the note; watched lists the trial', async () => {
    const store = await syncedStore()
    expect((await cli(['watch', 'icreat:C100002', '--store', store])).code).toBe(0)
    expect((await cli(['note', 'icreat:C100002', '김○○ 환자 의뢰, 외래 3/12', '--store', store])).code).toBe(0)
    const shown = await json(['show', 'icreat:C100002', '--store', store])
    expect(shown).toMatchObject({ watched: true, note: '김○○ 환자 의뢰, 외래 3/12' })
    const other = await json(['show', 'icreat:C100003', '--store', store])
    expect(other).toMatchObject({ watched: false, note: null })
    const found = await json(['list', '--all', '--q', '외래 김○○', '--store', store])
    expect(found.items.map((t: { id: string }) => t.id)).toEqual(['icreat:C100002'])
    expect(found.items[0]).toMatchObject({ watched: true, note: '김○○ 환자 의뢰, 외래 3/12' })
    const watched = await json(['watched', '--store', store])
    expect(watched).toMatchObject([{ id: 'icreat:C100002', watched: true, note: '김○○ 환자 의뢰, 외래 3/12' }])
    expect((await cli(['note', 'icreat:C100002', '--clear', '--store', store])).code).toBe(0)
    expect((await json(['show', 'icreat:C100002', '--store', store])).note).toBeNull()
    expect((await cli(['unwatch', 'icreat:C100002', '--store', store])).code).toBe(0)
    expect(await json(['watched', '--store', store])).toEqual([])
    const unknown = await cli(['watch', 'icreat:NOPE', '--store', store])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/\[NOT_FOUND\]/)
  })

  it('sync --json entries carry what the sync brought for saved searches and watched trials', async () => {
    const store = await syncedStore()
    await cli(['saved', 'add', '심장', '--store', store, '--field', 'department=Cardiology'])
    await cli(['saved', 'add', '혈액', '--store', store, '--field', 'department=Hematology'])
    await cli(['watch', 'icreat:C100001', '--store', store])
    const changed = ALL_ROWS.map((r) => (r['과제번호'] === 'C100001' ? { ...r, 연구기간: '2년' } : r))
    fake.setRows(changed)
    const entry = await json(['sync', '--source', 'icreat', '--store', store, '--now', T2])
    expect(entry).toMatchObject({
      updated: 1,
      matches: { saved: [{ name: '심장', count: 1 }], watched: ['icreat:C100001'] },
    })
    const text = await cli(['sync', '--source', 'icreat', '--store', store, '--now', '2026-01-06T00:00:00Z'])
    expect(text.stdout).not.toMatch(/saved search/)
    // The sync did not write the user data: no generation was added.
    expect(existsSync(join(store, '..', 'user-data.json'))).toBe(true)
  })
})
