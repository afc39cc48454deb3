import type { ReactNode } from 'react'
import { useI18n } from '../i18n/I18nContext'

/** A full-width notice under the header; `warning` banners are announced to screen readers. */
export function Banner({
  tone,
  children,
  onDismiss,
}: {
  tone: 'info' | 'warning'
  children: ReactNode
  onDismiss?: () => void
}) {
  const { t } = useI18n()
  return (
    <div className={`banner banner-${tone}`} role={tone === 'warning' ? 'alert' : 'status'}>
      <span className="banner-text">{children}</span>
      {onDismiss && (
        <button type="button" className="button-quiet" onClick={onDismiss}>
          {t('common.dismiss')}
        </button>
      )}
    </div>
  )
}
