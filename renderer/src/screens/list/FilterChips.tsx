import type { FacetField } from '../../../../shared/trials'
import { useI18n } from '../../i18n/I18nContext'
import { isMessageKey } from '../../i18n/translate'
import { clearFilters, FACETS, hasFilters, toggleFacet, type ListState } from '../../lib/query'
import { useFacetValueLabel } from './facetLabels'

interface Chip {
  label: string
  remove: (s: ListState) => ListState
}

/** Active filters as removable chips, and one "clear all". */
export function FilterChips({ state, onChange }: { state: ListState; onChange: (next: ListState) => void }) {
  const { t } = useI18n()
  const valueLabel = useFacetValueLabel()
  if (!hasFilters(state)) return null

  const facetName = (name: string) => {
    const key = `facet.${name}`
    return isMessageKey(key) ? t(key) : name
  }
  const chips: Chip[] = []
  if (state.q)
    chips.push({ label: t('filters.chipSearch', { q: state.q }), remove: (s) => ({ ...s, q: undefined, offset: 0 }) })
  for (const source of state.sources ?? [])
    chips.push({
      label: `${facetName('source')}: ${valueLabel('source', source)}`,
      remove: (s) => toggleFacet(s, 'source', source),
    })
  for (const kind of state.kinds ?? [])
    chips.push({
      label: `${facetName('changeKind')}: ${valueLabel('changeKind', kind)}`,
      remove: (s) => toggleFacet(s, 'changeKind', kind),
    })
  for (const f of state.fields ?? [])
    chips.push({
      label: `${facetName(f.name)}: ${valueLabel(f.name, f.value)}`,
      remove: (s) =>
        (FACETS as readonly string[]).includes(f.name)
          ? toggleFacet(s, f.name as FacetField, f.value)
          : { ...s, fields: s.fields?.filter((x) => x !== f), offset: 0 },
    })
  if (state.recruitingOnly)
    chips.push({
      label: t('filters.chipRecruitingOnly'),
      remove: (s) => ({ ...s, recruitingOnly: undefined, offset: 0 }),
    })
  if (state.includeRemoved)
    chips.push({ label: t('filters.chipRemoved'), remove: (s) => ({ ...s, includeRemoved: undefined, offset: 0 }) })

  return (
    <div className="chips" role="group" aria-label={t('filters.active')}>
      {chips.map((chip) => (
        <span key={chip.label} className="chip">
          {chip.label}
          <button
            type="button"
            className="chip-remove"
            aria-label={t('filters.removeChip', { label: chip.label })}
            onClick={() => onChange(chip.remove(state))}
          >
            ×
          </button>
        </span>
      ))}
      <button type="button" className="button-link" onClick={() => onChange(clearFilters(state))}>
        {t('filters.clearAll')}
      </button>
    </div>
  )
}
