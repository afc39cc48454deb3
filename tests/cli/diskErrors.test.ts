/**
 * A data folder the user cannot write, or a full disk: the user gets a stable code naming the folder and the next
 * step (not INTERNAL), browsing keeps working, and a save that failed half-way leaves no store-sized temp file.
 */
import { chmodSync, chownSync, promises as fsPromises, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { diskErrorCode, toDiskError } from '../../electron/core/disk'
import { isTrialsError } from '../../electron/core/errors'
import { openTrialDesk } from '../../electron/core/openTrialDesk'
import { readStoreFile } from '../../electron/core/store/trialStoreFile'
import { FAKE_ODCLOUD_KEY } from '../fakes/odcloudServer'
import { createFakeSource, icreatRow, ids, rowsFor } from '../fakes/fakeSource'
import { useFakeOdcloud } from '../fakes/fakeServers'
import { runCliInProcess } from '../helpers/runCliInProcess'
import { runCliProcess } from '../helpers/runCliProcess'
import { useTempDir } from '../helpers/tempStore'

const tempDir = useTempDir()
const fake = await useFakeOdcloud()
const T1 = '2026-01-01T00:00:00.000Z'
const sourceConfig = { getServiceKey: () => 'k', timeoutMs: 1000, env: {} }
const keyEnv = () => ({
  ...fake.env,
  DATA_GO_KR_SERVICE_KEY: FAKE_ODCLOUD_KEY,
  TRIALS_TIMEOUT_MS: '2000',
  TRIALS_RETRY_BASE_MS: '5',
})
/** Root may write anywhere: the CLI then runs as `nobody`, for whom a 0555 folder really is read-only. */
const NOBODY = { uid: 65534, gid: 65534 }
const asUser = process.getuid?.() === 0 ? NOBODY : undefined

function errnoError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code })
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('disk errors as stable codes', () => {
  it.each([
    ['EACCES', 'STORE_NOT_WRITABLE'],
    ['EPERM', 'STORE_NOT_WRITABLE'],
    ['EROFS', 'STORE_NOT_WRITABLE'],
    ['ENOSPC', 'DISK_FULL'],
    ['EDQUOT', 'DISK_FULL'],
  ] as const)('%s becomes %s, naming the folder and the next step', (errno, code) => {
    for (const kind of ['store', 'userData', 'settings'] as const) {
      const error = toDiskError(errnoError(errno), { kind, path: '/data/Trial Desk/trials.json' })
      expect(isTrialsError(error) && error.code).toBe(code)
      if (!isTrialsError(error)) continue
      expect(error.message).toContain('/data/Trial Desk')
      expect(error.message).toContain(errno)
      expect(error.message).toMatch(/then try again/)
      expect(error.toJSON()).toMatchObject({ code, values: { folder: '/data/Trial Desk', errno } })
    }
  })

  it('leaves other errors alone', () => {
    const other = errnoError('ENOENT')
    expect(diskErrorCode(other)).toBeNull()
    expect(toDiskError(other, { kind: 'store', path: '/x/trials.json' })).toBe(other)
    expect(toDiskError('text', { kind: 'store', path: '/x/trials.json' })).toBe('text')
  })
})

describe('a store folder the user cannot write', () => {
  it('sync fails as STORE_NOT_WRITABLE naming the folder, and list keeps working read-only', async () => {
    const dir = tempDir()
    const store = join(dir, 'trials.json')
    const first = await runCliInProcess(['sync', '--source', 'icreat', '--store', store, '--now', T1], keyEnv())
    expect(first.code, first.stderr).toBe(0)
    const before = readFileSync(store)
    chmodSync(dir, 0o555) // (temp folders sit in the world-readable tmp folder)
    chmodSync(store, 0o644)
    try {
      // The other user's own writable temp folder (tsx caches its compiled files there).
      const userTemp = tempDir()
      if (asUser) chownSync(userTemp, asUser.uid, asUser.gid)
      const env = { ...keyEnv(), HOME: userTemp, TMPDIR: userTemp }
      const sync = await runCliProcess(['sync', '--source', 'icreat', '--store', store], env, asUser)
      expect(sync.code, sync.stderr).toBe(1)
      expect(sync.stderr).toContain('Error [STORE_NOT_WRITABLE]')
      expect(sync.stderr).toContain(dir)
      expect(sync.stderr).toMatch(/write access to that folder/)
      expect(sync.stderr).not.toContain('INTERNAL')
      const list = await runCliProcess(['list', '--all', '--store', store, '--limit', '3', '--json'], env, asUser)
      expect(list.code, list.stderr).toBe(0)
      expect(JSON.parse(list.stdout).total).toBe(145)
      expect(readFileSync(store).equals(before)).toBe(true)
    } finally {
      chmodSync(dir, 0o755)
    }
  })
})

describe('a disk that fills up during a save', () => {
  it('fails as DISK_FULL, keeps the trials as they were and leaves no temp file behind', async () => {
    const dir = tempDir()
    const path = join(dir, 'trials.json')
    const source = createFakeSource({ rows: rowsFor(ids(50)) })
    const desk = await openTrialDesk({ storePath: path, sources: [source.source], sourceConfig })
    const [first] = await desk.sync({ sources: ['icreat'], now: () => new Date(T1) })
    expect(first.ok).toBe(true)
    const sizeBefore = statSync(path).size

    // The new generation is written in full; keeping the previous one as .bak then runs out of space half-way.
    source.rows = [...source.rows, icreatRow('C999999')]
    vi.spyOn(fsPromises, 'link').mockRejectedValue(errnoError('EXDEV'))
    vi.spyOn(fsPromises, 'copyFile').mockImplementation(async (from, to) => {
      await fsPromises.writeFile(to as string, readFileSync(from as string).subarray(0, sizeBefore / 2))
      throw errnoError('ENOSPC')
    })
    const [second] = await desk.sync({ sources: ['icreat'], now: () => new Date('2026-01-02T00:00:00.000Z') })
    vi.restoreAllMocks()

    expect(second.ok).toBe(false)
    expect(second.error).toMatchObject({ code: 'DISK_FULL', values: { folder: dir, errno: 'ENOSPC' } })
    expect(second.error?.message).toContain(dir)
    expect(second.error?.message).toMatch(/Free some disk space/)
    expect(readdirSync(dir).filter((name) => name.includes('.tmp'))).toEqual([])
    expect((await readStoreFile(path))!.trials).toHaveLength(50)
    expect(desk.list({ withinDays: null }).total).toBe(50)
  })
})
