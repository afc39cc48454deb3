import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { readStoreFile } from '../../electron/core/store/trialStoreFile'
import {
  FAKE_ODCLOUD_KEY,
  FAKE_ODCLOUD_KEY_ENCODED,
  loadIcreatFixtureRows,
  startFakeOdcloud,
  type FakeOdcloud,
  type FakeOdcloudFaults,
} from '../fakes/odcloudServer'
import { runCliInProcess } from '../helpers/runCliInProcess'
import { runCliProcess, startCli } from '../helpers/runCliProcess'
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

const keyEnv = (key = FAKE_ODCLOUD_KEY) => ({
  ...fake.env,
  DATA_GO_KR_SERVICE_KEY: key,
  TRIALS_TIMEOUT_MS: '2000',
  TRIALS_RETRY_BASE_MS: '5',
})
/** Most cases run the CLI entry in-process (fast); the ones about processes, exit codes and stack traces spawn it. */
const cli = (args: string[], env: Record<string, string | undefined> = keyEnv()) => runCliInProcess(args, env)
const spawned = (args: string[], env: Record<string, string | undefined> = keyEnv()) => runCliProcess(args, env)

async function syncedStore(now = T1): Promise<string> {
  const store = join(tempDir(), 'trials.json')
  const run = await cli(['sync', '--source', 'icreat', '--store', store, '--now', now, '--json'])
  expect(run.code, run.stderr).toBe(0)
  return store
}

function expectNoKeyAnywhere(texts: string[], dir?: string) {
  const forms = [FAKE_ODCLOUD_KEY, FAKE_ODCLOUD_KEY_ENCODED, encodeURIComponent(FAKE_ODCLOUD_KEY_ENCODED)]
  const files = dir
    ? readdirSync(dir).map((f) => readFileSync(join(dir, f), 'latin1') + readFileSync(join(dir, f), 'utf8'))
    : []
  for (const text of [...texts, ...files]) for (const form of forms) expect(text).not.toContain(form)
}

describe('trials sync', () => {
  it('syncs every row into a compact store and prints exactly one JSON log entry', async () => {
    const dir = tempDir()
    const store = join(dir, 'trials.json')
    const run = await spawned(['sync', '--source', 'icreat', '--store', store, '--now', T1, '--json'])
    expect(run.code).toBe(0)
    const entry = JSON.parse(run.stdout)
    expect(entry).toMatchObject({ source: 'icreat', ok: true, fetched: 145, created: 145, rejected: 0, startedAt: T1 })
    const text = readFileSync(store, 'utf8')
    // Compact, not pretty-printed: at most one line per trial plus the envelope, never indentation.
    const lines = text.split('\n')
    expect(lines.length).toBeLessThanOrEqual(145 + 3)
    expect(lines.some((line) => /^\s/.test(line))).toBe(false)
    expect(() => JSON.parse(text)).not.toThrow()
    const data = (await readStoreFile(store))!
    expect(data.trials).toHaveLength(145)
    expect(data.trials[0]).toMatchObject({ id: 'icreat:C100001', changeKind: 'new', firstSeenAt: T1 })
    expect(data.trials[0].fields['과제번호']).toBe('C100001')
    expectNoKeyAnywhere([run.stdout, run.stderr], dir)
  })

  it('accepts the Encoding form of the key too; without --json prints a readable summary and no progress off a terminal', async () => {
    const store = join(tempDir(), 'trials.json')
    const run = await cli(['sync', '--source', 'icreat', '--store', store], keyEnv(FAKE_ODCLOUD_KEY_ENCODED))
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/icreat: 145 fetched — 145 new, 0 updated/)
    expect(run.stderr).toBe('')
  })

  it('tracks updates, removals and restorations; formatting-only differences are not changes', async () => {
    const store = await syncedStore()
    const changed = ALL_ROWS.map((r) => ({ ...r }))
    changed[0]['진료과'] = 'Neurology'
    changed[1]['과제명'] = `  ${String(changed[1]['과제명']).normalize('NFD')}\r\n`
    const removedId = String(changed[2]['과제번호'])
    changed.splice(2, 1)
    fake.setRows(changed)
    fake.setFaults({ numbersAsNumbers: true })
    const second = JSON.parse(
      (await cli(['sync', '--source', 'icreat', '--store', store, '--now', T2, '--json'])).stdout,
    )
    expect(second).toMatchObject({ ok: true, fetched: 144, created: 0, updated: 1, removed: 1, unchanged: 143 })

    const shown = await cli(['show', 'icreat:C100001', '--store', store, '--json'])
    const detail = JSON.parse(shown.stdout)
    expect(detail).toMatchObject({
      id: 'icreat:C100001',
      source: 'icreat',
      sourceId: 'C100001',
      changeKind: 'updated',
      firstSeenAt: T1,
      changedAt: T2,
      removedAt: null,
    })
    expect(detail.fields['진료과']).toBe('Neurology')
    expect(detail.history[0]).toEqual({
      at: T2,
      kind: 'updated',
      changes: [{ field: '진료과', from: 'Cardiology', to: 'Neurology' }],
    })

    const removed = JSON.parse(
      (await cli(['list', '--store', store, '--now', T2, '--kind', 'removed', '--json'])).stdout,
    )
    expect(removed.items.map((t: { id: string }) => t.id)).toEqual([`icreat:${removedId}`])

    fake.setRows(ALL_ROWS)
    const third = JSON.parse(
      (await cli(['sync', '--source', 'icreat', '--store', store, '--now', '2026-01-06T00:00:00Z', '--json'])).stdout,
    )
    expect(third).toMatchObject({ ok: true, restored: 1, updated: 1 })
    const back = JSON.parse((await cli(['show', `icreat:${removedId}`, '--store', store, '--json'])).stdout)
    expect(back).toMatchObject({ changeKind: 'updated', removedAt: null })
    expect(back.history.map((h: { kind: string }) => h.kind)).toEqual(['restored', 'removed', 'created'])
  })

  const failures: Array<[string, Partial<FakeOdcloudFaults>, string]> = [
    ['a rejected key', { wrongKey: true }, 'AUTH'],
    ['a 500 on page 1', { status500OnPage: 1 }, 'SERVER'],
    ['an HTML page with status 200', { html200: true }, 'BAD_RESPONSE'],
    ['an empty listing', { emptyListing: true }, 'SUSPICIOUS_LISTING'],
    ['a server that never answers', { hang: true }, 'TIMEOUT'],
    ['the daily quota', { quotaExceeded: true }, 'QUOTA'],
  ]
  it.each(failures)('%s fails with exit 1 and leaves the trials exactly as they were', async (_label, faults, code) => {
    const store = await syncedStore()
    const before = (await readStoreFile(store))!.trials
    fake.setRows(ALL_ROWS.slice(0, 140))
    fake.setFaults(faults)
    const run = await (code === 'AUTH' ? spawned : cli)(
      ['sync', '--source', 'icreat', '--store', store, '--now', T2, '--json'],
      { ...keyEnv(), TRIALS_TIMEOUT_MS: '400' },
    )
    expect(run.code).toBe(1)
    const entry = JSON.parse(run.stdout)
    expect(entry).toMatchObject({ ok: false, error: { code } })
    expect(run.stderr).not.toMatch(/\n\s+at /)
    const after = (await readStoreFile(store))!
    expect(after.trials).toEqual(before)
    expect(after.sources.icreat).toMatchObject({ lastSuccessAt: T1, lastAttemptAt: T2, lastError: { code } })
    const status = JSON.parse((await cli(['status', '--store', store, '--json'])).stdout)
    expect(status.sources[0]).toMatchObject({ source: 'icreat', lastSuccessAt: T1, lastError: { code } })
    expectNoKeyAnywhere([run.stdout, run.stderr], join(store, '..'))
  })

  it('shows progress on stderr when it is a terminal, and keeps stdout to the one JSON document', async () => {
    const run = await runCliInProcess(
      ['sync', '--source', 'icreat', '--store', join(tempDir(), 't.json'), '--json'],
      keyEnv(),
      { tty: true },
    )
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(/icreat: list \d+\/145/)
    expect(run.stderr).toMatch(/icreat: save 1\/1/)
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true })
  })

  it('--allow-mass-removal accepts an empty listing', async () => {
    const store = await syncedStore()
    fake.setFaults({ emptyListing: true })
    const run = await cli([
      'sync',
      '--source',
      'icreat',
      '--store',
      store,
      '--now',
      T2,
      '--allow-mass-removal',
      '--json',
    ])
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, removed: 145 })
  })

  it('without a key fails with NO_KEY and says where to get one', async () => {
    const run = await spawned(['sync', '--source', 'icreat', '--store', join(tempDir(), 't.json')], fake.env)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/NO_KEY/)
    expect(run.stderr).toMatch(/data\.go\.kr/)
    expect(run.stderr).toMatch(/DATA_GO_KR_SERVICE_KEY/)
  })

  it('--source all prints an array of log entries; one source failing does not stop the other (exit 1)', async () => {
    const unreachableCris = {
      ...keyEnv(),
      TRIALS_CRIS_API: 'http://127.0.0.1:9',
      TRIALS_CTGOV_API: 'http://127.0.0.1:9',
    }
    const run = await cli(['sync', '--source', 'all', '--store', join(tempDir(), 't.json'), '--json'], unreachableCris)
    const entries = JSON.parse(run.stdout)
    expect(entries.map((e: { source: string }) => e.source)).toEqual(['icreat', 'cris', 'ctgov'])
    expect(entries[0]).toMatchObject({ ok: true, fetched: 145 })
    expect(entries[1]).toMatchObject({ ok: false, error: { code: 'NETWORK' } })
    expect(run.code).toBe(1)
  })

  it('warns (stderr and the log entry) when the revision list cannot be fetched and falls back', async () => {
    fake.setFaults({ docsDown: true })
    const run = await cli(['sync', '--source', 'icreat', '--store', join(tempDir(), 't.json'), '--json'])
    expect(run.code).toBe(0)
    const entry = JSON.parse(run.stdout)
    expect(entry.warnings.length).toBeGreaterThan(0)
    expect(run.stderr).toContain('warning')
  })

  it('a second process syncing the same store gets STORE_IN_USE', async () => {
    const store = join(tempDir(), 'trials.json')
    fake.setFaults({ hang: true })
    // `fake.requests` holds every earlier test's requests too: only a data request made from here on shows that the
    // first process is fetching, and a sync takes the store's writer lock before it fetches anything.
    const seen = fake.requests.length
    const firstIsFetching = () => fake.requests.slice(seen).some((r) => r.path.includes('uddi'))
    // The first process would give up (and release the lock) at its request timeout: keep that far beyond the test.
    const first = startCli(['sync', '--source', 'icreat', '--store', store], {
      ...keyEnv(),
      TRIALS_TIMEOUT_MS: '600000',
    })
    try {
      // A loaded CI machine can take many seconds to start tsx: wait on the condition, with a generous bound.
      for (let i = 0; i < 1200 && !firstIsFetching() && first.child.exitCode === null; i++)
        await new Promise((r) => setTimeout(r, 50))
      expect(firstIsFetching()).toBe(true)
      expect(existsSync(`${store}.lock`)).toBe(true)
      const dataRequestsBefore = fake.requests.length
      const second = await spawned(['sync', '--source', 'icreat', '--store', store])
      expect(second.code).toBe(1)
      expect(second.stderr).toMatch(/STORE_IN_USE.*Another Trial Desk window or command is syncing this store/)
      // It gave up at once: it asked the server nothing and the first process still holds the lock.
      expect(fake.requests.length).toBe(dataRequestsBefore)
      expect(first.child.exitCode).toBe(null)
    } finally {
      first.child.kill('SIGKILL')
      await first.done
    }
    expect(existsSync(store)).toBe(false)
  }, 120_000)
})

describe('trials list / show / status', () => {
  let store: string
  let sharedDir: string
  beforeAll(async () => {
    fake.resetFaults()
    fake.setRows(ALL_ROWS)
    sharedDir = mkdtempSync(join(tmpdir(), 'trialdesk-cli-'))
    store = join(sharedDir, 'trials.json')
    const run = await cli(['sync', '--source', 'icreat', '--store', store, '--now', T1], keyEnv())
    expect(run.code).toBe(0)
  })
  afterAll(() => rmSync(sharedDir, { recursive: true, force: true }))
  const list = async (...args: string[]) => {
    const run = await cli(['list', '--store', store, '--json', ...args], {})
    expect(run.code, run.stderr).toBe(0)
    return JSON.parse(run.stdout)
  }

  it('prints { total, offset, limit, items, facets, totalAllTime, unclassified } with the window as of --now', async () => {
    const result = await list('--now', '2026-01-03T00:00:00Z')
    expect(Object.keys(result).sort()).toEqual([
      'facets',
      'items',
      'limit',
      'offset',
      'total',
      'totalAllTime',
      'unclassified',
    ])
    expect(result).toMatchObject({ total: 145, offset: 0, limit: 20 })
    expect(result.items[0]).toMatchObject({
      id: expect.stringMatching(/^icreat:C/),
      source: 'icreat',
      changeKind: 'new',
      changedAt: T1,
    })
    expect(result.items[0].title).toBeTruthy()
    expect(result.facets.scope.reduce((n: number, f: { count: number }) => n + f.count, 0)).toBe(145)
    expect((await list('--now', '2026-01-20T00:00:00Z')).total).toBe(0)
    expect((await list('--now', '2026-01-20T00:00:00Z', '--within-days', '30')).total).toBe(145)
    expect((await list('--all')).total).toBe(145)
  })

  it('filters by text, field (column or common name), source and kind; sorts and pages', async () => {
    const byColumn = await list('--all', '--field', '진료과=Cardiology')
    expect(byColumn.total).toBe(ALL_ROWS.filter((r) => r['진료과'] === 'Cardiology').length)
    expect((await list('--all', '--field', 'department=Cardiology')).total).toBe(byColumn.total)
    const text = await list('--all', '--q', 'lymphoma')
    expect(text.total).toBeGreaterThan(0)
    // The condition synonym table expands "lymphoma" to 림프종 too (Korean-only records are found).
    const matching = ALL_ROWS.filter((r) => Object.values(r).some((v) => /lymphoma|림프종/i.test(String(v))))
    expect(matching.some((r) => !/lymphoma/i.test(JSON.stringify(r)))).toBe(true)
    expect(text.total).toBe(matching.length)
    expect((await list('--all', '--source', 'cris')).total).toBe(0)
    expect((await list('--all', '--kind', 'updated')).total).toBe(0)
    const byId = await list('--all', '--sort', 'id', '--offset', '140', '--limit', '10')
    expect(byId).toMatchObject({ total: 145, offset: 140, limit: 10 })
    expect(byId.items).toHaveLength(5)
    const ids = byId.items.map((t: { id: string }) => t.id)
    expect(ids).toEqual([...ids].sort())
  })

  it('prints a readable table without --json', async () => {
    const run = await cli(['list', '--store', store, '--all', '--limit', '3'], {})
    expect(run.stdout).toMatch(/^145 trials \(all trials\); showing 1-3\./)
    expect(run.stdout).toContain('icreat:C100001')
  })

  it('show prints the record with its fields; an unknown id fails with exit 1', async () => {
    const run = await cli(['show', 'icreat:C100002', '--store', store, '--json'], {})
    expect(JSON.parse(run.stdout)).toMatchObject({
      id: 'icreat:C100002',
      fields: { 과제명: 'Lymphoma Study for Auto-PBSCT' },
      history: [{ kind: 'created' }],
    })
    const missing = await cli(['show', 'icreat:NOPE', '--store', store], {})
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/NOT_FOUND/)
  })

  it('status reports the last sync, counts and the store size', async () => {
    const status = JSON.parse((await cli(['status', '--store', store, '--json'], {})).stdout)
    expect(status).toMatchObject({ storePath: store, syncing: false })
    expect(status.storeBytes).toBeGreaterThan(1000)
    expect(status.sources.find((s: { source: string }) => s.source === 'icreat')).toMatchObject({
      lastSuccessAt: T1,
      lastError: null,
      counts: { total: 145, active: 145, removed: 0 },
    })
  })

  it('uses TRIALS_STORE when --store is not given', async () => {
    const run = await cli(['list', '--all', '--json'], { TRIALS_STORE: store })
    expect(JSON.parse(run.stdout).total).toBe(145)
  })

  it.each([
    [['frobnicate']],
    [['list', '--limit', '0']],
    [['list', '--limit', '101']],
    [['list', '--all', '--within-days', '3']],
    [['list', '--now', 'tomorrow']],
    [['list', '--bogus']],
    [['show']],
    [['list', '--kind', 'weird']],
    [['list', '--field', 'noequals']],
  ])('usage error %j exits 2 without a stack trace', async (args) => {
    const run = await (args[0] === 'frobnicate' || args.includes('101') ? spawned : cli)(
      [...args, '--store', store],
      {},
    )
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/USAGE/)
    expect(run.stderr).not.toMatch(/\n\s+at /)
  })

  it('recovers from a damaged store: keeps it as .corrupt-<ts>, loads the previous copy, warns on stderr', async () => {
    const dir = tempDir()
    const path = join(dir, 'trials.json')
    await cli(['sync', '--source', 'icreat', '--store', path, '--now', T1])
    fake.setRows(ALL_ROWS.slice(0, 130))
    await cli(['sync', '--source', 'icreat', '--store', path, '--now', T2])
    writeFileSync(path, Buffer.alloc(2048))
    const run = await cli(['list', '--store', path, '--all', '--json'], {})
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout).total).toBe(145)
    const corrupt = readdirSync(dir).find((f) => f.startsWith('trials.json.corrupt-'))
    expect(corrupt).toBeDefined()
    expect(run.stderr).toContain(corrupt)
  })
})
