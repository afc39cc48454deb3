import { useEffect, useRef, type KeyboardEvent } from 'react'
import type { TrialSummary } from '../../../../shared/trials'
import { ChangeBadge } from '../../components/ChangeBadge'
import { useI18n } from '../../i18n/I18nContext'
import { highlight } from '../../lib/highlight'
import { ChangeLine } from './ChangeLine'
import { visibleColumns } from './trialColumns'
import { StarButton } from '../../following/StarButton'
import { UnseenMark } from '../../following/UnseenMark'
import { isUnseen } from '../../following/useFollowing'

/**
 * The trial rows: the title cell carries the English title, the change badge, the id and what changed; the other
 * columns appear only when a visible row has something for them (trialColumns). One row is "current" (tab stop);
 * arrows / Home / End move it, Enter opens it.
 * `focusCurrent` asks once for keyboard focus on the current row (returning from the detail view); `onFocused` says
 * it was done, so later list updates (typing a search, a sync) never take focus away from where the user is.
 */
export function TrialTable({
  items,
  current,
  focusCurrent,
  onFocused,
  onCurrentChange,
  onOpen,
  unseenSince = null,
  onToggleWatch,
  selectedSites = [],
}: {
  items: TrialSummary[]
  current: number
  focusCurrent: boolean
  onFocused: () => void
  onCurrentChange: (index: number) => void
  onOpen: (index: number) => void
  /** Rows changed after this carry the unseen mark. */
  unseenSince?: string | null
  /** Stars a row (☆ button, or the `s` key on the current row); absent: no star column. */
  onToggleWatch?: (index: number) => void
  /** The site filter's values (canonical names): each row names these of its sites first. */
  selectedSites?: readonly string[]
}) {
  const { t, language } = useI18n()
  const rows = useRef<Array<HTMLTableRowElement | null>>([])
  const index = Math.min(Math.max(current, 0), Math.max(items.length - 1, 0))

  useEffect(() => {
    if (!focusCurrent || items.length === 0) return
    rows.current[index]?.focus()
    onFocused()
  }, [focusCurrent, index, items, onFocused])

  const move = (next: number) => {
    const clamped = Math.min(Math.max(next, 0), items.length - 1)
    onCurrentChange(clamped)
    rows.current[clamped]?.focus()
  }

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(index + 1),
      ArrowUp: () => move(index - 1),
      Home: () => move(0),
      End: () => move(items.length - 1),
      Enter: () => onOpen(index),
      ...(onToggleWatch ? { s: () => onToggleWatch(index) } : {}),
    }
    const action = keys[e.key]
    if (action && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault()
      action()
    }
  }

  const columns = visibleColumns(items)
  const ctx = { t, language, selectedSites: new Set(selectedSites) }
  return (
    <table className="trials">
      <caption className="visually-hidden">{t('list.caption')}</caption>
      <colgroup>
        {onToggleWatch && <col className="col-star" />}
        <col className="col-title" />
        {columns.map((c) => (
          <col key={c.id} className={`col-${c.id}`} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {onToggleWatch && (
            <th scope="col">
              <span className="visually-hidden">{t('star.column')}</span>
            </th>
          )}
          <th scope="col">{t('col.title')}</th>
          {columns.map((c) => (
            <th key={c.id} scope="col">
              {c.header(t)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody onKeyDown={onKeyDown}>
        {items.map((trial, i) => (
          <tr
            key={trial.id}
            ref={(el) => {
              rows.current[i] = el
            }}
            tabIndex={i === index ? 0 : -1}
            aria-selected={i === index}
            className={`trial-row${i === index ? ' is-current' : ''}${trial.changeKind === 'removed' ? ' is-removed' : ''}${isUnseen(trial.changedAt, unseenSince) ? ' is-unseen' : ''}`}
            onClick={() => onOpen(i)}
            onFocus={() => i !== index && onCurrentChange(i)}
          >
            {onToggleWatch && (
              <td className="cell-star">
                <StarButton compact watched={Boolean(trial.watched)} onToggle={() => onToggleWatch(i)} />
              </td>
            )}
            <td className="cell-title" title={trial.titleEn ? `${trial.title}\n${trial.titleEn}` : trial.title}>
              <span className="title-ko">{highlight(trial.title, trial.matchedTerms)}</span>
              {trial.titleEn && trial.titleEn !== trial.title && (
                <span className="title-en" lang="en">
                  {highlight(trial.titleEn, trial.matchedTerms)}
                </span>
              )}
              <span className="title-meta">
                {isUnseen(trial.changedAt, unseenSince) && <UnseenMark />}
                <ChangeBadge kind={trial.changeKind} />
                <span className="cell-id">{trial.sourceId}</span>
                {trial.detailsPending && (
                  <span className="pending-mark" title={t('list.detailsPendingHint')}>
                    {t('list.detailsPending')}
                  </span>
                )}
                <ChangeLine change={trial.latestChange} />
              </span>
            </td>
            {columns.map((c) => {
              const { content, title } = c.cell(trial, ctx)
              return (
                <td key={c.id} className={`cell-${c.id}`} title={title}>
                  {c.wraps ? <span className="cell-wrap">{content}</span> : content}
                </td>
              )
            })}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
