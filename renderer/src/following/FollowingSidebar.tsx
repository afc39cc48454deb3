import { useState } from 'react'
import type { SavedQuery } from '../../../shared/following'
import { ErrorText } from '../components/ErrorText'
import { useI18n } from '../i18n/I18nContext'
import { CountBadge } from './UnseenMark'
import { SavedSearchItem } from './SavedSearchItem'
import { isTaken, type FollowingState } from './useFollowing'

/** Which list the main area shows. */
export type FollowingView = { kind: 'all' } | { kind: 'watched' } | { kind: 'saved'; name: string }

/**
 * The sidebar (a menu at narrow widths): all trials, the watched view, the saved searches with their counts of
 * trials changed since last opened; save the current search, rename / reorder / alerts / delete, export and import.
 */
export function FollowingSidebar({
  following,
  view,
  currentQuery,
  onShow,
  onOpenSaved,
}: {
  following: FollowingState
  view: FollowingView
  currentQuery: SavedQuery
  onShow: (view: FollowingView) => void
  onOpenSaved: (name: string) => void
}) {
  const { t, language } = useI18n()
  const [naming, setNaming] = useState(false)
  const [name, setName] = useState('')
  const [notice, setNotice] = useState<string | null>(null)
  const [menuOpen, setMenuOpen] = useState(false)

  const go = (next: FollowingView) => {
    setMenuOpen(false)
    onShow(next)
  }

  const save = async () => {
    const trimmed = name.trim()
    if (!trimmed) return
    if (isTaken(following.saved, trimmed)) {
      setNotice(t('following.duplicate', { name: trimmed }))
      return
    }
    try {
      await following.saveSearch(trimmed, currentQuery)
      setNaming(false)
      setName('')
    } catch {
      /* shown from following.error */
    }
  }

  const shareOut = async () => {
    const result = await following.exportSaved(language).catch(() => null)
    if (result?.path) setNotice(t('following.exported', { count: result.count, path: result.path }))
  }
  const shareIn = async () => {
    const result = await following.importSaved(language).catch(() => null)
    if (!result) return
    const lines = [
      t('following.imported', {
        added: result.added.length + result.renamed.length,
        unchanged: result.unchanged.length,
      }),
    ]
    for (const r of result.renamed) lines.push(t('following.importRenamed', { from: r.from, to: r.to }))
    setNotice(lines.join(' '))
  }

  const watchedCount = following.watched?.changedSinceSeen ?? 0
  const totalUnseen = following.saved.reduce((n, s) => n + s.changedSinceSeen, 0) + watchedCount
  return (
    <nav className={`following-sidebar${menuOpen ? ' is-open' : ''}`} aria-label={t('following.label')}>
      <button
        type="button"
        className="following-menu-button"
        aria-expanded={menuOpen}
        onClick={() => setMenuOpen((open) => !open)}
      >
        ☰ {t('following.label')} <CountBadge count={totalUnseen} />
      </button>
      <div className="following-panel">
        <ul className="following-views">
          <li>
            <button
              type="button"
              className={view.kind === 'all' ? 'following-link is-active' : 'following-link'}
              aria-current={view.kind === 'all' ? 'page' : undefined}
              onClick={() => go({ kind: 'all' })}
            >
              {t('following.all')}
            </button>
          </li>
          <li>
            <button
              type="button"
              className={view.kind === 'watched' ? 'following-link is-active' : 'following-link'}
              aria-current={view.kind === 'watched' ? 'page' : undefined}
              onClick={() => go({ kind: 'watched' })}
            >
              <span aria-hidden="true">★</span> {t('following.watched')}
              <span
                className="following-count"
                title={t('following.countTitle', { count: following.watched?.items.length ?? 0 })}
              >
                {following.watched?.items.length ?? 0}
              </span>
              <CountBadge count={watchedCount} />
            </button>
          </li>
        </ul>
        <h2 className="following-heading">{t('following.saved')}</h2>
        {following.saved.length === 0 && <p className="muted following-empty">{t('following.empty')}</p>}
        <ul className="following-saved">
          {following.saved.map((search, i) => (
            <SavedSearchItem
              key={search.name}
              search={search}
              index={i}
              count={following.saved.length}
              active={view.kind === 'saved' && view.name === search.name}
              following={following}
              onOpen={() => {
                setMenuOpen(false)
                onOpenSaved(search.name)
              }}
            />
          ))}
        </ul>
        {naming ? (
          <form
            className="following-save-form"
            onSubmit={(e) => {
              e.preventDefault()
              void save()
            }}
          >
            <input
              autoFocus
              value={name}
              maxLength={100}
              aria-label={t('following.nameLabel')}
              placeholder={t('following.namePlaceholder')}
              onChange={(e) => setName(e.target.value)}
              onKeyDown={(e) => e.key === 'Escape' && setNaming(false)}
            />
            <button type="submit" className="button-primary" disabled={!name.trim()}>
              {t('following.save')}
            </button>
            <button type="button" className="button-quiet" onClick={() => setNaming(false)}>
              {t('following.cancel')}
            </button>
          </form>
        ) : (
          <button type="button" className="following-save" onClick={() => setNaming(true)}>
            + {t('following.saveCurrent')}
          </button>
        )}
        <div className="following-share">
          <button
            type="button"
            className="button-quiet"
            onClick={() => void shareOut()}
            disabled={following.saved.length === 0}
          >
            {t('following.export')}
          </button>
          <button type="button" className="button-quiet" onClick={() => void shareIn()}>
            {t('following.import')}
          </button>
        </div>
        {notice && (
          <p className="following-notice" role="alert">
            {notice}
          </p>
        )}
        {following.error && (
          <p className="inline-error" role="alert">
            <ErrorText error={following.error} />
          </p>
        )}
      </div>
    </nav>
  )
}
