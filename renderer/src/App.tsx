import { useCallback, useEffect, useRef, useState } from 'react'
import type { AppNavigation } from '../../shared/ipc'
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
import { FollowingSidebar } from './following/FollowingSidebar'
import { savedQueryOf, useFollowing } from './following/useFollowing'
import { useFollowingView } from './following/useFollowingView'
import { WatchedScreen } from './following/WatchedScreen'
import './following/following.css'

type Screen = 'list' | 'detail' | 'log' | 'settings' | 'watched'
const NAV: Array<Exclude<Screen, 'detail' | 'watched'>> = ['list', 'log', 'settings']
const SAVE_QUERY_DELAY_MS = 400

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  )
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

  const following = useFollowing(sync.dataVersion)
  const [detailFrom, setDetailFrom] = useState<'list' | 'watched'>('list')
  const backToList = useCallback(() => {
    setFocusCurrent(true)
    setScreen(detailFrom)
  }, [detailFrom])
  const followingView = useFollowingView({
    following,
    applyQuery: useCallback((query) => setListState((s) => ({ ...query, offset: 0, limit: s.limit })), []),
    showList: useCallback(() => show('list'), [show]),
    showWatched: useCallback(() => show('watched'), [show]),
  })
  const openDetail = (id: string, from: 'list' | 'watched') => {
    setDetailId(id)
    setDetailFrom(from)
    setScreen('detail')
  }

  // A notification's click: the watched view, or the saved search it names. Subscribed once: followingView is a new
  // object on every render, and re-subscribing on each one churned the listener while events could arrive.
  const navigateRef = useRef<(target: AppNavigation) => void>(() => undefined)
  useEffect(() => {
    navigateRef.current = (target) => {
      if (target.screen === 'saved') void followingView.showView({ kind: 'saved', name: target.savedSearch })
      else if (target.screen === 'watched') void followingView.showView({ kind: 'watched' })
      else show(target.screen)
    }
  })
  useEffect(() => {
    const offs = [
      subscribe('app:navigate', (target) => navigateRef.current(target)),
      subscribe('store:recovered', ({ corruptPath }) => setRecovered({ corruptPath })),
    ]
    return () => offs.forEach((off) => off())
  }, [])

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
    if (patch.defaultWithinDays !== undefined)
      setListState((s) => ({ ...s, withinDays: patch.defaultWithinDays, offset: 0 }))
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
          {recovered.corruptPath ? t('banner.recovered', { path: recovered.corruptPath }) : t('banner.restoredMissing')}
        </Banner>
      )}
      <div className="app-body">
        {(screen === 'list' || screen === 'watched' || screen === 'detail') && (
          <FollowingSidebar
            following={following}
            view={followingView.view}
            currentQuery={savedQueryOf(listState)}
            onShow={(next) => void followingView.showView(next)}
            onOpenSaved={(name) => void followingView.showView({ kind: 'saved', name })}
          />
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
              onOpen={(id) => openDetail(id, 'list')}
              sync={sync}
              onOpenSettings={() => show('settings')}
              searchRef={searchRef}
              ctgovEnabled={settings.sources.ctgov?.enabled ?? true}
              preferredRegistry={settings.preferredRegistry}
              following={{
                savedName: followingView.view.kind === 'saved' ? followingView.view.name : null,
                unseenSince: followingView.unseenSince,
                onMarkAllSeen: () => void followingView.markAllSeen(),
                onToggleWatch: (id, watched) => void following.toggleWatch(id, watched).catch(() => undefined),
                version: following.version,
              }}
            />
          )}
          {screen === 'watched' && <WatchedScreen following={following} onOpen={(id) => openDetail(id, 'watched')} />}
          {screen === 'detail' && detailId && (
            <DetailScreen
              id={detailId}
              dataVersion={sync.dataVersion + following.version}
              onBack={backToList}
              onFollowingChanged={following.reload}
              onOpen={setDetailId}
            />
          )}
          {screen === 'log' && <SyncLogScreen dataVersion={sync.dataVersion} />}
          {screen === 'settings' && <SettingsScreen settings={settings} onChange={onSettingsChange} sync={sync} />}
        </main>
      </div>
    </div>
  )
}
