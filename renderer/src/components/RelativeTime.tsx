import { useNow } from '../hooks/useNow'
import { useI18n } from '../i18n/I18nContext'
import { formatExact, formatRelative } from '../i18n/format'

/** "3시간 전", kept current while shown, with the exact date and time on hover. */
export function RelativeTime({ iso, short = false }: { iso: string; short?: boolean }) {
  const { language } = useI18n()
  const now = useNow()
  return (
    <time dateTime={iso} title={formatExact(iso, language)}>
      {formatRelative(iso, language, now, short ? 'short' : 'long')}
    </time>
  )
}
