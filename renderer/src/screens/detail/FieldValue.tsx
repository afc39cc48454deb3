import { useI18n } from '../../i18n/I18nContext'
import { fieldLabel } from '../../i18n/translate'

export function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
}

/** Plain text of a field value, for diffs and history. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value)
}

/**
 * A field value: text as is; CRIS item lists (sponsor_items, …) as small labelled lists. `wordsFor` names a coded
 * value in words (ClinicalTrials.gov's enums), the code itself then shown on hover.
 */
export function FieldValue({ value, wordsFor }: { value: unknown; wordsFor?: (code: string) => string | null }) {
  const { t } = useI18n()
  if (isEmptyValue(value)) return <span className="value-empty">{t('history.emptyValue')}</span>
  if (Array.isArray(value)) {
    return (
      <ol className="value-items">
        {value.map((item, i) => (
          <li key={i}>
            <FieldValue value={item} wordsFor={wordsFor} />
          </li>
        ))}
      </ol>
    )
  }
  if (typeof value === 'object') {
    return (
      <dl className="value-object">
        {Object.entries(value as Record<string, unknown>)
          .filter(([, v]) => !isEmptyValue(v))
          .map(([k, v]) => (
            <div key={k} className="value-object-row">
              <dt>{fieldLabel(t, k)}</dt>
              <dd>
                <FieldValue value={v} wordsFor={wordsFor} />
              </dd>
            </div>
          ))}
      </dl>
    )
  }
  const words = typeof value === 'string' ? wordsFor?.(value) : null
  if (words) {
    return (
      <span className="value-text" title={value as string}>
        {words}
      </span>
    )
  }
  return <span className="value-text">{valueText(value)}</span>
}
