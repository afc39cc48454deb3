import type { Language } from '../../../shared/settings'

const LOCALES: Record<Language, string> = { ko: 'ko-KR', en: 'en-GB' }

export function localeOf(language: Language): string {
  return LOCALES[language]
}

/**
 * One Intl formatter per language and options, made on first use. Creating one costs far more than using it: a
 * 100-row page used to spend about a third of its render time building a DateTimeFormat per row.
 */
function cached<F>(make: (locale: string) => F): (language: Language) => F {
  const byLanguage = new Map<Language, F>()
  return (language) => {
    let formatter = byLanguage.get(language)
    if (!formatter) {
      formatter = make(localeOf(language))
      byLanguage.set(language, formatter)
    }
    return formatter
  }
}

const relativeLong = cached((l) => new Intl.RelativeTimeFormat(l, { numeric: 'auto', style: 'long' }))
const relativeShort = cached((l) => new Intl.RelativeTimeFormat(l, { numeric: 'auto', style: 'short' }))
const exactFormat = cached((l) => new Intl.DateTimeFormat(l, { dateStyle: 'long', timeStyle: 'short' }))
const dayOfYearFormat = cached((l) => new Intl.DateTimeFormat(l, { month: 'short', day: 'numeric' }))
const fullDayFormat = cached((l) => new Intl.DateTimeFormat(l, { year: 'numeric', month: 'short', day: 'numeric' }))
const yearFormat = cached((l) => new Intl.DateTimeFormat(l, { year: 'numeric' }))
const numberFormat = cached((l) => new Intl.NumberFormat(l))
export const pluralRules = cached((l) => new Intl.PluralRules(l))

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
]

/** "3시간 전" / "3 hours ago". */
export function formatRelative(
  iso: string,
  language: Language,
  now: Date = new Date(),
  style: Intl.RelativeTimeFormatStyle = 'long',
): string {
  const raw = (new Date(iso).getTime() - now.getTime()) / 1000
  // A moment the core stamped a little after this window's clock read: "now", never "in 1 second".
  const seconds = raw > 0 && raw < 120 ? 0 : raw
  const rtf = style === 'long' ? relativeLong(language) : relativeShort(language)
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'second') return rtf.format(Math.round(seconds / size), unit)
  }
  return rtf.format(0, 'second')
}

/** Exact date and time, shown on hover. */
export function formatExact(iso: string, language: Language): string {
  return exactFormat(language).format(new Date(iso))
}

/**
 * The calendar day in the reader's time zone: "12월 1일" / "1 Dec" this year, "2025년 12월 1일" / "1 Dec 2025" before.
 * A YYYY-MM-DD date (a registry's own date, no time) is that day wherever the reader is.
 */
export function formatDay(value: string, language: Language, now: Date = new Date()): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value)
  const date = dateOnly ? new Date(`${value}T12:00:00`) : new Date(value)
  if (Number.isNaN(date.getTime())) return value
  const sameYear = yearFormat(language).format(date) === yearFormat(language).format(now)
  return (sameYear ? dayOfYearFormat : fullDayFormat)(language).format(date)
}

export function formatNumber(n: number, language: Language): string {
  return numberFormat(language).format(n)
}

export function formatBytes(bytes: number, language: Language): string {
  const [unit, size] =
    bytes >= 1024 ** 3
      ? ['gigabyte', 1024 ** 3]
      : bytes >= 1024 ** 2
        ? ['megabyte', 1024 ** 2]
        : bytes >= 1024
          ? ['kilobyte', 1024]
          : ['byte', 1]
  // The short form of 'byte' is untranslated in some locales ("0byte" in Korean); the long one reads "0바이트".
  const unitDisplay = unit === 'byte' ? 'long' : 'short'
  return new Intl.NumberFormat(localeOf(language), {
    style: 'unit',
    unit,
    unitDisplay,
    maximumFractionDigits: 1,
  }).format(bytes / size)
}
