import type { SyncState } from '../hooks/useSync'
import { useI18n } from '../i18n/I18nContext'
import { errorText } from './ErrorText'
import { currentFailures } from './SyncStatusArea'

/** What went wrong in the last sync, in plain words with the next step, on every screen. */
export function SyncFailureBanner({ sync, onOpenSettings }: { sync: SyncState; onOpenSettings: () => void }) {
  const { t } = useI18n()
  const failures = currentFailures(sync)
  if (failures.length === 0) return null
  const needsSettings = failures.some(
    (f) => f.error.code === 'AUTH' || f.error.code === 'NO_KEY' || f.error.code === 'KEY_STORAGE_UNAVAILABLE',
  )
  return (
    <div className="banner banner-error" role="alert">
      <strong className="banner-title">{t('sync.failed')}</strong>
      <span className="banner-text">
        {failures.map((f, i) => (
          <span key={i} className="sync-failure">
            {f.source
              ? t('sync.failedSource', { source: t(`source.${f.source}`), message: errorText(t, f.error) })
              : errorText(t, f.error)}
          </span>
        ))}
      </span>
      {needsSettings && (
        <button type="button" onClick={onOpenSettings}>
          {t('nav.settings')}
        </button>
      )}
    </div>
  )
}
