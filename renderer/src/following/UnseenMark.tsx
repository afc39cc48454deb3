import { useI18n } from '../i18n/I18nContext'

/** The dot on a row changed since the user last looked at this list or saved search. */
export function UnseenMark() {
  const { t } = useI18n()
  return (
    <span className="unseen-mark" title={t('list.unseen')}>
      <span className="visually-hidden">{t('list.unseen')}</span>
    </span>
  )
}

/** A count of unseen changes, as a badge (sidebar, watched view). Nothing for 0. */
export function CountBadge({ count }: { count: number }) {
  const { t } = useI18n()
  if (count <= 0) return null
  return (
    <span
      className="count-badge"
      aria-label={t('following.changedBadge', { count })}
      title={t('following.changedBadge', { count })}
    >
      {count > 999 ? '999+' : count}
    </span>
  )
}
