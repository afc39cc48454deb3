import type { Settings } from '../../../shared/settings'
import type { ChangeKind, FacetField, FacetValue, ListQuery, SourceId } from '../../../shared/trials'

/**
 * The filter menus, in screen order. Written out here because the renderer imports only types from shared/ (no
 * shared runtime in the bundle); `AllFacets` stops the build when shared/trials.ts gains a facet missing here.
 */
export const FACETS = [
  'source',
  'changeKind',
  'recruitment',
  'phase',
  'site',
  'condition',
  'institution',
  'sponsor',
  'department',
  'studyType',
  'scope',
] as const satisfies readonly FacetField[]
export type AllFacets = [Exclude<FacetField, (typeof FACETS)[number]>] extends [never] ? true : never
const _allFacetsShown: AllFacets = true

export const WINDOW_CHOICES = [1, 7, 30, 90, null] as const
export type WindowChoice = (typeof WINDOW_CHOICES)[number]
export const PAGE_SIZES = [10, 20, 50, 100] as const
export type PageSize = (typeof PAGE_SIZES)[number]

/** What the list screen keeps: a ListQuery with the parts the screen always sets. */
export type ListState = ListQuery & { offset: number; limit: number }

export function initialListState(settings: Settings): ListState {
  const saved = settings.lastQuery
  const base: ListState = {
    withinDays: settings.defaultWithinDays,
    sort: 'changed',
    offset: 0,
    limit: settings.pageSize,
  }
  if (!saved) return base
  // `now` is never restored: the window is always relative to the current time.
  const { now: _ignored, ...rest } = saved
  return { ...base, ...rest, offset: rest.offset ?? 0, limit: rest.limit ?? settings.pageSize }
}

/** Is this facet value currently selected? */
export function isSelected(state: ListQuery, facet: FacetField, value: string): boolean {
  if (facet === 'source') return state.sources?.includes(value as SourceId) ?? false
  if (facet === 'changeKind') return state.kinds?.includes(value as ChangeKind) ?? false
  return state.fields?.some((f) => f.name === facet && f.value === value) ?? false
}

/** Toggles one facet value; any filter change goes back to the first page. */
export function toggleFacet(state: ListState, facet: FacetField, value: string): ListState {
  const on = !isSelected(state, facet, value)
  if (facet === 'source') {
    const current = state.sources ?? []
    const sources = on ? [...current, value as SourceId] : current.filter((s) => s !== value)
    return { ...state, sources: sources.length ? sources : undefined, offset: 0 }
  }
  if (facet === 'changeKind') {
    const current = state.kinds ?? []
    const kinds = on ? [...current, value as ChangeKind] : current.filter((k) => k !== value)
    return { ...state, kinds: kinds.length ? kinds : undefined, offset: 0 }
  }
  const current = state.fields ?? []
  const fields = on
    ? [...current, { name: facet, value }]
    : current.filter((f) => !(f.name === facet && f.value === value))
  return { ...state, fields: fields.length ? fields : undefined, offset: 0 }
}

/**
 * Is this menu value selected: by its own name, or by a spelling the core reports selects it (`selectedBy`: a saved
 * search made on the command line with site=서울대병원 selects 서울대학교병원)?
 */
export function isValueSelected(state: ListQuery, facet: FacetField, v: FacetValue): boolean {
  return isSelected(state, facet, v.value) || (v.selectedBy ?? []).some((w) => isSelected(state, facet, w))
}

/**
 * Toggles one menu value. Unchecking removes every spelling that selects it; a spelling that also selected other values
 * of the menu (phase=2상/3상 selects phase2 and phase3) is replaced by those values, so unchecking 2상 keeps 3상.
 */
export function toggleFacetValue(
  state: ListState,
  facet: FacetField,
  v: FacetValue,
  menu: readonly FacetValue[] = [],
): ListState {
  if (!isValueSelected(state, facet, v)) return toggleFacet(state, facet, v.value)
  const removed = new Set([v.value, ...(v.selectedBy ?? [])])
  let next = state
  for (const w of removed) if (isSelected(next, facet, w)) next = toggleFacet(next, facet, w)
  for (const other of menu) {
    if (other.value === v.value || !other.selectedBy?.some((w) => removed.has(w))) continue
    if (!isValueSelected(next, facet, other)) next = toggleFacet(next, facet, other.value)
  }
  return next
}

/** The hospitals the list is filtered by, under their canonical names (what list rows name first). */
export function selectedSitesOf(state: ListQuery, siteMenu: readonly FacetValue[] | undefined): string[] {
  const written = (state.fields ?? []).filter((f) => f.name === 'site').map((f) => f.value)
  const canonical = (siteMenu ?? []).filter((v) => isValueSelected(state, 'site', v)).map((v) => v.value)
  return [...new Set([...canonical, ...written])]
}

export function hasFilters(state: ListQuery): boolean {
  return Boolean(
    state.q ||
    state.sources?.length ||
    state.kinds?.length ||
    state.fields?.length ||
    state.includeRemoved ||
    state.recruitingOnly,
  )
}

export function clearFilters(state: ListState): ListState {
  return {
    ...state,
    q: undefined,
    sources: undefined,
    kinds: undefined,
    fields: undefined,
    includeRemoved: undefined,
    recruitingOnly: undefined,
    offset: 0,
  }
}

/** The query without paging, for the CSV export (all pages). */
export function exportQuery(state: ListState): ListQuery {
  const { offset: _o, limit: _l, ...rest } = state
  return rest
}
