import type { Language } from '../../../shared/settings'
import type { SyncLogEntry } from '../../../shared/trials'
import { formatNumber } from './format'
import { isMessageKey, type Translate } from './translate'

/**
 * The text to show for a sync log entry's warnings, in order: the dictionary's `warning.<CODE>` for a coded warning
 * (numbers formatted for the language), the core's own text for one without a code — or with a code this version
 * does not know, or values that do not fill the message.
 */
export function syncWarningTexts(entry: Pick<SyncLogEntry, 'warnings'>, t: Translate, language: Language): string[] {
  return entry.warnings.map((warning) => {
    const raw = warning.message
    if (typeof warning.code !== 'string') return raw
    const key = `warning.${warning.code}`
    if (!isMessageKey(key)) return raw
    const vars = Object.fromEntries(
      Object.entries(warning.values ?? {}).map(([name, value]) => [
        name,
        typeof value === 'number' ? formatNumber(value, language) : String(value),
      ]),
    )
    const text = t(key, vars)
    return /\{\w+\}/.test(text) ? raw : text
  })
}
