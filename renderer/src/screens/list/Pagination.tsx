import { SelectField } from '../../components/SelectField'
import { useI18n } from '../../i18n/I18nContext'
import { formatNumber } from '../../i18n/format'
import { PAGE_SIZES, type ListState, type PageSize } from '../../lib/query'

/** Page numbers to show: first, last, and two either side of the current one; null marks a gap. */
export function pageNumbers(current: number, count: number): Array<number | null> {
  const pages: Array<number | null> = []
  for (let p = 1; p <= count; p++) {
    if (p === 1 || p === count || Math.abs(p - current) <= 2) pages.push(p)
    else if (pages.at(-1) !== null) pages.push(null)
  }
  return pages
}

export function Pagination({
  state,
  total,
  onChange,
}: {
  state: ListState
  total: number
  onChange: (next: ListState) => void
}) {
  const { t, language } = useI18n()
  const pageCount = Math.max(1, Math.ceil(total / state.limit))
  const current = Math.floor(state.offset / state.limit) + 1
  const go = (page: number) => onChange({ ...state, offset: (page - 1) * state.limit })
  const from = total === 0 ? 0 : state.offset + 1
  const to = Math.min(total, state.offset + state.limit)

  return (
    <div className="pagination">
      <span className="page-range" aria-live="polite">
        {t('page.range', {
          from: formatNumber(from, language),
          to: formatNumber(to, language),
          total: formatNumber(total, language),
        })}
      </span>
      <nav aria-label={t('page.nav')} className="page-buttons">
        <button type="button" onClick={() => go(current - 1)} disabled={current <= 1}>
          {t('page.prev')}
        </button>
        {pageNumbers(current, pageCount).map((p, i) =>
          p === null ? (
            <span key={`gap${i}`} className="page-gap" aria-hidden="true">
              …
            </span>
          ) : (
            <button
              type="button"
              key={p}
              className={p === current ? 'page-number page-current' : 'page-number'}
              aria-current={p === current ? 'page' : undefined}
              aria-label={t('page.goto', { page: p })}
              onClick={() => go(p)}
            >
              {formatNumber(p, language)}
            </button>
          ),
        )}
        <button type="button" onClick={() => go(current + 1)} disabled={current >= pageCount}>
          {t('page.next')}
        </button>
      </nav>
      <SelectField<PageSize>
        className="field page-size"
        label={t('page.size')}
        value={state.limit as PageSize}
        options={PAGE_SIZES.map((size) => ({ value: size, label: String(size) }))}
        onChange={(limit) => onChange({ ...state, limit, offset: 0 })}
      />
    </div>
  )
}
