import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { FacetField, Facets, FacetValue } from '../../../../shared/trials'
import { useI18n } from '../../i18n/I18nContext'
import { formatNumber } from '../../i18n/format'
import { isValueSelected, toggleFacetValue, type ListState } from '../../lib/query'
import { useFacetValueLabel } from './facetLabels'

/** On hover: a hospital's Korean and English names; a translated department with the registry's own wording. */
function optionTitle(facet: FacetField, label: string, v: FacetValue): string | undefined {
  if (facet === 'department') return label !== v.value ? `${label} · ${v.value}` : undefined
  return v.en && v.en !== v.value ? `${v.value} · ${v.en}` : undefined
}

/** Menus with more values than this get a search box (hospitals and conditions run into the hundreds). */
const SEARCHABLE_FROM = 12

/**
 * One filter menu: the facet's values with their counts, as checkboxes (keyboard: Enter opens, Tab / Space pick).
 * Counts come from the core, computed without this facet's own selection, so checking one value never hides the
 * others. A facet that does not apply to the sources in view (absent from the result) is not shown at all.
 */
export function FacetMenu({
  facet,
  facets,
  state,
  onChange,
}: {
  facet: FacetField
  facets: Facets | null
  state: ListState
  onChange: (next: ListState) => void
}) {
  const { t, language } = useI18n()
  const valueLabel = useFacetValueLabel()
  const values = facets?.[facet] ?? []
  const selected = values.filter((v) => isValueSelected(state, facet, v)).length
  const menu = useRef<HTMLDetailsElement>(null)
  const [search, setSearch] = useState('')

  // Behaves like a menu: a click elsewhere closes it.
  useEffect(() => {
    const closeOutside = (e: MouseEvent) => {
      if (menu.current?.open && !menu.current.contains(e.target as Node)) menu.current.open = false
    }
    document.addEventListener('mousedown', closeOutside)
    return () => document.removeEventListener('mousedown', closeOutside)
  }, [])

  // Esc closes it and returns to its button.
  const onKeyDown = (e: KeyboardEvent<HTMLDetailsElement>) => {
    if (e.key === 'Escape' && menu.current?.open) {
      e.stopPropagation()
      menu.current.open = false
      menu.current.querySelector('summary')?.focus()
    }
  }

  if (facets && !facets[facet] && selected === 0) return null
  const needle = search.trim().toLowerCase()
  const shown = needle
    ? values.filter(
        (v) =>
          v.value.toLowerCase().includes(needle) ||
          v.en?.toLowerCase().includes(needle) ||
          valueLabel(facet, v.value, v).toLowerCase().includes(needle) ||
          isValueSelected(state, facet, v),
      )
    : values

  return (
    <details className="facet" ref={menu} onKeyDown={onKeyDown}>
      <summary className={selected ? 'facet-summary facet-active' : 'facet-summary'}>
        {t(`facet.${facet}`)}
        {selected > 0 && <span className="facet-count">{formatNumber(selected, language)}</span>}
      </summary>
      <fieldset className="facet-menu">
        <legend className="visually-hidden">{t(`facet.${facet}`)}</legend>
        {values.length >= SEARCHABLE_FROM && (
          <input
            type="search"
            className="facet-search"
            aria-label={t('facet.search', { facet: t(`facet.${facet}`) })}
            placeholder={t('facet.search', { facet: t(`facet.${facet}`) })}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        )}
        {values.length === 0 && <p className="facet-empty">{t('facet.noValues')}</p>}
        {values.length > 0 && shown.length === 0 && <p className="facet-empty">{t('facet.noMatch')}</p>}
        {shown.map((v) => (
          <label key={v.value} className="facet-option" title={optionTitle(facet, valueLabel(facet, v.value, v), v)}>
            <input
              type="checkbox"
              checked={isValueSelected(state, facet, v)}
              onChange={() => onChange(toggleFacetValue(state, facet, v, values))}
            />
            <span className="facet-value">{valueLabel(facet, v.value, v)}</span>
            <span className="facet-value-count">{formatNumber(v.count, language)}</span>
          </label>
        ))}
      </fieldset>
    </details>
  )
}
