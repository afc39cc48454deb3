import { useCallback, useEffect, useRef, useState } from 'react'
import type { Settings } from '../../shared/settings'
import { Banner } from './components/Banner'
import { SyncFailureBanner } from './components/SyncFailureBanner'
import { SyncStatusArea } from './components/SyncStatusArea'
import { useSync } from './hooks/useSync'
import { I18nProvider, useI18n } from './i18n/I18nContext'
import { call, subscribe } from './lib/api'
import { FALLBACK_SETTINGS } from './lib/fallbackSettings'
import { initialListState, type ListState } from './lib/query'
import { DetailScreen } from './screens/detail/DetailScreen'
import { ListScreen } from './screens/list/ListScreen'
import { SyncLogScreen } from './screens/log/SyncLogScreen'
import { SettingsScreen } from './screens/settings/SettingsScreen'

type Screen = 'list' | 'detail' | 'log' | 'settings'
const NAV: Array<Exclude<Screen, 'detail'>> = ['list', 'log', 'settings']
const SAVE_QUERY_DELAY_MS = 400

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
}

/** Loads the settings first: the language and the restored list query depend on them. */
export function App() {
  const [settings, setSettings] = useState<Settings | null>(null)
  useEffect(() => {
    call('getSettings').then(setSettings, () => setSettings(FALLBACK_SETTINGS))
  }, [])
  if (!settings) return null
  return (
    <I18nProvider language={settings.language}>
      <Shell settings={settings} setSettings={setSettings} />
    </I18nProvider>
  )
}

function Shell({ settings, setSettings }: { settings: Settings; setSettings: (s: Settings) => void }) {
  const { t } = useI18n()
  const sync = useSync()
  const [screen, setScreen] = useState<Screen>('list')
  const [detailId, setDetailId] = useState<string | null>(null)
  const [listState, setListState] = useState<ListState>(() => initialListState(settings))
  const [current, setCurrent] = useState(0)
  const [focusCurrent, setFocusCurrent] = useState(false)
  const [recovered, setRecovered] = useState<{ corruptPath: string } | null>(null)
  const searchRef = useRef<HTMLInputElement>(null)
  const firstQuery = useRef(true)

  const updateSettings = useCallback(
    (patch: Partial<Settings>) => {
      setSettings({ ...settings, ...patch })
      call('updateSettings', patch).then(setSettings, () => undefined)
    },
    [settings, setSettings],
  )

  // The last filters, window, sort and page size survive a restart.
  useEffect(() => {
    if (firstQuery.current) {
      firstQuery.current = false
      return
    }
    const timer = setTimeout(() => {
      call('updateSettings', { lastQuery: { ...listState, offset: 0 } }).catch(() => undefined)
    }, SAVE_QUERY_DELAY_MS)
    return () => clearTimeout(timer)
  }, [listState])

  const show = useCallback((next: Screen) => {
    setFocusCurrent(false)
    setScreen(next)
  }, [])

  // Focus returns to the row once per return from the detail view, then stays where the user puts it.
  const onRowFocused = useCallback(() => setFocusCurrent(false), [])

  const backToList = useCallback(() => {
    setFocusCurrent(true)
    setScreen('list')
  }, [])

  useEffect(() => {
    const offs = [
      // Saved searches and the watched view are shown within the list screen (see the following screens).
      subscribe('app:navigate', ({ screen: target }) => show(target === 'saved' || target === 'watched' ? 'list' : target)),
      subscribe('store:recovered', ({ corruptPath }) => setRecovered({ corruptPath })),
    ]
    return () => offs.forEach((off) => off())
  }, [show])

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && screen === 'detail') {
        e.preventDefault()
        backToList()
      } else if (e.key === '/' && screen === 'list' && !isTyping(e.target) && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault()
        searchRef.current?.focus()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [screen, backToList])

  const onSettingsChange = (patch: Partial<Settings>) => {
    updateSettings(patch)
    // The list follows a changed default page size or window right away.
    if (patch.pageSize) setListState((s) => ({ ...s, limit: patch.pageSize!, offset: 0 }))
    if (patch.defaultWithinDays !== undefined) setListState((s) => ({ ...s, withinDays: patch.defaultWithinDays, offset: 0 }))
  }

  return (
    <div className="app">
      <header className="app-header">
        <span className="app-title">{t('app.title')}</span>
        <nav aria-label={t('nav.label')} className="app-nav">
          {NAV.map((item) => {
            const active = screen === item || (item === 'list' && screen === 'detail')
            return (
              <button
                key={item}
                type="button"
                className={active ? 'nav-item is-active' : 'nav-item'}
                aria-current={active ? 'page' : undefined}
                onClick={() => (item === 'list' && screen === 'detail' ? backToList() : show(item))}
              >
                {t(`nav.${item}`)}
              </button>
            )
          })}
        </nav>
        <SyncStatusArea sync={sync} />
      </header>
      <SyncFailureBanner sync={sync} onOpenSettings={() => show('settings')} />
      {!sync.online && <Banner tone="info">{t('banner.offline')}</Banner>}
      {recovered && (
        <Banner tone="warning" onDismiss={() => setRecovered(null)}>
          {recovered.corruptPath
            ? t('banner.recovered', { path: recovered.corruptPath })
            : t('banner.restoredMissing')}
        </Banner>
      )}
      <main className="app-main">
        {screen === 'list' && (
          <ListScreen
            state={listState}
            onStateChange={setListState}
            current={current}
            onCurrentChange={setCurrent}
            focusCurrent={focusCurrent}
            onFocused={onRowFocused}
            onOpen={(id) => {
              setDetailId(id)
              setScreen('detail')
            }}
            sync={sync}
            onOpenSettings={() => show('settings')}
            searchRef={searchRef}
            ctgovEnabled={settings.sources.ctgov?.enabled ?? true}
          />
        )}
        {screen === 'detail' && detailId && <DetailScreen id={detailId} dataVersion={sync.dataVersion} onBack={backToList} onOpen={setDetailId} />}
        {screen === 'log' && <SyncLogScreen dataVersion={sync.dataVersion} />}
        {screen === 'settings' && <SettingsScreen settings={settings} onChange={onSettingsChange} sync={sync} />}
      </main>
    </div>
  )
}
