/**
 * Sync warnings carry a code and values (SyncLogEntry.warningDetails, parallel to `warnings`) so the renderer can
 * translate them; the English text stays in `warnings` for the CLI.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { openTrialDesk } from '../../electron/core/openTrialDesk'
import { createIcreatSource } from '../../electron/core/sources/icreat'
import { readStoreFile } from '../../electron/core/store/trialStoreFile'
import { FAKE_ICREAT_OLD_PATH, FAKE_ODCLOUD_KEY, type FakeOdcloud, loadIcreatFixtureRows, startFakeOdcloud } from '../fakes/odcloudServer'
import { createFakeSource, ids, rowsFor } from '../helpers/fakeSource'
import { useTempDir } from '../helpers/tempStore'

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
    expect(entry.warnings).toEqual([expect.stringMatching(/2022 revision/)])
    expect(entry.warningDetails).toEqual([{ code: 'ICREAT_REVISION_DEFAULT', values: { reason: 'SERVER', path: FAKE_ICREAT_OLD_PATH } }])
    // Persisted with the entry, so the log screen sees it after a restart.
    expect(onDisk!.syncLog.at(-1)?.warningDetails).toEqual(entry.warningDetails)
  })

  it('records rows without 과제번호 as ICREAT_ROWS_WITHOUT_ID with the count', async () => {
    const rows = loadIcreatFixtureRows().slice(0, 5)
    fake.setRows([...rows, { 과제명: '번호 없는 과제' }, { 과제번호: '  ' }])
    const { entry } = await syncIcreat()
    expect(entry).toMatchObject({ ok: true, fetched: 5, rejected: 2 })
    expect(entry.warnings).toEqual([expect.stringMatching(/2 iCReaT rows had no 과제번호/)])
    expect(entry.warningDetails).toEqual([{ code: 'ICREAT_ROWS_WITHOUT_ID', values: { count: 2 } }])
  })

  it('keeps warningDetails parallel to warnings (null for an uncoded one), absent without coded warnings, and never holds the key', async () => {
    const KEY = 'SeCrEtKey+abc/def=='
    const sourceConfig = { getServiceKey: () => KEY, timeoutMs: 1000, env: {} }
    const source = createFakeSource({ rows: rowsFor(ids(3)) })
    const desk = await openTrialDesk({ storePath: join(tempDir(), 'trials.json'), sources: [source.source], sourceConfig })
    try {
      const [plain] = await desk.sync({ sources: ['icreat'] })
      expect(plain.warnings).toEqual([])
      expect(plain).not.toHaveProperty('warningDetails')

      source.warnings = [
        { message: 'something the app has no code for' },
        { message: 'listed without details', warning: { code: 'CRIS_DETAILS_MISSING', values: { count: 1, trialIds: `KCT0000001 ${KEY}` } } },
      ]
      const [coded] = await desk.sync({ sources: ['icreat'] })
      expect(coded.warnings).toEqual(['something the app has no code for', 'listed without details'])
      expect(coded.warningDetails).toEqual([null, { code: 'CRIS_DETAILS_MISSING', values: { count: 1, trialIds: 'KCT0000001 ***' } }])
      expect(JSON.stringify(coded)).not.toContain(KEY)

      source.warnings = [{ message: 'only uncoded' }]
      const [uncoded] = await desk.sync({ sources: ['icreat'] })
      expect(uncoded.warnings).toEqual(['only uncoded'])
      expect(uncoded).not.toHaveProperty('warningDetails')
    } finally {
      await desk.close()
    }
  })
})
