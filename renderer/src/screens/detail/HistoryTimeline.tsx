import type { FieldChange, HistoryEntry } from '../../../../shared/trials'
import { RelativeTime } from '../../components/RelativeTime'
import { useI18n } from '../../i18n/I18nContext'
import { formatNumber } from '../../i18n/format'
import { fieldLabel } from '../../i18n/translate'
import { wordDiff } from '../../lib/wordDiff'
import { isEmptyValue, valueText } from './FieldValue'

/** Texts longer than this get an inline word diff instead of old → new. */
const LONG_TEXT = 40

function ChangeRow({ change }: { change: FieldChange }) {
  const { t } = useI18n()
  const from = valueText(change.from)
  const to = valueText(change.to)
  const empty = t('history.emptyValue')
  const long =
    typeof change.from === 'string' && typeof change.to === 'string' && Math.max(from.length, to.length) > LONG_TEXT
  return (
    <li className="change">
      <span className="change-field">{fieldLabel(t, change.field)}</span>
      {long ? (
        <p className="change-diff">
          {wordDiff(from, to).map((part, i) =>
            part.kind === 'same' ? (
              <span key={i}>{part.text}</span>
            ) : part.kind === 'removed' ? (
              <del key={i}>{part.text}</del>
            ) : (
              <ins key={i}>{part.text}</ins>
            ),
          )}
        </p>
      ) : (
        <span className="change-values">
          <del aria-label={t('history.from')}>{isEmptyValue(change.from) ? empty : from}</del>
          <span className="change-arrow" aria-hidden="true">
            →
          </span>
          <ins aria-label={t('history.to')}>{isEmptyValue(change.to) ? empty : to}</ins>
        </span>
      )}
    </li>
  )
}

/** Newest first, as the core returns it. */
export function HistoryTimeline({ history }: { history: HistoryEntry[] }) {
  const { t, language } = useI18n()
  if (history.length === 0) return <p className="muted">{t('history.empty')}</p>
  return (
    <ol className="timeline">
      {history.map((entry, i) => (
        <li key={`${entry.at}-${i}`} className={`timeline-entry timeline-${entry.kind}`}>
          <div className="timeline-head">
            <span className={`badge badge-history-${entry.kind}`}>{t(`history.${entry.kind}`)}</span>
            <RelativeTime iso={entry.at} withDay />
            {entry.changes.length > 0 && (
              <span className="muted">
                {t('history.changeCount', { count: formatNumber(entry.changes.length, language) })}
              </span>
            )}
          </div>
          {entry.kind !== 'created' && entry.changes.length > 0 && (
            <ul className="changes">
              {entry.changes.map((change) => (
                <ChangeRow key={change.field} change={change} />
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  )
}
