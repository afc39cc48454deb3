import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTrialDesk } from '../../electron/core/openTrialDesk'
import { loadStore, saveStore } from '../../electron/core/store/trialStoreFile'
import { FAKE_ODCLOUD_KEY, loadIcreatFixtureRows, startFakeOdcloud, type FakeOdcloud } from '../fakes/odcloudServer'
import { runCliInProcess } from '../helpers/runCliInProcess'
import { runCliProcess, startCli } from '../helpers/runCliProcess'
import { storedTrial } from '../helpers/storeData'

const KILLS = 20
const T1 = '2026-01-01T00:00:00.000Z'
const T2 = '2026-01-05T00:00:00.000Z'
let fake: FakeOdcloud
let root: string
let seedDir: string
let before: string
let after: string
let uninterruptedMs: number

const env = () => ({ ...fake.env, DATA_GO_KR_SERVICE_KEY: FAKE_ODCLOUD_KEY, TRIALS_RETRY_BASE_MS: '5' })
const syncArgs = (store: string) => ['sync', '--source', 'icreat', '--store', store, '--now', T2]
const trialsOf = async (store: string) => JSON.stringify((await loadStore(store)).data.trials)

function copySeed(): string {
  const dir = mkdtempSync(join(root, 'run-'))
  copyFileSync(join(seedDir, 'trials.json'), join(dir, 'trials.json'))
  return join(dir, 'trials.json')
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'trialdesk-crash-'))
  seedDir = mkdtempSync(join(root, 'seed-'))
  const seed = join(seedDir, 'trials.json')
  fake = await startFakeOdcloud()
  // A store with other records besides icreat's makes the save long enough for kills to land in it.
  const crisRecords = Array.from({ length: 20_000 }, (_, i) =>
    storedTrial(`KCT${i}`, {
      source: 'cris',
      id: `cris:KCT${i}`,
      fields: { trial_id: `KCT${i}`, scientific_title_kr: `임상연구 ${i} `.repeat(8) },
    }),
  )
  await saveStore(seed, { schemaVersion: 1, trials: crisRecords, sources: {}, syncLog: [] })
  expect((await runCliInProcess(['sync', '--source', 'icreat', '--store', seed, '--now', T1], env())).code).toBe(0)
  before = await trialsOf(seed)

  // The sync under test changes things (so before ≠ after) and pages slowly, so kills also land while fetching.
  const rows = loadIcreatFixtureRows()
  rows[0] = { ...rows[0], 진료과: 'Neurology' }
  fake.setRows(rows.slice(0, 140))
  fake.setFaults({ perPageCap: 5 })
  const reference = copySeed()
  const started = Date.now()
  const run = await runCliProcess(syncArgs(reference), env())
  uninterruptedMs = Date.now() - started
  expect(run.code, run.stderr).toBe(0)
  after = await trialsOf(reference)
  expect(after).not.toBe(before)
})

afterAll(async () => {
  await fake?.close()
  rmSync(root, { recursive: true, force: true })
})

describe('a sync killed with SIGKILL at random moments', () => {
  it(`always leaves a store that loads and equals the state before or after the sync (${KILLS} kills)`, async () => {
    const outcomes: Array<'before' | 'after'> = []
    for (let i = 0; i < KILLS; i++) {
      const store = copySeed()
      const { child, done } = startCli(syncArgs(store), env())
      // Stratified random moments over 1.5× an uninterrupted run: every part of the sync (start-up, fetching, saving,
      // the commit and just after it) gets kills even when this machine is slower now than during the reference run.
      const delay = ((i + Math.random()) / KILLS) * uninterruptedMs * 1.5
      await new Promise((resolve) => setTimeout(resolve, delay))
      child.kill('SIGKILL')
      await done
      // The app's way of opening (through the index snapshot, when one belongs to the file) agrees with the file.
      const desk = await openTrialDesk({
        storePath: store,
        sources: [],
        sourceConfig: { getServiceKey: () => undefined, timeoutMs: 1000, env: {} },
      })
      const loaded = await loadStore(store)
      expect(loaded.warnings).toEqual([])
      expect(desk.openWarnings).toEqual([])
      const listed = desk.list({ withinDays: null, includeRemoved: true, sort: 'id', limit: 100 })
      expect(listed.total).toBe(loaded.data.trials.length)
      const byId = new Map(loaded.data.trials.map((t) => [t.id, t]))
      for (const item of listed.items) expect(desk.get(item.id).fields).toEqual(byId.get(item.id)!.fields)
      await desk.close()
      const trials = JSON.stringify(loaded.data.trials)
      expect([before, after]).toContain(trials)
      outcomes.push(trials === before ? 'before' : 'after')
    }
    // Kills landed on both sides of the commit (not all during start-up, not all after the end).
    expect(outcomes).toContain('before')
    expect(outcomes).toContain('after')
  }, 240_000)
})
