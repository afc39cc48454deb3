import { useI18n } from '../i18n/I18nContext'
import { formatExact, formatRelative } from '../i18n/format'

/** "3시간 전", with the exact date and time on hover. */
export function RelativeTime({ iso, short = false }: { iso: string; short?: boolean }) {
  const { language } = useI18n()
  return (
    <time dateTime={iso} title={formatExact(iso, language)}>
      {formatRelative(iso, language, new Date(), short ? 'short' : 'long')}
    </time>
  )
}
