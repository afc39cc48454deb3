import { useMemo, type RefObject } from 'react'
import type { ListResult, PreferredRegistry } from '../../../../shared/trials'
import { ErrorText } from '../../components/ErrorText'
import { useApiQuery } from '../../hooks/useApiQuery'
import type { SyncState } from '../../hooks/useSync'
import { useI18n } from '../../i18n/I18nContext'
import { formatNumber } from '../../i18n/format'
import { clearFilters, FACETS, hasFilters, selectedSitesOf, type ListState } from '../../lib/query'
import { EmptyState } from './EmptyState'
import { ExportButton } from './ExportButton'
import { FacetMenu } from './FacetMenu'
import { FilterChips } from './FilterChips'
import { ListToolbar } from './ListToolbar'
import { Pagination } from './Pagination'
import { TrialTable } from './TrialTable'
import type { ListFollowing } from '../../following/useFollowing'
import './list.css'

export interface ListScreenProps {
  state: ListState
  onStateChange: (next: ListState) => void
  current: number
  onCurrentChange: (index: number) => void
  focusCurrent: boolean
  onFocused: () => void
  onOpen: (id: string) => void
  sync: SyncState
  onOpenSettings: () => void
  searchRef: RefObject<HTMLInputElement | null>
  /** ClinicalTrials.gov is enabled (first run offers to sync it while the data.go.kr key is pending). */
  ctgovEnabled?: boolean
  /** Unseen marks, "Mark all seen" and stars (absent: none are shown). */
  following?: ListFollowing
  /** The setting: which registry's record stands for a trial registered in several (one row per trial). */
  preferredRegistry?: PreferredRegistry
}

/**
 * "145건", or when the time window hides matches: "최근 7일 14건 · 전체 기간 1,061건 보기" (the second part widens
 * the window to all time).
 */
function ListTotal({ result, state, onShowAll }: { result: ListResult; state: ListState; onShowAll: () => void }) {
  const { t, language } = useI18n()
  const total = formatNumber(result.total, language)
  const all = result.totalAllTime
  if (state.withinDays == null || all == null || all <= result.total) {
    return <span className="list-total">{t('list.total', { total })}</span>
  }
  return (
    <span className="list-total window-hint">
      {t('list.windowHint', { days: state.withinDays, total })}
      {' · '}
      <button type="button" className="button-link" onClick={onShowAll}>
        {t('list.windowShowAll', { all: formatNumber(all, language) })}
      </button>
    </span>
  )
}

/** Facets the current query narrows by (a selection, or the recruiting toggle for the status). */
function narrowedFacets(state: ListState): Set<string> {
  const names = new Set((state.fields ?? []).map((f) => f.name))
  if (state.recruitingOnly) names.add('recruitment')
  return names
}

/**
 * Trials whose details are still pending cannot be classified by status, site or condition: a filter on those
 * leaves them out, and says how many, instead of silently under-counting.
 */
function UnclassifiedHint({ result, state }: { result: ListResult; state: ListState }) {
  const { t, language } = useI18n()
  const narrowed = narrowedFacets(state)
  const counts = Object.entries(result.unclassified ?? {})
    .filter(([facet, n]) => narrowed.has(facet) && (n ?? 0) > 0)
    .map(([, n]) => n ?? 0)
  if (counts.length === 0) return null
  const count = Math.max(...counts)
  return (
    <p className="unclassified-hint" role="note">
      {t('list.unclassified', { count: formatNumber(count, language) })}
    </p>
  )
}

export function ListScreen(props: ListScreenProps) {
  const { state, onStateChange, sync } = props
  const { t } = useI18n()
  const { following } = props
  const { preferredRegistry } = props
  // The setting is not part of the list state (nor of the restored last query): it always follows the settings.
  const query = useMemo(() => (preferredRegistry ? { ...state, preferredRegistry } : state), [state, preferredRegistry])
  const { data: result, error } = useApiQuery('listTrials', [query], [query, sync.dataVersion, following?.version])

  const storedTotal = sync.status?.sources.reduce((n, s) => n + s.counts.total, 0)
  const noDataYet = storedTotal === 0 && result?.total === 0
  const { data: keyInfo } = useApiQuery('getKeyInfo', [], [noDataYet, sync.dataVersion])
  // ClinicalTrials.gov needs no key: offered right away while the data.go.kr key is pending.
  const ctgovWhileKeyPending = props.ctgovEnabled === true && keyInfo?.isSet === false

  const changeFilters = (next: ListState) => {
    props.onCurrentChange(0)
    onStateChange(next)
  }

  // Before the first sync, filters and export have nothing to act on: only the explanation and its two buttons.
  if (noDataYet) {
    return (
      <div className="list-screen">
        <EmptyState title={t('empty.noData.title')} body={t('empty.noData.body')}>
          <button type="button" className="button-primary" onClick={props.onOpenSettings}>
            {t('empty.noData.settings')}
          </button>
          <button type="button" onClick={() => void sync.syncNow()} disabled={sync.syncing}>
            {t('empty.noData.sync')}
          </button>
          {ctgovWhileKeyPending && (
            <div className="empty-ctgov">
              <p className="muted">{t('empty.noData.ctgovHint')}</p>
              <button
                type="button"
                className="button-primary"
                onClick={() => void sync.syncNow({ sources: ['ctgov'] })}
                disabled={sync.syncing}
              >
                {t('empty.noData.syncCtgov')}
              </button>
            </div>
          )}
        </EmptyState>
      </div>
    )
  }

  return (
    <div className="list-screen">
      <div className="list-head">
        <h1>{following?.savedName ? t('following.savedHeading', { name: following.savedName }) : t('list.heading')}</h1>
        {result && (
          <ListTotal
            result={result}
            state={state}
            onShowAll={() => changeFilters({ ...state, withinDays: null, offset: 0 })}
          />
        )}
        <span className="filters-spacer" />
        {following?.unseenSince && (
          <button type="button" onClick={following.onMarkAllSeen}>
            ✓ {t('list.markAllSeen')}
          </button>
        )}
        <ExportButton state={query} disabled={!result || result.total === 0} />
      </div>
      <ListToolbar state={state} onChange={changeFilters} searchRef={props.searchRef} />
      <div className="filters" role="group" aria-label={t('filters.label')}>
        <label className="check toggle" title={t('filters.recruitingOnlyHint')}>
          <input
            type="checkbox"
            checked={Boolean(state.recruitingOnly)}
            onChange={(e) => changeFilters({ ...state, recruitingOnly: e.target.checked || undefined, offset: 0 })}
          />
          {t('filters.recruitingOnly')}
        </label>
        {FACETS.map((facet) => (
          <FacetMenu key={facet} facet={facet} facets={result?.facets ?? null} state={state} onChange={changeFilters} />
        ))}
        <label className="check">
          <input
            type="checkbox"
            checked={Boolean(state.includeRemoved)}
            onChange={(e) => changeFilters({ ...state, includeRemoved: e.target.checked || undefined, offset: 0 })}
          />
          {t('filters.showRemoved')}
        </label>
        <label className="check" title={t('filters.oneRowPerTrialHint')}>
          <input
            type="checkbox"
            checked={state.oneRowPerTrial !== false}
            onChange={(e) =>
              changeFilters({ ...state, oneRowPerTrial: e.target.checked ? undefined : false, offset: 0 })
            }
          />
          {t('filters.oneRowPerTrial')}
        </label>
      </div>
      <FilterChips state={state} onChange={changeFilters} />
      {result && <UnclassifiedHint result={result} state={state} />}

      {error && (
        <p className="inline-error" role="alert">
          <ErrorText error={error} />
        </p>
      )}

      {result && result.total === 0 ? (
        <EmptyState title={t('empty.noResults.title')} body={t('empty.noResults.body')}>
          <button
            type="button"
            className="button-primary"
            onClick={() =>
              changeFilters(hasFilters(state) ? clearFilters(state) : { ...state, withinDays: null, offset: 0 })
            }
          >
            {t('empty.noResults.clear')}
          </button>
        </EmptyState>
      ) : result ? (
        <>
          <div className="table-scroll">
            <TrialTable
              items={result.items}
              current={props.current}
              focusCurrent={props.focusCurrent}
              onFocused={props.onFocused}
              onCurrentChange={props.onCurrentChange}
              unseenSince={following?.unseenSince ?? null}
              selectedSites={selectedSitesOf(state, result.facets.site)}
              onToggleWatch={
                following
                  ? (i) => {
                      const trial = result.items[i]
                      if (trial) following.onToggleWatch(trial.id, !trial.watched)
                    }
                  : undefined
              }
              onOpen={(i) => {
                const trial = result.items[i]
                if (trial) {
                  props.onCurrentChange(i)
                  props.onOpen(trial.id)
                }
              }}
            />
          </div>
          <Pagination
            state={state}
            total={result.total}
            onChange={(next) => {
              props.onCurrentChange(0)
              onStateChange(next)
            }}
          />
        </>
      ) : (
        !error && <p className="loading">{t('common.loading')}</p>
      )}
    </div>
  )
}
