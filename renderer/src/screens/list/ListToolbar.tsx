import { useEffect, useState, type RefObject } from 'react'
import type { ListSort } from '../../../../shared/trials'
import { SelectField } from '../../components/SelectField'
import { Segmented } from '../../components/Segmented'
import { useI18n } from '../../i18n/I18nContext'
import { WINDOW_CHOICES, type ListState, type WindowChoice } from '../../lib/query'

const SORTS: ListSort[] = ['changed', 'title', 'id', 'sourceUpdated']
const SEARCH_DEBOUNCE_MS = 300

/** Time window, search (debounced) and sort. */
export function ListToolbar({
  state,
  onChange,
  searchRef,
}: {
  state: ListState
  onChange: (next: ListState) => void
  searchRef: RefObject<HTMLInputElement | null>
}) {
  const { t } = useI18n()
  const [text, setText] = useState(state.q ?? '')

  // Clearing filters elsewhere empties the box too.
  useEffect(() => setText(state.q ?? ''), [state.q])

  useEffect(() => {
    const q = text.trim() || undefined
    if (q === (state.q || undefined)) return
    const timer = setTimeout(() => onChange({ ...state, q, offset: 0 }), SEARCH_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [text, state, onChange])

  return (
    <div className="toolbar">
      <Segmented<WindowChoice>
        label={t('window.label')}
        options={WINDOW_CHOICES}
        value={(state.withinDays ?? null) as WindowChoice}
        optionLabel={(days) => t(days === null ? 'window.all' : `window.${days}`)}
        onChange={(days) => onChange({ ...state, withinDays: days, offset: 0 })}
      />
      <label className="search">
        <span className="visually-hidden">{t('search.label')}</span>
        <input
          ref={searchRef}
          type="search"
          maxLength={200}
          value={text}
          placeholder={t('search.placeholder')}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <SelectField<ListSort>
        className="field sort"
        label={t('sort.label')}
        value={state.sort ?? 'changed'}
        options={SORTS.map((s) => ({ value: s, label: t(`sort.${s}`) }))}
        onChange={(sort) => onChange({ ...state, sort, offset: 0 })}
      />
    </div>
  )
}
