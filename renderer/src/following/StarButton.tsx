import { useI18n } from '../i18n/I18nContext'

/** ☆ / ★: watch a trial (also the `s` key in the list). */
export function StarButton({
  watched,
  onToggle,
  compact = false,
}: {
  watched: boolean
  onToggle: () => void
  compact?: boolean
}) {
  const { t } = useI18n()
  const label = watched ? t('star.remove') : t('star.add')
  return (
    <button
      type="button"
      className={`star-button${watched ? ' is-watched' : ''}${compact ? ' is-compact' : ''}`}
      aria-pressed={watched}
      aria-label={label}
      title={label}
      onClick={(e) => {
        e.stopPropagation()
        onToggle()
      }}
    >
      <span aria-hidden="true">{watched ? '★' : '☆'}</span>
      {!compact && <span>{watched ? t('star.watching') : t('star.watch')}</span>}
    </button>
  )
}
