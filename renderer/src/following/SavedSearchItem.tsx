import { useState } from 'react'
import type { SavedSearchSummary } from '../../../shared/following'
import { useI18n } from '../i18n/I18nContext'
import { formatNumber } from '../i18n/format'
import { CountBadge } from './UnseenMark'
import { isTaken, type FollowingState } from './useFollowing'

/** One saved search in the sidebar: opens it; its menu renames, moves, switches alerts and deletes (after a confirm). */
export function SavedSearchItem({
  search,
  index,
  count,
  active,
  following,
  onOpen,
}: {
  search: SavedSearchSummary
  index: number
  count: number
  active: boolean
  following: FollowingState
  onOpen: () => void
}) {
  const { t, language } = useI18n()
  const [menu, setMenu] = useState(false)
  const [renaming, setRenaming] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [name, setName] = useState(search.name)

  const [taken, setTaken] = useState(false)
  const rename = async () => {
    const next = name.trim()
    if (next && next !== search.name) {
      if (
        isTaken(
          following.saved.filter((s) => s.name !== search.name),
          next,
        )
      ) {
        setTaken(true)
        return
      }
      await following.rename(search.name, next).catch(() => undefined)
    }
    setRenaming(false)
  }

  if (renaming) {
    return (
      <li className="saved-item">
        <form
          className="following-save-form"
          onSubmit={(e) => {
            e.preventDefault()
            void rename()
          }}
        >
          <input
            autoFocus
            value={name}
            maxLength={100}
            aria-label={t('following.rename')}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && setRenaming(false)}
          />
          <button type="submit" className="button-primary">
            {t('following.save')}
          </button>
        </form>
        {taken && (
          <p className="following-notice" role="alert">
            {t('following.duplicate', { name: name.trim() })}
          </p>
        )}
      </li>
    )
  }

  return (
    <li className="saved-item">
      <div className="saved-row">
        <button
          type="button"
          className={active ? 'following-link is-active' : 'following-link'}
          aria-current={active ? 'page' : undefined}
          onClick={onOpen}
          title={search.name}
        >
          <span className="saved-name">{search.name}</span>
          <span
            className="following-count"
            title={t('following.countTitle', { count: formatNumber(search.total, language) })}
          >
            {formatNumber(search.total, language)}
          </span>
          <CountBadge count={search.changedSinceSeen} />
          {!search.alerts && (
            <span className="muted saved-muted" title={t('following.alertsOff')}>
              🔕
            </span>
          )}
        </button>
        <button
          type="button"
          className="button-quiet saved-menu-button"
          aria-expanded={menu}
          aria-label={t('following.options', { name: search.name })}
          onClick={() => setMenu((m) => !m)}
        >
          ⋯
        </button>
      </div>
      {menu && (
        <div className="saved-menu" role="group" aria-label={t('following.options', { name: search.name })}>
          <button
            type="button"
            onClick={() => {
              setMenu(false)
              setRenaming(true)
            }}
          >
            {t('following.rename')}
          </button>
          <button
            type="button"
            disabled={index === 0}
            onClick={() => void following.move(search.name, index - 1).catch(() => undefined)}
          >
            ↑ {t('following.moveUp')}
          </button>
          <button
            type="button"
            disabled={index === count - 1}
            onClick={() => void following.move(search.name, index + 1).catch(() => undefined)}
          >
            ↓ {t('following.moveDown')}
          </button>
          <label className="check">
            <input
              type="checkbox"
              checked={search.alerts}
              onChange={(e) => void following.setAlerts(search.name, e.target.checked).catch(() => undefined)}
            />
            {t('following.alerts')}
          </label>
          {confirming ? (
            <button
              type="button"
              className="button-danger"
              onClick={() => void following.remove(search.name).catch(() => undefined)}
            >
              {t('following.confirmDelete', { name: search.name })}
            </button>
          ) : (
            <button type="button" onClick={() => setConfirming(true)}>
              {t('following.delete')}
            </button>
          )}
        </div>
      )}
    </li>
  )
}
