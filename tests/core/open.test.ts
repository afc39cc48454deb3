import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openTrialDesk } from '../../electron/core/openTrialDesk'
import { defaultStorePath } from '../../electron/core/paths'
import { appPaths } from '../../electron/main/appPaths'
import { createFakeSource, rowsFor, ids } from '../fakes/fakeSource'
import { useTempDir } from '../helpers/tempStore'

const tempDir = useTempDir()
const sourceConfig = { getServiceKey: () => undefined, timeoutMs: 1000, env: {} }

describe('defaultStorePath', () => {
  it('is Electron\'s userData folder for "Trial Desk", shared by the app and the CLI', () => {
    expect(defaultStorePath('win32', { APPDATA: 'C:\\Users\\kim\\AppData\\Roaming' }, 'C:\\Users\\kim')).toBe(
      'C:\\Users\\kim\\AppData\\Roaming\\Trial Desk\\trials.json',
    )
    expect(defaultStorePath('win32', {}, 'C:\\Users\\kim')).toBe(
      'C:\\Users\\kim\\AppData\\Roaming\\Trial Desk\\trials.json',
    )
    expect(defaultStorePath('darwin', {}, '/Users/kim')).toBe(
      '/Users/kim/Library/Application Support/Trial Desk/trials.json',
    )
    expect(defaultStorePath('linux', {}, '/home/kim')).toBe('/home/kim/.config/Trial Desk/trials.json')
    expect(defaultStorePath('linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/kim')).toBe('/xdg/Trial Desk/trials.json')
  })
  it('is overridden by TRIALS_STORE (trimmed; blank means unset)', () => {
    expect(defaultStorePath('linux', { TRIALS_STORE: '/data/t.json' }, '/home/kim')).toBe('/data/t.json')
    expect(defaultStorePath('linux', { TRIALS_STORE: ' /data/t.json\n' }, '/home/kim')).toBe('/data/t.json')
    expect(defaultStorePath('linux', { TRIALS_STORE: '  ' }, '/home/kim')).toBe(
      '/home/kim/.config/Trial Desk/trials.json',
    )
  })

  it('is the file the desktop app opens in its userData folder, with or without TRIALS_STORE', () => {
    for (const env of [{}, { TRIALS_STORE: ' /data/t.json ' }, { TRIALS_STORE: '' }]) {
      expect(appPaths('/home/kim/.config/Trial Desk', env).storePath).toBe(defaultStorePath('linux', env, '/home/kim'))
    }
  })
})

describe('openTrialDesk', () => {
  it('registers the built-in sources when none are given', async () => {
    const desk = await openTrialDesk({ storePath: join(tempDir(), 'trials.json'), sourceConfig })
    expect(desk.status().sources.map((s) => s.source)).toEqual(['icreat', 'cris', 'ctgov'])
    expect(desk.openWarnings).toEqual([])
    expect(desk.list({}).total).toBe(0)
  })

  it('a sync for a source that is not registered fails that source only', async () => {
    const fake = createFakeSource({ rows: rowsFor(ids(2)) })
    const desk = await openTrialDesk({
      storePath: join(tempDir(), 'trials.json'),
      sources: [fake.source],
      sourceConfig,
    })
    const entries = await desk.sync({ sources: ['cris', 'icreat'] })
    expect(entries.map((e) => [e.source, e.ok, e.error?.code])).toEqual([
      ['cris', false, 'USAGE'],
      ['icreat', true, undefined],
    ])
  })

  it("get returns the attribution of the record's source", async () => {
    const fake = createFakeSource({ rows: rowsFor(ids(1)) })
    const desk = await openTrialDesk({
      storePath: join(tempDir(), 'trials.json'),
      sources: [fake.source],
      sourceConfig,
    })
    await desk.sync({ sources: ['icreat'] })
    expect(desk.get(`icreat:${ids(1)[0]}`).attribution.text).toBe(`출처: fake ${ids(1)[0]}`)
    expect(() => desk.get('icreat:missing')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
  })

  it('close waits for a running sync to finish', async () => {
    const fake = createFakeSource({ rows: rowsFor(ids(2)) })
    let open!: () => void
    fake.gate = new Promise((resolve) => {
      open = resolve
    })
    const desk = await openTrialDesk({
      storePath: join(tempDir(), 'trials.json'),
      sources: [fake.source],
      sourceConfig,
    })
    const sync = desk.sync({ sources: ['icreat'] })
    let closed = false
    const closing = desk.close().then(() => {
      closed = true
    })
    await new Promise((r) => setTimeout(r, 20))
    expect(closed).toBe(false)
    open()
    await closing
    expect((await sync)[0].ok).toBe(true)
  })
})
