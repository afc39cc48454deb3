/**
 * The built app, checked without an Electron binary: the electron-vite bundle loads under plain Node with a stubbed
 * `electron` and registers its handlers; electron-builder accepts the config and an offline `--dir` package (placeholder
 * electronDist) carries exactly the built app. Everything is built once, into a temp folder (the shared out/ and
 * dist/ are left alone): the app folder gets the build output, package files, and the production dependency closure.
 */
import { execFile } from 'node:child_process'
import {
  chmodSync,
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lockStore } from '../../electron/core/store/trialStoreFile'
import { IPC_CALLS } from '../../shared/ipc'
import { seedStore } from '../fakes/seedStore'

const run = promisify(execFile)
const ROOT = resolve(__dirname, '../..')
const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name)

let work: string
let appDir: string
let asarPath: string

async function productionDependencyDirs(): Promise<string[]> {
  // `npm ls` exits non-zero on any peer-dependency warning; its JSON/parseable output is still complete.
  const { stdout } = await run('npm', ['ls', '--omit=dev', '--all', '--parseable'], {
    cwd: ROOT,
    maxBuffer: 16 << 20,
  }).catch((e: { stdout: string }) => ({ stdout: e.stdout }))
  return stdout
    .split('\n')
    .filter((line) => line.includes('node_modules'))
    .map((line) => relative(ROOT, line.trim()))
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'trialdesk-build-'))
  appDir = join(work, 'app')
  mkdirSync(appDir)
  await run(bin('electron-vite'), ['build', '--outDir', join(appDir, 'out')], { cwd: ROOT })
  for (const file of ['package.json', 'package-lock.json', 'electron-builder.yml'])
    copyFileSync(join(ROOT, file), join(appDir, file))
  cpSync(join(ROOT, 'build'), join(appDir, 'build'), { recursive: true })
  for (const dir of await productionDependencyDirs()) cpSync(join(ROOT, dir), join(appDir, dir), { recursive: true })

  const electronDist = join(work, 'electron-dist')
  mkdirSync(electronDist)
  writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\necho placeholder\n')
  chmodSync(join(electronDist, 'electron'), 0o755)
  await run(
    bin('electron-builder'),
    [
      '--dir',
      '--linux',
      '--publish',
      'never',
      '--projectDir',
      appDir,
      `-c.electronDist=${electronDist}`,
      `-c.directories.output=${join(work, 'dist')}`,
    ],
    { cwd: appDir, env: { ...process.env, CI: '' }, maxBuffer: 16 << 20 },
  )
  asarPath = join(work, 'dist', 'linux-unpacked', 'resources', 'app.asar')
}, 240_000)

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true })
})

/** Starts the built main process under plain Node (stubbed electron) with its own user-data folder; returns what it did. */
async function launchBuiltApp(userData: string, env: Record<string, string> = {}) {
  const { stdout } = await run(
    process.execPath,
    [
      join(__dirname, '..', 'fakes', 'loadMainBundle.cjs'),
      join(appDir, 'out', 'main', 'index.js'),
      String(Object.keys(IPC_CALLS).length),
    ],
    { env: { ...process.env, STUB_USER_DATA: userData, TRIALS_STORE: '', ...env } },
  )
  return JSON.parse(stdout.trim().split('\n').at(-1)!)
}

function userDataDir(): { userData: string; storePath: string } {
  const userData = mkdtempSync(join(work, 'Trial Desk '))
  return { userData, storePath: join(userData, 'trials.json') }
}

describe('built main bundle under plain Node with a stubbed electron', () => {
  it('loads, registers one handler per channel, opens a secure window with CSP and menu', async () => {
    const { userData } = userDataDir()
    const recorded = await launchBuiltApp(userData)
    expect(recorded.exitCode).toBeNull()
    expect(recorded.dialogs).toEqual([])
    expect([...recorded.channels].sort()).toEqual(Object.values(IPC_CALLS).sort())
    // The store is the core process's: the built coreProcess.js was forked and answered the main process.
    expect(recorded.core.forks).toEqual(['coreProcess.js'])
    expect(recorded.core.replies).toBeGreaterThan(0)
    expect(recorded.singleInstanceLock).toBe(true)
    expect(recorded.windows).toHaveLength(1)
    expect(recorded.windows[0].webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    })
    expect(recorded.windows[0].webPreferences.preload).toBe(join(appDir, 'out', 'preload', 'index.js'))
    expect(recorded.windows[0].loaded).toBe(join(appDir, 'out', 'renderer', 'index.html'))
    expect(recorded.cspHeader[0]).toMatch(/^default-src 'self'/)
    expect(recorded.menu).toEqual(['파일', '편집', '보기', '창', '도움말'])
    // The support log: in the data folder, from the first moment, with the scheduler's decisions.
    const logText = readFileSync(join(userData, 'logs', 'main.log'), 'utf8')
    expect(logText).toMatch(/\[startup\] Trial Desk \S+ on /)
    expect(logText).toMatch(/\[scheduler\] schedule: daily sync at 06:00/)
    expect(logText).toMatch(/\[scheduler\] catch-up \(start\): skipped-(offline|no-key)/)
  })

  it('opens while a CLI sync holds the store lock (reads need no lock)', async () => {
    const { userData, storePath } = userDataDir()
    await seedStore(storePath)
    const lock = await lockStore(storePath)
    try {
      const recorded = await launchBuiltApp(userData)
      expect(recorded.exitCode).toBeNull()
      expect(recorded.dialogs).toEqual([])
      expect(recorded.channels).toHaveLength(Object.keys(IPC_CALLS).length)
    } finally {
      await lock.release()
    }
  })

  it('a store damaged beyond recovery: a dialog names the file and what to do, shows it on request, deletes nothing', async () => {
    const { userData, storePath } = userDataDir()
    writeFileSync(storePath, '\0'.repeat(32))
    const recorded = await launchBuiltApp(userData, { STUB_DIALOG_BUTTON: '0' })
    // The window showed at once; the core process's failed open ends the app.
    expect(recorded.exitCode).toBe(1)
    expect(recorded.dialogs).toHaveLength(1)
    expect(recorded.dialogs[0]).toMatchObject({
      type: 'error',
      message: expect.stringMatching(/손상/),
      buttons: ['데이터 파일 보기', '종료'],
    })
    expect(recorded.dialogs[0].detail).toContain(storePath)
    expect(recorded.dialogs[0].detail).toMatch(/Nothing was deleted/)
    expect(recorded.shownItems).toEqual([storePath])
    expect(readFileSync(storePath, 'utf8')).toBe('\0'.repeat(32))
    expect(readFileSync(join(userData, 'logs', 'main.log'), 'utf8')).toMatch(/\[startup\] failed: STORE_UNREADABLE/)
  })

  it('a damaged store with a good previous copy opens and tells the window where the damaged file was kept', async () => {
    const { userData, storePath } = userDataDir()
    await seedStore(storePath, { syncs: 2 }) // trials.json.bak is now a good copy
    writeFileSync(storePath, '{"trials": [')
    const recorded = await launchBuiltApp(userData)
    expect(recorded.exitCode).toBeNull()
    const recovered = recorded.sent.filter((s: { channel: string }) => s.channel === 'store:recovered')
    expect(recovered).toHaveLength(1)
    expect(recovered[0].payload.corruptPath.startsWith(`${storePath}.corrupt-`)).toBe(true)
    expect(readFileSync(recovered[0].payload.corruptPath, 'utf8')).toBe('{"trials": [')
    expect(readFileSync(join(userData, 'logs', 'main.log'), 'utf8')).toContain(`[store] The trial store was damaged`)
  })
})

describe('electron-builder', () => {
  const builderConfig = () =>
    import('js-yaml' as string).then(
      (yaml: { load: (s: string) => unknown }) =>
        yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, any>,
    )
  const validate = async (config: unknown) => {
    const { validateConfiguration } = await import('app-builder-lib/out/util/config/config.js' as string)
    const { DebugLogger } = await import('builder-util/out/DebugLogger.js' as string)
    return validateConfiguration(config, new DebugLogger(false))
  }

  it('config passes schema validation (and a broken one does not)', async () => {
    const config = await builderConfig()
    await expect(validate(config)).resolves.toBeUndefined()
    await expect(validate({ ...config, nsis: { ...config.nsis, oneClik: false } })).rejects.toThrow(/configuration/i)
  })

  it('config has the installer settings users rely on', async () => {
    const config = await builderConfig()
    expect(config).toMatchObject({
      appId: 'kr.trialdesk.app',
      productName: 'Trial Desk',
      directories: { output: 'dist', buildResources: 'build' },
      nsis: {
        oneClick: false,
        perMachine: false,
        allowToChangeInstallationDirectory: true,
        deleteAppDataOnUninstall: false,
      },
      mac: { target: ['dmg'], category: 'public.app-category.medical' },
      linux: {
        target: ['AppImage', 'deb'],
        category: expect.stringMatching(/MedicalSoftware/),
        maintainer: expect.any(String),
      },
    })
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).homepage).toMatch(/^https:/)
  })

  it('only the two entry bundles touch electron: the core they share is plain Node', () => {
    const mainOut = join(appDir, 'out', 'main')
    const bundles = readdirSync(mainOut, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'))
    const withElectron = bundles.filter((f) => /require\("electron"\)/.test(readFileSync(join(mainOut, f), 'utf8')))
    expect(withElectron.sort()).toEqual(['coreProcess.js', 'index.js'])
    expect(bundles.length).toBeGreaterThan(2)
  })

  it('an offline --dir package carries the built app and production dependencies, nothing else', async () => {
    const { listPackage } = await import('@electron/asar')
    const files = listPackage(asarPath, { isPack: false }).map((f) => f.replaceAll('\\', '/'))
    for (const path of [
      '/package.json',
      '/out/main/index.js',
      '/out/main/coreProcess.js',
      '/out/preload/index.js',
      '/out/renderer/index.html',
    ]) {
      expect(files).toContain(path)
    }
    const topLevel = new Set(files.map((f) => f.split('/')[1]))
    expect([...topLevel].sort()).toEqual(['node_modules', 'out', 'package.json'])
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
    const packaged = new Set(files.filter((f) => f.startsWith('/node_modules/')).map((f) => f.split('/')[2]))
    for (const dep of Object.keys(pkg.dependencies)) expect(packaged, dep).toContain(dep)
    // Transitive production dependencies come along (node-schedule needs cron-parser at runtime).
    expect(packaged).toContain('cron-parser')
    for (const dev of ['electron', 'vitest', 'react', 'typescript', 'electron-builder', '@electron'])
      expect(packaged, dev).not.toContain(dev)
    const appFiles = files.filter((f) => !f.startsWith('/node_modules/'))
    expect(appFiles.filter((f) => /\.(ts|tsx|map)$|\/\.env|\/tests?\/|fixtures/.test(f))).toEqual([])
    expect(files.filter((f) => /\.map$/.test(f))).toEqual([])
  })
})
