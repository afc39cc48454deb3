import { useState } from 'react'
import { errorText, ErrorText } from '../../components/ErrorText'
import { Segmented } from '../../components/Segmented'
import { useApiQuery } from '../../hooks/useApiQuery'
import { useI18n } from '../../i18n/I18nContext'
import { formatExact, formatNumber, formatRelative } from '../../i18n/format'
import { syncWarningTexts } from '../../i18n/syncWarning'
import './log.css'

type ResultFilter = 'all' | 'ok' | 'failed'
const FILTERS: ResultFilter[] = ['all', 'ok', 'failed']
const LOG_LIMIT = 200

export function SyncLogScreen({ dataVersion }: { dataVersion: number }) {
  const { t, language } = useI18n()
  const [filter, setFilter] = useState<ResultFilter>('all')
  const ok = filter === 'all' ? undefined : filter === 'ok'
  const { data: log, error } = useApiQuery('getSyncLog', [{ ok, limit: LOG_LIMIT }], [filter, dataVersion])

  const n = (x: number) => formatNumber(x, language)
  return (
    <section className="log-screen" aria-labelledby="log-heading">
      <div className="screen-head">
        <h1 id="log-heading">{t('log.title')}</h1>
        <Segmented
          label={t('log.filter')}
          options={FILTERS}
          value={filter}
          optionLabel={(f) => t(`log.filter.${f}`)}
          onChange={setFilter}
        />
        {log && <span className="muted">{t('log.total', { total: n(log.total) })}</span>}
      </div>
      {error && (
        <p className="inline-error" role="alert">
          <ErrorText error={error} />
        </p>
      )}
      {log && log.items.length === 0 && <p className="muted">{t('log.empty')}</p>}
      {log && log.items.length > 0 && (
        <div className="table-scroll">
          <table className="log">
            <thead>
              <tr>
                <th scope="col">{t('log.col.startedAt')}</th>
                <th scope="col">{t('log.col.source')}</th>
                <th scope="col">{t('log.col.trigger')}</th>
                <th scope="col">{t('log.col.result')}</th>
                <th scope="col">{t('log.col.counts')}</th>
                <th scope="col">{t('log.col.details')}</th>
              </tr>
            </thead>
            <tbody>
              {log.items.map((entry) => (
                <tr key={entry.id} className={entry.ok ? 'log-ok' : 'log-failed'}>
                  <td className="numbers">
                    <time dateTime={entry.startedAt} title={formatRelative(entry.startedAt, language)}>
                      {formatExact(entry.startedAt, language)}
                    </time>
                  </td>
                  <td>{t(`source.${entry.source}`)}</td>
                  <td>{entry.trigger ? t(`trigger.${entry.trigger}`) : ''}</td>
                  <td>
                    <span className={entry.ok ? 'badge badge-ok' : 'badge badge-failed'}>
                      {entry.ok ? t('log.ok') : t('log.failed')}
                    </span>
                  </td>
                  <td className="numbers">
                    {/* A run that failed before fetching anything has no counts: "0 / 0 / 0 / 0" would read as "nothing changed". */}
                    {!entry.ok && entry.fetched === 0
                      ? '—'
                      : `${n(entry.fetched)} / ${n(entry.created)} / ${n(entry.updated)} / ${n(entry.removed)}`}
                  </td>
                  <td>
                    {entry.error && <span title={errorText(t, entry.error)}>{errorText(t, entry.error)}</span>}
                    {syncWarningTexts(entry, t, language).map((w, i) => (
                      <span key={i} className="log-warning">
                        {w}
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
