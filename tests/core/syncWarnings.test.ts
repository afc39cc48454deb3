/**
 * Sync warnings are one list of `{ code?, values?, message }`: the code and values let the renderer translate a
 * warning; the English `message` stays for the CLI. Stores written with the old parallel arrays load into it.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { openTrialDesk } from '../../electron/core/openTrialDesk'
import { createIcreatSource } from '../../electron/core/sources/icreat'
import { loadStore, readStoreFile } from '../../electron/core/store/trialStoreFile'
import { writeFileSync } from 'node:fs'
import {
  FAKE_ICREAT_OLD_PATH,
  FAKE_ODCLOUD_KEY,
  type FakeOdcloud,
  loadIcreatFixtureRows,
  startFakeOdcloud,
} from '../fakes/odcloudServer'
import { createFakeSource, ids, rowsFor } from '../fakes/fakeSource'
import { useTempDir } from '../helpers/tempStore'
import { versionTwoLogEntry } from '../helpers/versionTwoSyncLog'

const tempDir = useTempDir()
let fake: FakeOdcloud

beforeAll(async () => {
  fake = await startFakeOdcloud()
})
afterAll(async () => {
  await fake?.close()
})
beforeEach(() => {
  fake.resetFaults()
  fake.setRows(loadIcreatFixtureRows())
})

function icreatConfig() {
  return { getServiceKey: () => FAKE_ODCLOUD_KEY, timeoutMs: 5000, env: { ...fake.env, TRIALS_RETRY_BASE_MS: '1' } }
}

async function syncIcreat() {
  const path = join(tempDir(), 'trials.json')
  const sourceConfig = icreatConfig()
  const desk = await openTrialDesk({ storePath: path, sources: [createIcreatSource(sourceConfig)], sourceConfig })
  try {
    const [entry] = await desk.sync({ sources: ['icreat'] })
    return { entry, onDisk: await readStoreFile(path) }
  } finally {
    await desk.close()
  }
}

describe('coded sync warnings', () => {
  it('records the revision fallback when the Swagger document is down (docsDown)', async () => {
    fake.setFaults({ docsDown: true })
    const { entry, onDisk } = await syncIcreat()
    expect(entry.ok).toBe(true)
    expect(entry.warnings).toEqual([
      {
        code: 'ICREAT_REVISION_DEFAULT',
        values: { reason: 'SERVER', path: FAKE_ICREAT_OLD_PATH },
        message: expect.stringMatching(/2022 revision/),
      },
    ])
    // Persisted with the entry, so the log screen sees it after a restart.
    expect(onDisk!.syncLog.at(-1)?.warnings).toEqual(entry.warnings)
  })

  it('records rows without 과제번호 as ICREAT_ROWS_WITHOUT_ID with the count', async () => {
    const rows = loadIcreatFixtureRows().slice(0, 5)
    fake.setRows([...rows, { 과제명: '번호 없는 과제' }, { 과제번호: '  ' }])
    const { entry } = await syncIcreat()
    expect(entry).toMatchObject({ ok: true, fetched: 5, rejected: 2 })
    expect(entry.warnings).toEqual([
      {
        code: 'ICREAT_ROWS_WITHOUT_ID',
        values: { count: 2 },
        message: expect.stringMatching(/2 iCReaT rows had no 과제번호/),
      },
    ])
  })

  it('keeps coded and uncoded warnings in one list, in order, and never holds the key', async () => {
    const KEY = 'SeCrEtKey+abc/def=='
    const sourceConfig = { getServiceKey: () => KEY, timeoutMs: 1000, env: {} }
    const source = createFakeSource({ rows: rowsFor(ids(3)) })
    const desk = await openTrialDesk({
      storePath: join(tempDir(), 'trials.json'),
      sources: [source.source],
      sourceConfig,
    })
    try {
      const [plain] = await desk.sync({ sources: ['icreat'] })
      expect(plain.warnings).toEqual([])

      source.warnings = [
        { message: 'something the app has no code for' },
        {
          message: `listed without details (${KEY})`,
          warning: { code: 'CRIS_DETAILS_MISSING', values: { count: 1, trialIds: `KCT0000001 ${KEY}` } },
        },
      ]
      const [coded] = await desk.sync({ sources: ['icreat'] })
      expect(coded.warnings).toEqual([
        { message: 'something the app has no code for' },
        {
          code: 'CRIS_DETAILS_MISSING',
          values: { count: 1, trialIds: 'KCT0000001 ***' },
          message: 'listed without details (***)',
        },
      ])
      expect(JSON.stringify(coded)).not.toContain(KEY)
    } finally {
      await desk.close()
    }
  })
})

describe('a store written with the parallel warning arrays (schema version 2)', () => {
  it("loads each entry's warnings as one list, codes beside their texts, and saves it in the new form", async () => {
    const path = join(tempDir(), 'trials.json')
    const coded = versionTwoLogEntry(
      'coded',
      ['1234 rows had no 과제번호.', 'uncoded text'],
      [{ code: 'ICREAT_ROWS_WITHOUT_ID', values: { count: 1234 } }, null],
    )
    const plain = versionTwoLogEntry('plain', ['only text'])
    writeFileSync(path, JSON.stringify({ schemaVersion: 2, trials: [], sources: {}, syncLog: [coded, plain] }))

    const { data } = await loadStore(path)
    expect(data.schemaVersion).toBe(3)
    expect(data.syncLog.map((e) => e.warnings)).toEqual([
      [
        { code: 'ICREAT_ROWS_WITHOUT_ID', values: { count: 1234 }, message: '1234 rows had no 과제번호.' },
        { message: 'uncoded text' },
      ],
      [{ message: 'only text' }],
    ])
    expect(data.syncLog[0]).not.toHaveProperty('warningDetails')
    expect(data.syncLog[0]).toMatchObject({ id: 'coded', ok: true, rejected: 1234 })
  })
})
