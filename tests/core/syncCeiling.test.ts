/**
 * Every sync has a ceiling derived from its plan: a server that answers every request just in time, but so slowly
 * that the sync would run far longer than planned, stops the sync as TIMEOUT; nothing changes and the writer lock
 * is released.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openTrialDesk } from '../../electron/core/openTrialDesk'
import { createCrisSource } from '../../electron/core/sources/cris'
import { createIcreatSource } from '../../electron/core/sources/icreat'
import { readStoreFile } from '../../electron/core/store/trialStoreFile'
import { syncCeilingMs } from '../../electron/core/sync/syncCeiling'
import { FAKE_ODCLOUD_KEY, loadIcreatFixtureRows } from '../fakes/odcloudServer'
import { useFakeOdcloud } from '../fakes/fakeServers'
import { useTempDir } from '../helpers/tempStore'

const tempDir = useTempDir()
const ROWS = loadIcreatFixtureRows()
const fake = await useFakeOdcloud({ rows: ROWS })

describe('the sync ceiling', () => {
  it('is derived from the plan: a full CRIS sync at 10 calls/s gets minutes, not hours', () => {
    const cris = createCrisSource({ getServiceKey: () => 'k', timeoutMs: 15_000, env: {} })
    const ceiling = syncCeilingMs(cris.plan!(12_500))
    // 520 list pages + 2,000 details at 10/s ≈ 252 s planned.
    expect(ceiling).toBeGreaterThan(252_000 * 2)
    expect(ceiling).toBeLessThan(60 * 60_000)
  })

  it('stops a sync that runs far past its plan as TIMEOUT, changes nothing and releases the lock', async () => {
    const config = {
      getServiceKey: () => FAKE_ODCLOUD_KEY,
      timeoutMs: 300,
      env: { ...fake.env, TRIALS_RETRY_BASE_MS: '1' },
    }
    const path = join(tempDir(), 'trials.json')
    const desk = await openTrialDesk({ storePath: path, sources: [createIcreatSource(config)], sourceConfig: config })
    const [first] = await desk.sync({ sources: ['icreat'], now: () => new Date('2026-01-01T00:00:00Z') })
    expect(first).toMatchObject({ ok: true, created: ROWS.length })

    // Planned: the Swagger document and one page. Served: 145 pages of one row, each just under the idle timeout.
    fake.setRows(ROWS.map((row, i) => (i === 0 ? { ...row, 과제명: '바뀐 과제명' } : row)))
    fake.setFaults({ perPageCap: 1, latencyMs: 150 })
    const [slow] = await desk.sync({ sources: ['icreat'], now: () => new Date('2026-01-02T00:00:00Z') })

    expect(slow.ok).toBe(false)
    expect(slow.error?.code).toBe('TIMEOUT')
    expect(slow.error?.message).toMatch(/did not finish within .* nothing was changed/)
    const stored = (await readStoreFile(path))!
    expect(stored.trials.find((t) => t.sourceId === String(ROWS[0]['과제번호']))?.fields['과제명']).toBe(
      ROWS[0]['과제명'],
    )
    expect(existsSync(`${path}.lock`)).toBe(false)

    // The lock is free: the next sync (server back to normal) runs and commits.
    fake.resetFaults()
    const [next] = await desk.sync({ sources: ['icreat'], now: () => new Date('2026-01-03T00:00:00Z') })
    expect(next).toMatchObject({ ok: true, updated: 1 })
  })
})
