import { useEffect, useRef, type KeyboardEvent } from 'react'
import type { FacetField, Facets } from '../../../../shared/trials'
import { useI18n } from '../../i18n/I18nContext'
import { formatNumber } from '../../i18n/format'
import { isSelected, toggleFacet, type ListState } from '../../lib/query'
import { useFacetValueLabel } from './facetLabels'

/** One filter menu: the facet's values with their counts, as checkboxes (keyboard: Enter opens, Tab / Space pick). */
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
  const selected = values.filter((v) => isSelected(state, facet, v.value)).length
  const menu = useRef<HTMLDetailsElement>(null)

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

  return (
    <details className="facet" ref={menu} onKeyDown={onKeyDown}>
      <summary className={selected ? 'facet-summary facet-active' : 'facet-summary'}>
        {t(`facet.${facet}`)}
        {selected > 0 && <span className="facet-count">{formatNumber(selected, language)}</span>}
      </summary>
      <fieldset className="facet-menu">
        <legend className="visually-hidden">{t(`facet.${facet}`)}</legend>
        {values.length === 0 && <p className="facet-empty">{t('facet.noValues')}</p>}
        {values.map((v) => (
          <label key={v.value} className="facet-option">
            <input type="checkbox" checked={isSelected(state, facet, v.value)} onChange={() => onChange(toggleFacet(state, facet, v.value))} />
            <span className="facet-value">{valueLabel(facet, v.value)}</span>
            <span className="facet-value-count">{formatNumber(v.count, language)}</span>
          </label>
        ))}
      </fieldset>
    </details>
  )
}
