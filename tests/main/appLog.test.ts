/**
 * The support log file: written in the data folder's `logs`, size-capped with a few generations, and never holding
 * the service key (in any spelling) or raw control characters, whatever is logged: messages, errors with stacks,
 * objects, unhandled rejections, sync results.
 */
import { EventEmitter } from 'node:events'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createAppLog, logUnhandled } from '../../electron/main/log/appLog'
import { logAppEvent } from '../../electron/main/log/logEvents'
import type { SyncLogEntry } from '../../shared/trials'

const KEY = 'SeCrEtKeY+abc/def0123456789=='
const KEY_FORMS = [KEY, encodeURIComponent(KEY), encodeURIComponent(encodeURIComponent(KEY)), KEY.replace(/\+/g, ' ')]
const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function dataFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'trialdesk-log-'))
  dirs.push(dir)
  return dir
}

const logText = (folder: string) =>
  readdirSync(join(folder, 'logs'))
    .map((f) => readFileSync(join(folder, 'logs', f), 'utf8'))
    .join('\n')

describe('the log file', () => {
  it('lands in <data folder>/logs/main.log with every spelling of the key redacted and control characters neutralised', () => {
    const folder = dataFolder()
    const log = createAppLog({ dataFolder: folder, serviceKey: () => KEY })
    const failure = new Error(
      `request to https://apis.data.go.kr/x?serviceKey=${encodeURIComponent(KEY)}&pageNo=1 failed`,
    )
    log.info('[startup] Trial Desk 0.1.0 on linux')
    log.error('[sync] cris failed:', failure, {
      url: `?ServiceKey=${encodeURIComponent(encodeURIComponent(KEY))}`,
      key: KEY,
    })
    log.warn(`title \x1b]0;owned\x07\x1b[31mred\x1b[0m with ${KEY.replace(/\+/g, ' ')}`)

    expect(log.file).toBe(join(folder, 'logs', 'main.log'))
    const text = readFileSync(log.file, 'utf8')
    expect(text).toContain('[startup] Trial Desk 0.1.0 on linux')
    expect(text).toContain('[sync] cris failed:')
    expect(text).toContain('appLog.test.ts') // the stack is kept, for support
    expect(text).toContain('title red with')
    for (const form of KEY_FORMS) expect(text).not.toContain(form)
    expect(text).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/)
  })

  it('keeps the key out even when it is set after the log was created', () => {
    const folder = dataFolder()
    const keyStore: { key?: string } = {}
    const log = createAppLog({ dataFolder: folder, serviceKey: () => keyStore.key })
    keyStore.key = KEY
    log.info(`saved key ${KEY}`)
    expect(logText(folder)).not.toContain(KEY)
  })

  it('rotates by size into a few generations and drops the oldest, so the folder stays bounded', () => {
    const folder = dataFolder()
    const log = createAppLog({ dataFolder: folder, serviceKey: () => undefined, maxBytes: 2_000, generations: 2 })
    for (let i = 0; i < 300; i++) log.info(`line ${String(i).padStart(4, '0')} ${'x'.repeat(40)}`)
    const files = readdirSync(join(folder, 'logs')).sort()
    expect(files).toEqual(['main.1.log', 'main.2.log', 'main.log'])
    for (const file of files) expect(statSync(join(folder, 'logs', file)).size).toBeLessThan(2_000 + 200)
    expect(readFileSync(log.file, 'utf8')).toContain('line 0299')
    expect(logText(folder)).not.toContain('line 0000 ')
  })

  it('records unhandled errors and rejections with their stack, redacted', () => {
    const folder = dataFolder()
    const log = createAppLog({ dataFolder: folder, serviceKey: () => KEY })
    const processLike = new EventEmitter()
    logUnhandled(log, processLike)
    processLike.emit('unhandledRejection', new Error(`lost promise with ${KEY}`))
    processLike.emit('uncaughtException', new TypeError('boom'))
    const text = logText(folder)
    expect(text).toMatch(/unhandled rejection:.*lost promise with \*\*\*/)
    expect(text).toMatch(/uncaught exception:.*TypeError: boom/)
    expect(text).not.toContain(KEY)
  })

  it("writes each sync's summary and its error code, without the key", () => {
    const folder = dataFolder()
    const log = createAppLog({ dataFolder: folder, serviceKey: () => KEY })
    const base = {
      id: 'x',
      startedAt: '2026-01-01T06:00:00.000Z',
      finishedAt: '2026-01-01T06:00:42.000Z',
      rejected: 0,
      unchanged: 0,
    }
    const ok: SyncLogEntry = {
      ...base,
      source: 'cris',
      trigger: 'schedule',
      ok: true,
      fetched: 12_500,
      created: 3,
      updated: 10,
      removed: 1,
      warnings: [{ code: 'LISTING_INCONSISTENT', values: { expected: 2, received: 1, kept: 1 }, message: '…' }],
    }
    const failed: SyncLogEntry = {
      ...base,
      source: 'icreat',
      trigger: 'manual',
      ok: false,
      fetched: 0,
      created: 0,
      updated: 0,
      removed: 0,
      warnings: [],
      error: { code: 'TIMEOUT', message: `no answer (serviceKey=${KEY})` },
    }
    logAppEvent(log, 'sync:finished', { entries: [ok, failed] })
    const text = logText(folder)
    expect(text).toContain('[sync] cris (schedule) ok in 42.0 s: fetched 12500, created 3, updated 10, removed 1')
    expect(text).toContain('warnings: LISTING_INCONSISTENT')
    expect(text).toContain('[sync] icreat (manual) FAILED TIMEOUT')
    expect(text).not.toContain(KEY)
  })
})
