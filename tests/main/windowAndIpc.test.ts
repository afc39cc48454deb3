import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import { IPC_CALLS, IPC_EVENTS } from '../../shared/ipc'
import { createMainWindow } from '../../electron/main/window/createMainWindow'
import { isAllowedExternalUrl } from '../../electron/main/window/externalLinks'
import { restorableBounds } from '../../electron/main/window/windowState'
import { contentSecurityPolicy } from '../../electron/main/window/contentSecurityPolicy'
import { registerIpc } from '../../electron/main/ipc/registerIpc'
import { appMenuTemplate } from '../../electron/main/menu/appMenuTemplate'
import { storeRecoveredEvents } from '../../electron/main/storeRecovery'
import { buildTrialDeskApi } from '../../electron/preload/buildApi'
import {
  FakeBrowserWindow,
  fakeContextBridge,
  fakeIpcMain,
  fakeIpcRenderer,
  fakeScreen,
  fakeShell,
} from '../fakes/fakeElectron'
import { createTestApp, TEST_KEY } from '../fakes/testApp'

const REFUSED_URLS = [
  'http://www.data.go.kr/',
  'javascript:alert(document.cookie)',
  'file:///etc/passwd',
  'https://evil.example/phish',
  'https://data.go.kr.evil.example/',
  'https://user:pw@www.data.go.kr/',
  'https://www.data.go.kr:8443/',
  'data:text/html,<script>alert(1)</script>',
  'not a url',
]
const ALLOWED_URLS = [
  'https://data.go.kr/data/3074271/fileData.do',
  'https://www.data.go.kr/data/3033869/openapi.do',
  'https://cris.nih.go.kr/cris/search/detailSearch.do?seq=26587',
  'https://trialsearch.who.int/Trial2.aspx?TrialID=KCT0001234',
  'https://clinicaltrials.gov/study/NCT05338099',
]

function openWindow() {
  const dir = mkdtempSync(join(tmpdir(), 'trialdesk-win-'))
  createMainWindow({
    preloadPath: '/app/out/preload/index.js',
    indexHtmlPath: '/app/out/renderer/index.html',
    windowStatePath: join(dir, 'window-state.json'),
  })
  return { win: FakeBrowserWindow.instances.at(-1)!, dir }
}

describe('main window', () => {
  it('gets the security options', () => {
    const { win } = openWindow()
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/out/preload/index.js',
    })
    expect(win.loaded).toEqual({ file: '/app/out/renderer/index.html' })
  })

  it('refuses navigation away from the app', () => {
    const { win } = openWindow()
    for (const url of [...REFUSED_URLS, ...ALLOWED_URLS]) {
      expect(win.webContents.fire('will-navigate', url), url).toBe(true)
    }
    expect(win.webContents.fire('will-attach-webview')).toBe(true)
    expect(fakeShell.openExternal).not.toHaveBeenCalled()
  })

  it('denies every window.open; allow-listed https links go to the system browser, others nowhere', () => {
    const { win } = openWindow()
    for (const url of [...REFUSED_URLS, ...ALLOWED_URLS]) {
      expect(win.webContents.windowOpenHandler!({ url })).toEqual({ action: 'deny' })
    }
    expect(fakeShell.openExternal.mock.calls.map((c) => c[0])).toEqual(ALLOWED_URLS)
  })

  it.each(REFUSED_URLS)('link %s is not allow-listed', (url) => expect(isAllowedExternalUrl(url)).toBe(false))
  it.each(ALLOWED_URLS)('link %s is allow-listed', (url) => expect(isAllowedExternalUrl(url)).toBe(true))

  it('remembers its bounds and restores them only onto a visible display', () => {
    const first = openWindow()
    first.win.options.x = 100
    first.win.options.y = 50
    first.win.options.width = 1000
    first.win.options.height = 700
    first.win.emit('close')
    // The save is asynchronous: wait for the file (a condition, not a fixed sleep).
    const statePath = join(first.dir, 'window-state.json')
    return vi
      .waitFor(() => JSON.parse(readFileSync(statePath, 'utf8')), { timeout: 10_000 })
      .then((saved) => {
        expect(saved.bounds).toEqual({ x: 100, y: 50, width: 1000, height: 700 })
        createMainWindow({
          preloadPath: 'p',
          indexHtmlPath: 'i',
          windowStatePath: join(first.dir, 'window-state.json'),
        })
        expect(FakeBrowserWindow.instances.at(-1)!.options).toMatchObject({ x: 100, y: 50, width: 1000, height: 700 })
        // The second monitor it was on is gone.
        fakeScreen.displays = [{ workArea: { x: 2000, y: 0, width: 1920, height: 1080 } }]
        createMainWindow({
          preloadPath: 'p',
          indexHtmlPath: 'i',
          windowStatePath: join(first.dir, 'window-state.json'),
        })
        expect(FakeBrowserWindow.instances.at(-1)!.options.x).toBeUndefined()
      })
  })

  it('restorableBounds rejects a window whose title bar is off-screen', () => {
    const screenArea = [{ x: 0, y: 0, width: 1440, height: 900 }]
    expect(restorableBounds({ x: 10, y: 10, width: 800, height: 600 }, screenArea)).not.toBeNull()
    expect(restorableBounds({ x: 3000, y: 10, width: 800, height: 600 }, screenArea)).toBeNull()
    expect(restorableBounds({ x: 10, y: -2000, width: 800, height: 600 }, screenArea)).toBeNull()
  })

  it('the CSP header allows only the app itself (no eval, no remote content)', () => {
    const csp = contentSecurityPolicy()
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/)
  })
})

describe('IPC registration', () => {
  const rendererDir = '/app/out/renderer'
  const trustedFrame = { senderFrame: { url: pathToFileURL(join(rendererDir, 'index.html')).href } }

  it('registers exactly one handler per channel of the contract', async () => {
    const app = await createTestApp()
    const unregister = registerIpc(app.handlers, { rendererDir })
    expect([...fakeIpcMain.handlers.keys()].sort()).toEqual(Object.values(IPC_CALLS).sort())
    expect(fakeIpcMain.handle).toHaveBeenCalledTimes(Object.keys(IPC_CALLS).length)
    unregister()
    expect(fakeIpcMain.handlers.size).toBe(0)
  })

  it('answers the app renderer and refuses other senders before running the handler', async () => {
    const app = await createTestApp({ key: TEST_KEY, trials: 2 })
    registerIpc(app.handlers, { rendererDir, devServerUrl: 'http://localhost:5173' })
    const list = fakeIpcMain.handlers.get('trials:list')!
    expect(await list(trustedFrame, {})).toMatchObject({ ok: true, data: { total: 2 } })
    expect(await list({ senderFrame: { url: 'http://localhost:5173/' } }, {})).toMatchObject({ ok: true })
    const setKey = fakeIpcMain.handlers.get('key:set')!
    for (const url of [
      'https://evil.example/',
      'file:///tmp/evil.html',
      `file://${rendererDir}/../../evil.html`,
      'http://localhost:5174/',
      '',
      null,
    ]) {
      const result = await setKey({ senderFrame: url === null ? null : { url } }, 'attacker-chosen-key-0000')
      expect(result, String(url)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    }
    expect(app.keyStore.get()).toBe(TEST_KEY)
    expect(await fakeIpcMain.handlers.get('trials:get')!(trustedFrame, 'bad id')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
  })
})

describe('preload window.api', () => {
  it('exposes one function per call and an event subscription, not ipcRenderer', async () => {
    await import('../../electron/preload/index')
    expect(fakeContextBridge.exposeInMainWorld).toHaveBeenCalledWith('api', expect.any(Object))
    const api = fakeContextBridge.exposed.get('api') as Record<string, unknown>
    expect(Object.keys(api).sort()).toEqual([...Object.keys(IPC_CALLS), 'on'].sort())
    expect(Object.values(api).every((v) => typeof v === 'function')).toBe(true)
    expect(Object.values(api)).not.toContain(fakeIpcRenderer)
  })

  it('calls invoke on the contract channel and on() returns an unsubscribe', async () => {
    const api = buildTrialDeskApi(fakeIpcRenderer as never)
    await api.getTrial('icreat:C1')
    expect(fakeIpcRenderer.invoke).toHaveBeenCalledWith('trials:get', 'icreat:C1')
    const seen: unknown[] = []
    const off = api.on('sync:progress', (p) => seen.push(p))
    fakeIpcRenderer.emit('sync:progress', { sender: 'x' }, { source: 'icreat', phase: 'list', done: 1, total: 2 })
    off()
    fakeIpcRenderer.emit('sync:progress', {}, { source: 'icreat', phase: 'list', done: 2, total: 2 })
    expect(seen).toEqual([{ source: 'icreat', phase: 'list', done: 1, total: 2 }])
    expect(() => api.on('evil:event' as never, () => undefined)).toThrow()
    expect(IPC_EVENTS.every((e) => typeof api.on(e, () => undefined) === 'function')).toBe(true)
  })
})

describe('menu and store recovery', () => {
  it('has Sync now, Settings, Quit, Edit roles, and reload only in development', () => {
    const actions = { syncNow: () => undefined, openSettings: () => undefined, openLogFolder: () => undefined }
    const flat = (items: any[]): any[] =>
      items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flat(i.submenu) : [])])
    const prod = flat(appMenuTemplate({ language: 'ko', isDev: false, isMac: false }, actions))
    expect(prod.map((i) => i.label).filter(Boolean)).toEqual(
      expect.arrayContaining(['지금 동기화', '설정…', '종료', '편집', '보기']),
    )
    expect(prod.map((i) => i.role)).toEqual(
      expect.arrayContaining(['quit', 'copy', 'paste', 'undo', 'selectAll', 'zoomIn', 'togglefullscreen']),
    )
    expect(prod.map((i) => i.role)).not.toContain('reload')
    expect(prod.map((i) => i.role)).not.toContain('toggleDevTools')
    const dev = flat(appMenuTemplate({ language: 'en', isDev: true, isMac: false }, actions))
    expect(dev.map((i) => i.role)).toContain('reload')
    expect(dev.map((i) => i.label)).toContain('Sync Now')
  })

  it('has 도움말 → 로그 폴더 열기 / Help → Open Log Folder, which opens the log folder', () => {
    let opened = 0
    const actions = {
      syncNow: () => undefined,
      openSettings: () => undefined,
      openLogFolder: () => {
        opened++
      },
    }
    for (const [language, help, item] of [
      ['ko', '도움말', '로그 폴더 열기'],
      ['en', 'Help', 'Open Log Folder'],
    ] as const) {
      const menu = appMenuTemplate({ language, isDev: false, isMac: false }, actions)
      const helpMenu = menu.find((m) => m.label === help)!
      const entry = (helpMenu.submenu as Array<{ label?: string; click?: () => void }>).find((i) => i.label === item)!
      entry.click!()
    }
    expect(opened).toBe(2)
  })

  it('turns the core warning about a corrupt store into a store:recovered event', () => {
    const corruptPath = '/home/kim/.config/Trial Desk/trials.json.corrupt-20250101T000000Z'
    const warning = `The trial store was damaged (invalid JSON). It was kept as ${corruptPath} and the previous copy was loaded; sync again.`
    expect(storeRecoveredEvents([warning, 'something else'])).toEqual([{ message: warning, corruptPath }])
  })
})
