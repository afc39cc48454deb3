import { useNow } from '../hooks/useNow'
import { useI18n } from '../i18n/I18nContext'
import { formatDay, formatExact, formatRelative } from '../i18n/format'

/**
 * "3시간 전", kept current while shown, with the exact date and time on hover. `withDay` leads with the calendar day
 * ("12월 1일 · 3시간 전"): where people read a date, the day is what they note down; the relative time is secondary.
 */
export function RelativeTime({
  iso,
  short = false,
  withDay = false,
}: {
  iso: string
  short?: boolean
  withDay?: boolean
}) {
  const { language } = useI18n()
  const now = useNow()
  const relative = formatRelative(iso, language, now, short ? 'short' : 'long')
  return (
    <time dateTime={iso} title={formatExact(iso, language)} className={withDay ? 'time-with-day' : undefined}>
      {withDay ? (
        <>
          <span className="time-day">{formatDay(iso, language, now)}</span>{' '}
          <span className="time-relative">{relative}</span>
        </>
      ) : (
        relative
      )}
    </time>
  )
}
