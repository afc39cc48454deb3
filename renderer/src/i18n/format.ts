import type { Language } from '../../../shared/settings'

const LOCALES: Record<Language, string> = { ko: 'ko-KR', en: 'en-GB' }

export function localeOf(language: Language): string {
  return LOCALES[language]
}

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
  const seconds = (new Date(iso).getTime() - now.getTime()) / 1000
  const rtf = new Intl.RelativeTimeFormat(localeOf(language), { numeric: 'auto', style })
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'second') return rtf.format(Math.round(seconds / size), unit)
  }
  return rtf.format(0, 'second')
}

/** Exact date and time, shown on hover. */
export function formatExact(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso))
}

export function formatNumber(n: number, language: Language): string {
  return new Intl.NumberFormat(localeOf(language)).format(n)
}

export function formatBytes(bytes: number, language: Language): string {
  const [unit, size] =
    bytes >= 1024 ** 3 ? ['gigabyte', 1024 ** 3] : bytes >= 1024 ** 2 ? ['megabyte', 1024 ** 2] : bytes >= 1024 ? ['kilobyte', 1024] : ['byte', 1]
  // The short form of 'byte' is untranslated in some locales ("0byte" in Korean); the long one reads "0바이트".
  const unitDisplay = unit === 'byte' ? 'long' : 'short'
  return new Intl.NumberFormat(localeOf(language), { style: 'unit', unit, unitDisplay, maximumFractionDigits: 1 }).format(bytes / size)
}
