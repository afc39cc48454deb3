import type { WatchedTrial } from '../../../shared/following'
import { ChangeBadge } from '../components/ChangeBadge'
import { RecruitmentPill } from '../components/RecruitmentPill'
import { RelativeTime } from '../components/RelativeTime'
import { useI18n } from '../i18n/I18nContext'
import { fieldLabel } from '../i18n/translate'
import { formatNumber } from '../i18n/format'
import { StarButton } from './StarButton'
import { CountBadge, UnseenMark } from './UnseenMark'
import type { FollowingState } from './useFollowing'

function LatestChange({ trial }: { trial: WatchedTrial }) {
  const { t } = useI18n()
  if (trial.missing) return <span className="muted">{t('watched.missing')}</span>
  const change = trial.latestChange
  if (!change) return null
  const fields = change.fields.map((c) => fieldLabel(t, c.field))
  return (
    <span className="latest-change">
      <RelativeTime iso={change.at} short withDay />
      <span className="muted"> · {t(`history.${change.kind}`)}</span>
      {fields.length > 0 && (
        <span className="latest-fields" title={fields.join(', ')}>
          {' · '}
          {fields.join(', ')}
          {change.moreFields > 0 ? ` +${change.moreFields}` : ''}
        </span>
      )}
    </span>
  )
}

/** 관심 임상시험 / Watched: every starred trial with its latest change; removed ones stay, marked removed. */
export function WatchedScreen({ following, onOpen }: { following: FollowingState; onOpen: (id: string) => void }) {
  const { t, language } = useI18n()
  const view = following.watched
  return (
    <div className="list-screen watched-screen">
      <div className="list-head">
        <h1>{t('watched.heading')}</h1>
        {view && (
          <span className="list-total">{t('list.total', { total: formatNumber(view.items.length, language) })}</span>
        )}
        <CountBadge count={view?.changedSinceSeen ?? 0} />
        <span className="filters-spacer" />
        <button
          type="button"
          disabled={!view || view.changedSinceSeen === 0}
          onClick={() => void following.markSeen('watched').catch(() => undefined)}
        >
          ✓ {t('list.markAllSeen')}
        </button>
      </div>
      {!view && <p className="loading">{t('common.loading')}</p>}
      {view && view.items.length === 0 && <p className="empty-hint">{t('watched.empty')}</p>}
      {view && view.items.length > 0 && (
        <div className="table-scroll">
          <table className="trials watched-table">
            <caption className="visually-hidden">{t('watched.heading')}</caption>
            <colgroup>
              <col className="col-star" />
              <col className="col-watched-title" />
              <col className="col-id" />
              <col className="col-watched-status" />
              <col className="col-change" />
              <col className="col-watched-latest" />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">{t('star.column')}</span>
                </th>
                <th scope="col">{t('col.title')}</th>
                <th scope="col">{t('col.id')}</th>
                <th scope="col">{t('watched.status')}</th>
                <th scope="col">{t('col.change')}</th>
                <th scope="col">{t('watched.latestChange')}</th>
              </tr>
            </thead>
            <tbody>
              {view.items.map((trial) => (
                <tr
                  key={trial.id}
                  className={`trial-row${trial.removedAt ? ' is-removed' : ''}${trial.unseen ? ' is-unseen' : ''}`}
                  tabIndex={0}
                  onClick={() => !trial.missing && onOpen(trial.id)}
                  onKeyDown={(e) => e.key === 'Enter' && !trial.missing && onOpen(trial.id)}
                >
                  <td className="cell-star">
                    <StarButton
                      compact
                      watched
                      onToggle={() => void following.toggleWatch(trial.id, false).catch(() => undefined)}
                    />
                  </td>
                  <td className="cell-title">
                    {trial.unseen && <UnseenMark />}
                    <span className="title-ko">{trial.title}</span>
                    {trial.note && (
                      <span className="note-excerpt" title={trial.note}>
                        ✎ {trial.note}
                      </span>
                    )}
                  </td>
                  <td className="cell-id">{trial.sourceId}</td>
                  <td>
                    {trial.removedAt ? (
                      <span className="removed-mark">{t('watched.removed')}</span>
                    ) : trial.recruitment ? (
                      <RecruitmentPill status={trial.recruitment} sourceWording={trial.status} />
                    ) : (
                      (trial.status ?? '')
                    )}
                  </td>
                  <td>
                    <ChangeBadge kind={trial.changeKind} />
                  </td>
                  <td>
                    <LatestChange trial={trial} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}
