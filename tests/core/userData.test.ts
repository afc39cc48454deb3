import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openTrialDesk } from '../../electron/core/openTrialDesk'
import {
  loadUserData,
  lockUserData,
  readUserDataFile,
  saveUserData,
  userDataPathFor,
} from '../../electron/core/userData/userDataFile'
import { emptyUserData } from '../../electron/core/userData/userDataSchema'
import { UserDataStore } from '../../electron/core/userData/userDataStore'
import { addSavedSearch } from '../../electron/core/userData/followingEdits'
import { createFakeSource, icreatRow, ids, rowsFor } from '../fakes/fakeSource'
import { useTempDir } from '../helpers/tempStore'

const tempDir = useTempDir()
const sourceConfig = { getServiceKey: () => 'key', timeoutMs: 1000, env: {} }
const T1 = '2026-01-01T00:00:00.000Z'
const T2 = '2026-01-02T00:00:00.000Z'

function withSearch(name: string) {
  const data = emptyUserData()
  addSavedSearch(data, { name, query: { q: '폐암' } }, new Date(T1))
  return data
}

describe('user-data.json', () => {
  it('lives beside the trial store (TRIALS_STORE / --store move it too)', () => {
    expect(userDataPathFor('/data/x/trials.json')).toBe(join('/data/x', 'user-data.json'))
  })

  it('is written compactly and atomically, keeping the previous generation as .bak', async () => {
    const path = join(tempDir(), 'user-data.json')
    await saveUserData(path, withSearch('first'))
    await saveUserData(path, withSearch('second'))
    const text = readFileSync(path, 'utf8')
    expect(text.trim().split('\n')).toHaveLength(1)
    expect((await readUserDataFile(path))!.savedSearches[0].name).toBe('second')
    expect((await readUserDataFile(`${path}.bak`))!.savedSearches[0].name).toBe('first')
    expect(readdirSync(join(path, '..')).filter((n) => n.includes('.tmp'))).toEqual([])
  })

  it('keeps a damaged file as .corrupt-<timestamp> and loads the last good generation', async () => {
    const path = join(tempDir(), 'user-data.json')
    await saveUserData(path, withSearch('good'))
    await saveUserData(path, withSearch('newer'))
    writeFileSync(path, '{"schemaVersion":1,"savedSearches":[{"na') // power loss mid-write
    const loaded = await loadUserData(path, () => new Date('2026-03-04T05:06:07Z'))
    expect(loaded.data.savedSearches.map((s) => s.name)).toEqual(['good'])
    expect(loaded.corruptPath).toBe(`${path}.corrupt-20260304T050607Z`)
    expect(readFileSync(loaded.corruptPath!, 'utf8')).toContain('"na')
    expect(loaded.warnings[0]).toMatch(/damaged.*kept as .*corrupt-20260304T050607Z/)
    // The good copy is back in place for the next start.
    expect((await readUserDataFile(path))!.savedSearches[0].name).toBe('good')
  })

  it('a damaged file with no good .bak is left as it is and named, like the trial store (STORE_UNREADABLE)', async () => {
    const path = join(tempDir(), 'user-data.json')
    writeFileSync(path, 'not json')
    await expect(loadUserData(path)).rejects.toMatchObject({
      code: 'STORE_UNREADABLE',
      message: expect.stringMatching(
        /saved searches, watched trials and notes .*user-data\.json is damaged.*Nothing was deleted/,
      ),
    })
    expect(readFileSync(path, 'utf8')).toBe('not json')
  })

  it('migrates a file without a schema version and refuses one from a newer version without touching it', async () => {
    const path = join(tempDir(), 'user-data.json')
    writeFileSync(path, JSON.stringify({ watched: { 'icreat:C1': { addedAt: T1, title: 't' } } }))
    const migrated = await loadUserData(path)
    expect(migrated.data).toMatchObject({
      schemaVersion: 1,
      savedSearches: [],
      watched: { 'icreat:C1': { title: 't' } },
    })
    writeFileSync(path, JSON.stringify({ ...emptyUserData(), schemaVersion: 99 }))
    await expect(loadUserData(path)).rejects.toMatchObject({
      code: 'STORE_UNREADABLE',
      message: expect.stringMatching(/newer version/),
    })
    expect(JSON.parse(readFileSync(path, 'utf8')).schemaVersion).toBe(99)
  })

  it('one writer at a time: a change waits for the other process and builds on what it wrote', async () => {
    const path = join(tempDir(), 'user-data.json')
    const app = await UserDataStore.open(path, () => new Date(T1))
    const cli = await UserDataStore.open(path, () => new Date(T1))
    await cli.update((d) => addSavedSearch(d, { name: 'from the CLI', query: {} }, new Date(T1)))
    const held = await lockUserData(path)
    const waiting = app.update((d) => addSavedSearch(d, { name: 'from the app', query: {} }, new Date(T1)))
    await new Promise((resolve) => setTimeout(resolve, 120))
    await held.release()
    await waiting
    expect((await readUserDataFile(path))!.savedSearches.map((s) => s.name)).toEqual(['from the CLI', 'from the app'])
  })

  it('a change that fails validation writes nothing', async () => {
    const path = join(tempDir(), 'user-data.json')
    const store = await UserDataStore.open(path)
    await store.update((d) => addSavedSearch(d, { name: 'one', query: {} }, new Date(T1)))
    const before = readFileSync(path, 'utf8')
    await expect(
      store.update((d) => addSavedSearch(d, { name: 'one', query: {} }, new Date(T1))),
    ).rejects.toMatchObject({ code: 'VALIDATION' })
    expect(readFileSync(path, 'utf8')).toBe(before)
  })
})

describe('user data and the trial store', () => {
  it('a sync never writes user-data.json', async () => {
    const dir = tempDir()
    const storePath = join(dir, 'trials.json')
    const fake = createFakeSource({ rows: rowsFor(ids(3)) })
    const desk = await openTrialDesk({ storePath, sources: [fake.source], sourceConfig })
    await desk.sync({ sources: ['icreat'], now: () => new Date(T1) })
    await desk.following.watch('icreat:C100000')
    await desk.following.setNote('icreat:C100000', '환자 A 의뢰')
    const before = readFileSync(join(dir, 'user-data.json'))
    fake.rows[0] = icreatRow('C100000', { 진료과: 'Neurology' })
    fake.rows.pop()
    await desk.sync({ sources: ['icreat'], now: () => new Date(T2) })
    expect(readFileSync(join(dir, 'user-data.json'))).toEqual(before)
    expect(existsSync(join(dir, 'user-data.json.bak'))).toBe(true)
  })

  it('recovering the trial store from its .bak never touches the user data', async () => {
    const dir = tempDir()
    const storePath = join(dir, 'trials.json')
    const fake = createFakeSource({ rows: rowsFor(ids(3)) })
    const desk = await openTrialDesk({ storePath, sources: [fake.source], sourceConfig })
    await desk.sync({ sources: ['icreat'], now: () => new Date(T1) })
    fake.rows.push(icreatRow('C200000'))
    await desk.sync({ sources: ['icreat'], now: () => new Date(T2) })
    await desk.following.watch('icreat:C200000')
    await desk.following.setNote('icreat:C200000', '등록 환자')
    await desk.following.addSavedSearch({
      name: '심장',
      query: { fields: [{ name: 'department', value: 'Cardiology' }] },
    })
    const userDataBefore = readFileSync(join(dir, 'user-data.json'))
    writeFileSync(storePath, '{"schemaVersion":1,"tri') // the trial store is damaged
    const reopened = await openTrialDesk({ storePath, sources: [fake.source], sourceConfig })
    expect(reopened.openWarnings.join(' ')).toMatch(/trial store was damaged/)
    expect(readFileSync(join(dir, 'user-data.json'))).toEqual(userDataBefore)
    // The older generation has no C200000: it stays listed in the watched view, marked removed.
    const watched = await reopened.following.watched()
    expect(watched.items).toMatchObject([
      { id: 'icreat:C200000', missing: true, removedAt: expect.any(String), note: '등록 환자', title: '과제 C200000' },
    ])
    expect((await reopened.following.savedSearches()).map((s) => s.name)).toEqual(['심장'])
  })
})
