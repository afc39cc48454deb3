import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { IPC_CALLS, type IpcCallName } from '../../shared/ipc'
import { TrialsError } from '../../electron/core/errors'
import { createTestApp, TEST_KEY } from '../fakes/testApp'
import { logEntry } from '../fakes/fakeCore'

const long = (n: number) => 'x'.repeat(n)

/** Malformed arguments per channel; each must come back as VALIDATION without reaching the core. */
const BAD_ARGS: Record<IpcCallName, unknown[][]> = {
  listTrials: [
    [],
    [null],
    ['q'],
    [{ limit: 0 }],
    [{ limit: 101 }],
    [{ limit: 2.5 }],
    [{ offset: -1 }],
    [{ q: long(201) }],
    [{ sources: ['pubmed'] }],
    [{ kinds: ['deleted'] }],
    [{ sort: 'random' }],
    [{ withinDays: 0 }],
    [{ now: 'yesterday' }],
    [{ fields: [{ name: '', value: 'x' }] }],
    [{ unknownKey: 1 }],
    [{}, 'extra'],
  ],
  getTrial: [
    [],
    [42],
    [''],
    ['C100001'],
    ['pubmed:1'],
    ['icreat:'],
    [`icreat:${long(41)}`],
    ['icreat:../../etc'],
    ['icreat:C1 OR 1=1'],
    [{ id: 'icreat:C1' }],
  ],
  startSync: [
    [{ sources: ['pubmed'] }],
    [{ sources: [] }],
    ['icreat'],
    [{ sources: 'icreat' }],
    [{ force: true }],
    [{}, 1],
  ],
  cancelSync: [[1], ['now']],
  getSyncStatus: [[{}]],
  getSyncLog: [[{ limit: 0 }], [{ limit: 201 }], [{ offset: -5 }], [{ source: 'x' }], [{ ok: 'yes' }], [{ page: 1 }]],
  getSettings: [[true]],
  updateSettings: [
    [],
    [null],
    [{ language: 'fr' }],
    [{ pageSize: 30 }],
    [{ schedule: { time: '25:00' } }],
    [{ schedule: { time: '6:00' } }],
    [{ schedule: { enabled: 'yes' } }],
    [{ defaultWithinDays: -1 }],
    [{ sources: { pubmed: { enabled: true } } }],
    [{ crisDetailBudget: 1e9 }],
    [{ serviceKey: 'abc' }],
    [{ lastQuery: { limit: 1000 } }],
  ],
  getKeyInfo: [['x']],
  setServiceKey: [
    [],
    [123],
    ['short'],
    [long(513)],
    ['has space inside the key'],
    ['키가한글로되어있습니다열자'],
    ['tab\there1234'],
  ],
  clearServiceKey: [['all']],
  testServiceKey: [[TEST_KEY]],
  exportCsv: [
    [],
    [{ query: {} }],
    [{ query: {}, language: 'fr' }],
    [{ query: { limit: 500 }, language: 'ko' }],
    [{ query: {}, language: 'ko', path: '/etc/passwd' }],
  ],
  showExportedFile: [[], [42], [''], [long(4097)]],
  openExternal: [[], [42], [''], [long(2049)], [{ url: 'https://data.go.kr' }]],
  getAppInfo: [[1]],
  listSavedSearches: [[1]],
  addSavedSearch: [
    [],
    [{ name: '', query: {} }],
    [{ name: long(101), query: {} }],
    [{ name: 'x', query: { limit: 5 } }],
    [{ name: 'x', query: {}, extra: 1 }],
  ],
  renameSavedSearch: [['a'], ['a', ''], ['a', 42]],
  moveSavedSearch: [['a'], ['a', -1], ['a', 1.5], ['a', '1']],
  updateSavedSearch: [['a'], ['a', { name: 'b' }], ['a', { alerts: 'yes' }]],
  removeSavedSearch: [[], [''], [{}]],
  openSavedSearch: [[], [long(101)]],
  exportSavedSearches: [[], ['fr']],
  importSavedSearches: [[], ['/etc/passwd']],
  getSeenMarks: [['x']],
  markSeen: [[], ['saved'], ['list', 'extra']],
  watchTrial: [[], ['C1'], ['icreat:../x']],
  unwatchTrial: [[], ['pubmed:1']],
  getWatched: [[{}]],
  setNote: [['icreat:C000001'], ['icreat:C000001', long(10_001)], ['icreat:C000001', 42], ['x', 'note']],
}

describe('IPC handlers', () => {
  it('exist for every channel of the contract and nothing else', async () => {
    const { handlers } = await createTestApp()
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(IPC_CALLS).sort())
    for (const fn of Object.values(handlers)) expect(typeof fn).toBe('function')
  })

  for (const [name, cases] of Object.entries(BAD_ARGS) as [IpcCallName, unknown[][]][]) {
    it.each(cases.map((args) => [JSON.stringify(args).slice(0, 60), args]))(
      `${name} rejects %s with VALIDATION`,
      async (_label, args) => {
        const app = await createTestApp({ key: TEST_KEY, trials: 3 })
        const result = await app.handlers[name](...(args as unknown[]))
        expect(result.ok).toBe(false)
        if (!result.ok) {
          expect(result.error.code).toBe('VALIDATION')
          expect(result.error.message).toMatch(/try again/i)
        }
        expect(app.core.syncCalls).toHaveLength(0)
        expect(app.core.listCalls).toBe(0)
        expect(app.saveDialog).not.toHaveBeenCalled()
        expect(app.openExternal).not.toHaveBeenCalled()
        expect(app.showItemInFolder).not.toHaveBeenCalled()
        expect(app.testKey).not.toHaveBeenCalled()
        expect(app.settings.get().language).toBe('ko')
        expect(app.keyStore.get()).toBe(TEST_KEY)
      },
    )
  }

  it('every channel answers well-formed arguments with ok', async () => {
    const app = await createTestApp({ key: TEST_KEY, trials: 3 })
    const good: Record<IpcCallName, unknown[]> = {
      listTrials: [{ withinDays: null, limit: 100, sort: 'title', q: '당뇨' }],
      getTrial: ['icreat:C000001'],
      startSync: [{ sources: ['icreat'] }],
      cancelSync: [],
      getSyncStatus: [],
      getSyncLog: [{ ok: false, limit: 200 }],
      getSettings: [],
      updateSettings: [{ schedule: { time: '07:30' }, sources: { cris: { enabled: false } } }],
      getKeyInfo: [],
      setServiceKey: ['  another-Key%2B0000abcd\n'],
      clearServiceKey: [],
      testServiceKey: [],
      exportCsv: [{ query: { withinDays: 7 }, language: 'en' }],
      showExportedFile: ['/tmp/not-exported.csv'],
      openExternal: ['https://www.data.go.kr/data/3074271/fileData.do'],
      getAppInfo: [],
      listSavedSearches: [],
      addSavedSearch: [
        { name: '폐암 2상', query: { q: '폐암', withinDays: null, fields: [{ name: 'phase', value: '2상' }] } },
      ],
      renameSavedSearch: ['폐암 2상', '폐암 II상'],
      moveSavedSearch: ['폐암 II상', 0],
      updateSavedSearch: ['폐암 II상', { alerts: false }],
      removeSavedSearch: ['폐암 II상'],
      openSavedSearch: ['폐암'],
      exportSavedSearches: ['ko'],
      importSavedSearches: ['en'],
      getSeenMarks: [],
      markSeen: ['watched'],
      watchTrial: ['icreat:C000001'],
      unwatchTrial: ['icreat:C000001'],
      getWatched: [],
      setNote: ['icreat:C000001', '환자 의뢰함'],
    }
    for (const name of Object.keys(IPC_CALLS) as IpcCallName[]) {
      const result = await app.handlers[name](...good[name])
      expect(result, name).toMatchObject({ ok: true })
    }
  })

  it('keeps the code and message of a TrialsError and hides anything else behind INTERNAL', async () => {
    const app = await createTestApp({ trials: 1 })
    expect(await app.handlers.getTrial('icreat:C999999')).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('icreat:C999999') },
    })
    app.core.status = () => {
      throw new Error(`ENOENT: /secret/path with ${TEST_KEY}`)
    }
    const result = await app.handlers.getSyncStatus()
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String) } })
    expect(JSON.stringify(result)).not.toContain('/secret/path')
  })

  it('startSync without a key answers NO_KEY and tells where to get one; browsing still works', async () => {
    const app = await createTestApp({ trials: 2 })
    // ClinicalTrials.gov needs no key: with it off, nothing can sync.
    await app.handlers.updateSettings({ sources: { ctgov: { enabled: false } } })
    const result = await app.handlers.startSync()
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'NO_KEY', message: expect.stringMatching(/data\.go\.kr/) },
    })
    expect(app.core.syncCalls).toHaveLength(0)
    expect(await app.handlers.listTrials({})).toMatchObject({ ok: true, data: { total: 2 } })
  })

  it('startSync syncs the sources enabled in settings, and a second call joins the running sync', async () => {
    const app = await createTestApp({ key: TEST_KEY })
    await app.handlers.updateSettings({ sources: { cris: { enabled: false } } })
    let release!: () => void
    app.core.syncResult = (options) =>
      new Promise((resolve) => (release = () => resolve(options.sources.map((s) => logEntry(s, { created: 3 })))))
    const first = app.handlers.startSync()
    const second = app.handlers.startSync()
    await Promise.resolve()
    release()
    const [a, b] = await Promise.all([first, second])
    expect(app.core.syncCalls).toHaveLength(1)
    expect(app.core.syncCalls[0]).toMatchObject({ sources: ['icreat', 'ctgov'], trigger: 'manual' })
    expect(a).toEqual(b)
    expect(app.events.map((e) => e.event)).toContain('sync:finished')
  })

  it('startSync with fullResync asks the core for a full resync (Settings → full resync of ClinicalTrials.gov)', async () => {
    const app = await createTestApp({ key: TEST_KEY })
    await app.handlers.startSync({ sources: ['ctgov'], fullResync: true })
    expect(app.core.syncCalls[0]).toMatchObject({ sources: ['ctgov'], fullResync: true })
    expect(await app.handlers.startSync({ fullResync: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
  })

  it('cancelSync aborts the running sync', async () => {
    const app = await createTestApp({ key: TEST_KEY })
    app.core.syncResult = (options) =>
      new Promise((_resolve, reject) =>
        options.signal!.addEventListener('abort', () => reject(new TrialsError('CANCELLED', 'Sync cancelled.'))),
      )
    const running = app.handlers.startSync()
    await Promise.resolve()
    expect(await app.handlers.cancelSync()).toEqual({ ok: true, data: { cancelled: true } })
    expect(await running).toMatchObject({ ok: false, error: { code: 'CANCELLED' } })
    expect(await app.handlers.cancelSync()).toEqual({ ok: true, data: { cancelled: false } })
  })

  it('settings changes persist and come back merged', async () => {
    const app = await createTestApp()
    const result = await app.handlers.updateSettings({ schedule: { enabled: false }, language: 'en' })
    expect(result).toMatchObject({ ok: true, data: { schedule: { enabled: false, time: '06:00' }, language: 'en' } })
    expect(JSON.parse(readFileSync(app.settings.path, 'utf8'))).toMatchObject({
      language: 'en',
      schedule: { enabled: false },
    })
    expect(await app.handlers.getSyncStatus()).toMatchObject({ ok: true, data: { nextScheduledAt: null } })
  })

  it('testServiceKey reports the row count, or the classified error, and NO_KEY when no key is set', async () => {
    const app = await createTestApp()
    expect(await app.handlers.testServiceKey()).toMatchObject({
      ok: true,
      data: { ok: false, error: { code: 'NO_KEY' } },
    })
    await app.handlers.setServiceKey(TEST_KEY)
    expect(await app.handlers.testServiceKey()).toEqual({
      ok: true,
      data: {
        ok: true,
        totalCount: 145,
        sources: [
          { source: 'icreat', ok: true, totalCount: 145 },
          { source: 'cris', ok: true, totalCount: 145 },
        ],
      },
    })
    expect(app.testKey.mock.calls.map((c) => [c[0], c[2]])).toEqual([
      [TEST_KEY, 'icreat'],
      [TEST_KEY, 'cris'],
    ])
  })

  it('testServiceKey tests every enabled source: a key approved for one dataset only is reported per source', async () => {
    const app = await createTestApp()
    await app.handlers.setServiceKey(TEST_KEY)
    app.testKey.mockImplementation(async (_key, _signal, source) => {
      if (source === 'cris') throw new TrialsError('AUTH', 'The service key was rejected. Check it in Settings.')
      return { totalCount: 145 }
    })
    expect(await app.handlers.testServiceKey()).toMatchObject({
      ok: true,
      data: {
        ok: false,
        error: { code: 'AUTH' },
        sources: [
          { source: 'icreat', ok: true, totalCount: 145 },
          { source: 'cris', ok: false, error: { code: 'AUTH' } },
        ],
      },
    })
    await app.handlers.updateSettings({ sources: { icreat: { enabled: true }, cris: { enabled: false } } })
    expect(await app.handlers.testServiceKey()).toMatchObject({
      ok: true,
      data: { ok: true, sources: [{ source: 'icreat' }] },
    })
  })

  it('openExternal opens only allow-listed https links', async () => {
    const app = await createTestApp()
    expect(await app.handlers.openExternal('https://cris.nih.go.kr/cris/search/detailSearch.do?seq=1')).toEqual({
      ok: true,
      data: { opened: true },
    })
    for (const url of [
      'http://www.data.go.kr/',
      'https://evil.example/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'https://data.go.kr.evil.example/',
    ]) {
      expect(await app.handlers.openExternal(url)).toEqual({ ok: true, data: { opened: false } })
    }
    expect(app.openExternal).toHaveBeenCalledTimes(1)
  })

  it('showExportedFile shows only the file this window just exported', async () => {
    const app = await createTestApp({ trials: 3 })
    expect(await app.handlers.showExportedFile('/etc/passwd')).toEqual({ ok: true, data: { shown: false } })
    const exported = await app.handlers.exportCsv({ query: {}, language: 'ko' })
    const path = exported.ok ? exported.data.path! : ''
    expect(await app.handlers.showExportedFile(path)).toEqual({ ok: true, data: { shown: true } })
    expect(app.showItemInFolder).toHaveBeenCalledExactlyOnceWith(path)
  })

  it('getAppInfo reports version, platform, the store and the log folder', async () => {
    const app = await createTestApp()
    expect(await app.handlers.getAppInfo()).toEqual({
      ok: true,
      data: {
        version: '9.9.9',
        platform: 'linux',
        storePath: '/data/trials.json',
        storeBytes: 1234,
        logFolder: '/data/logs',
      },
    })
  })
})

describe('the service key never reaches the renderer', () => {
  it('KeyInfo carries only the last 4 characters', async () => {
    const app = await createTestApp()
    const set = await app.handlers.setServiceKey(TEST_KEY)
    expect(set).toEqual({ ok: true, data: { isSet: true, last4: '0042' } })
    expect(await app.handlers.getKeyInfo()).toEqual({ ok: true, data: { isSet: true, last4: '0042' } })
    expect(await app.handlers.clearServiceKey()).toEqual({ ok: true, data: { isSet: false, last4: null } })
    expect(await app.handlers.getKeyInfo()).toEqual({ ok: true, data: { isSet: false, last4: null } })
  })

  it('no handler result and no event payload contains it, even when the core leaks it in a message', async () => {
    const app = await createTestApp({ key: TEST_KEY, trials: 3 })
    const leaky = `request to https://api.odcloud.kr/api?serviceKey=${encodeURIComponent(TEST_KEY)} failed (${TEST_KEY})`
    app.core.syncResult = async (options) => {
      options.onProgress?.({ source: 'icreat', phase: 'list', done: 1, total: 2 })
      return [
        logEntry('icreat', {
          ok: false,
          error: { code: 'AUTH', message: leaky },
          warnings: [{ code: 'CRIS_DETAILS_MISSING', values: { count: 1, trialIds: leaky }, message: leaky }],
        }),
      ]
    }
    app.testKey.mockRejectedValueOnce(new TrialsError('AUTH', leaky))
    const results: unknown[] = [
      await app.handlers.startSync(),
      await app.handlers.getSyncStatus(),
      await app.handlers.getSettings(),
      await app.handlers.getKeyInfo(),
      await app.handlers.testServiceKey(),
      await app.handlers.listTrials({}),
      await app.handlers.getAppInfo(),
    ]
    app.core.get = () => {
      throw new TrialsError('NOT_FOUND', leaky)
    }
    results.push(await app.handlers.getTrial('icreat:C000001'))
    // A whole-run failure travels as an event only (the menu and the schedule have no reply to show it in).
    app.core.syncResult = async () => {
      throw new TrialsError('STORE_IN_USE', leaky)
    }
    results.push(await app.handlers.startSync())
    expect(app.events.at(-1)).toMatchObject({
      event: 'sync:finished',
      payload: { entries: [], error: { code: 'STORE_IN_USE' } },
    })
    const everything = JSON.stringify({ results, events: app.events })
    expect(everything).toContain('***') // the leak was there, and was scrubbed (the core's placeholder)
    expect(everything).not.toContain(TEST_KEY)
    expect(everything).not.toContain(encodeURIComponent(TEST_KEY))
    expect(everything).not.toContain('SecretServiceKey')
  })
})
