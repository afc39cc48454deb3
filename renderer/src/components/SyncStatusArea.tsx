import type { ReactElement } from 'react'
import type { SourceStatus } from '../../../shared/trials'
import type { SyncFailure, SyncState } from '../hooks/useSync'
import { useI18n } from '../i18n/I18nContext'
import { formatNumber } from '../i18n/format'
import { RelativeTime } from './RelativeTime'
import { Trans } from './Trans'

/** Latest successful sync across sources (the time users trust), or null. */
function lastSuccess(sources: SourceStatus[]): string | null {
  const times = sources.map((s) => s.lastSuccessAt).filter((x): x is string => Boolean(x))
  return times.length ? times.sort().at(-1)! : null
}

/** Failures still standing in the stored status: the latest attempt of a source failed. */
function standingFailures(sources: SourceStatus[]): SyncFailure[] {
  return sources
    .filter((s) => s.lastError && (!s.lastSuccessAt || (s.lastAttemptAt ?? '') > s.lastSuccessAt))
    .map((s) => ({ source: s.source, error: s.lastError! }))
}

/** What failed in the latest sync: this window's own run, or else the failures stored from earlier runs. */
export function currentFailures(sync: SyncState): SyncFailure[] {
  if (sync.syncing) return []
  if (sync.outcome?.kind === 'failed') return sync.outcome.failures
  return sync.outcome ? [] : standingFailures(sync.status?.sources ?? [])
}

/** The short state in the header; what failed is spelled out by SyncFailureBanner. */
export function SyncStatusArea({ sync }: { sync: SyncState }) {
  const { t, language } = useI18n()
  const sources = sync.status?.sources ?? []
  const success = lastSuccess(sources)
  const failures = currentFailures(sync)

  let state: ReactElement
  if (sync.syncing) {
    const p = sync.progress
    const label = p
      ? t(p.total === null ? 'sync.progressUnknown' : 'sync.progress', {
          source: t(`source.${p.source}`),
          phase: t(`phase.${p.phase}`),
          done: formatNumber(p.done, language),
          total: p.total === null ? '' : formatNumber(p.total, language),
        })
      : t('sync.syncing')
    state = (
      <div className="sync-state sync-syncing">
        <span className="sync-dot" aria-hidden="true" />
        <strong>{t('sync.syncing')}</strong>
        <progress
          aria-label={t('sync.progressLabel')}
          max={p?.total ?? undefined}
          value={p && p.total !== null ? p.done : undefined}
        />
        <span className="sync-progress-text">{label}</span>
      </div>
    )
  } else if (failures.length) {
    state = (
      <div className="sync-state sync-failed">
        <span className="sync-dot" aria-hidden="true" />
        <strong>{t('sync.failed')}</strong>
        {success && (
          <span className="sync-muted">
            <Trans k="sync.lastSuccess" values={{ when: <RelativeTime iso={success} /> }} />
          </span>
        )}
      </div>
    )
  } else if (!sync.online) {
    state = (
      <div className="sync-state sync-offline">
        <span className="sync-dot" aria-hidden="true" />
        <strong>{t('sync.offline')}</strong>
        {success && (
          <span className="sync-muted">
            <Trans k="sync.lastSuccess" values={{ when: <RelativeTime iso={success} /> }} />
          </span>
        )}
      </div>
    )
  } else if (success) {
    state = (
      <div className="sync-state sync-ok">
        <span className="sync-dot" aria-hidden="true" />
        <span>
          <Trans k="sync.synced" values={{ when: <RelativeTime iso={success} /> }} />
        </span>
        {sync.outcome?.kind === 'cancelled' && <span className="sync-muted">{t('sync.cancelled')}</span>}
      </div>
    )
  } else {
    state = (
      <div className="sync-state sync-never">
        <span className="sync-dot" aria-hidden="true" />
        <span>{t('sync.never')}</span>
        {sync.outcome?.kind === 'cancelled' && <span className="sync-muted">{t('sync.cancelled')}</span>}
      </div>
    )
  }

  return (
    <section className="sync-area" aria-label={t('sync.area')} aria-live="polite">
      {state}
      {/* While a sync runs, its button becomes the way to stop it: a second "Sync now" would only join the run. */}
      <div className="sync-actions">
        {sync.syncing ? (
          <button type="button" onClick={() => void sync.cancel()}>
            {t('sync.cancel')}
          </button>
        ) : (
          <button type="button" className="button-primary" onClick={() => void sync.syncNow()}>
            {t('sync.now')}
          </button>
        )}
      </div>
    </section>
  )
}
