import type { ReactNode } from 'react'
import { useI18n } from '../i18n/I18nContext'

/**
 * A short-lived message at the bottom of the window, outside the layout (it never pushes the toolbar around), with
 * optional actions. The owner decides when it goes: on dismiss, or when what it reported no longer applies.
 */
export function Toast({
  tone = 'info',
  children,
  actions,
  onDismiss,
}: {
  tone?: 'info' | 'error'
  children: ReactNode
  actions?: ReactNode
  onDismiss: () => void
}) {
  const { t } = useI18n()
  return (
    <div className={`toast toast-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <span className="toast-text">{children}</span>
      {actions}
      <button type="button" className="button-quiet toast-dismiss" aria-label={t('common.dismiss')} onClick={onDismiss}>
        ×
      </button>
    </div>
  )
}
