import type { ChangedFieldSummary, LatestChange } from '../../../../shared/trials'
import { useI18n } from '../../i18n/I18nContext'
import type { Translate } from '../../i18n/translate'
import { valueText } from '../detail/FieldValue'

/** Values longer than this are not spelled out in the one-line summary ("제목 변경" instead). */
const SHORT_VALUE = 24

function fieldName(t: Translate, language: string, f: ChangedFieldSummary): string {
  if (f.key) return t(`common.${f.key}`)
  return language === 'ko' ? f.label : f.field
}

/** One line under the title: "모집 상태 모집중 → 모집종료 · +2 항목". Nothing for a new, unchanged or removed record. */
export function ChangeLine({ change }: { change: LatestChange | null | undefined }) {
  const { t, language } = useI18n()
  if (!change || change.kind !== 'updated' || change.fields.length === 0) return null
  const parts = change.fields.map((f) => {
    const name = fieldName(t, language, f)
    const from = valueText(f.from)
    const to = valueText(f.to)
    if (from.length > SHORT_VALUE || to.length > SHORT_VALUE || (!from && !to))
      return t('list.changeNamed', { label: name })
    const empty = t('history.emptyValue')
    return `${name} ${from || empty} → ${to || empty}`
  })
  if (change.moreFields > 0) parts.push(t('list.changeMore', { count: change.moreFields }))
  const text = parts.join(' · ')
  return (
    <span className="change-line" title={text}>
      {text}
    </span>
  )
}
