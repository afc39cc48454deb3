/**
 * `npm run trials` as users run it: scripts/trials.mjs builds the command line into out/cli/trials.cjs (once, and
 * again when a source is newer) and runs it — same answers as the TypeScript entry the other CLI tests start.
 */
import { spawnSync } from 'node:child_process'
import { statSync, utimesSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { saveStore } from '../../electron/core/store/trialStoreFile'
import { storedTrial, storeWith } from '../helpers/storeData'
import { PROJECT_ROOT, runCliProcess } from '../helpers/runCliProcess'
import { useTempDir } from '../helpers/tempStore'

const tempDir = useTempDir()
const BUNDLE = join(PROJECT_ROOT, 'out', 'cli', 'trials.cjs')

const runScript = (args: string[]) =>
  spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts', 'trials.mjs'), ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
  })

describe('npm run trials (the bundled command line)', () => {
  it('answers list --json like the TypeScript entry, and rebuilds its bundle when a source is newer', async () => {
    const store = join(tempDir(), 'trials.json')
    await saveStore(store, storeWith([storedTrial('C1'), storedTrial('C2')]))
    const args = ['list', '--json', '--all', '--store', store]
    const first = runScript(args)
    expect(first.status).toBe(0)
    expect(JSON.parse(first.stdout)).toEqual(JSON.parse((await runCliProcess(args)).stdout))
    expect(JSON.parse(first.stdout).total).toBe(2)

    // A source edited after the bundle was built: the next run rebuilds it first.
    const built = statSync(BUNDLE).mtimeMs
    const source = join(PROJECT_ROOT, 'electron', 'cli', 'trials.ts')
    const later = new Date(built + 5_000)
    utimesSync(source, later, later)
    expect(runScript(args).status).toBe(0)
    expect(statSync(BUNDLE).mtimeMs).toBeGreaterThan(built)
  }, 60_000)
})
