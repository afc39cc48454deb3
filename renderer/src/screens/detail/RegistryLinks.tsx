import { useCallback, useEffect, useState } from 'react'
import type { RecruitmentStatus, SourceId } from '../../../../shared/trials'
import { RecruitmentPill } from '../../components/RecruitmentPill'
import { useApiQuery } from '../../hooks/useApiQuery'
import { useI18n } from '../../i18n/I18nContext'

/**
 * The registry badges of a trial: its own registry and those it is linked to. `compact` (a list row's narrow source
 * column): short names stacked, the full name as the tooltip.
 */
export function RegistryBadges({
  source,
  linkedIds,
  compact = false,
}: {
  source: SourceId
  linkedIds: readonly string[] | undefined
  compact?: boolean
}) {
  const { t } = useI18n()
  const registries = [source, ...(linkedIds ?? []).map((id) => id.slice(0, id.indexOf(':')) as SourceId)]
  return (
    <span className={`registry-badges${compact ? ' is-compact' : ''}`}>
      {[...new Set(registries)].map((registry) => (
        <span
          key={registry}
          className={`registry-badge registry-${registry}`}
          title={compact ? t(`source.${registry}`) : undefined}
        >
          {t(compact ? `source.short.${registry}` : `source.${registry}`)}
        </span>
      ))}
    </span>
  )
}

/** One other registration: its button, and its recruitment status as that registry states it. */
function OtherRegistration({
  id,
  dataVersion,
  onOpen,
  onStatus,
}: {
  id: string
  dataVersion: number
  onOpen: (id: string) => void
  onStatus: (id: string, status: RecruitmentStatus | null) => void
}) {
  const { t } = useI18n()
  const { data: other } = useApiQuery('getTrial', [id], [id, dataVersion])
  const recruitment = other?.recruitment ?? null
  useEffect(() => onStatus(id, recruitment), [id, recruitment, onStatus])
  const colon = id.indexOf(':')
  const registry = id.slice(0, colon) as SourceId
  return (
    <span className="other-registration">
      <button type="button" className="button-link" onClick={() => onOpen(id)}>
        {t(`source.${registry}`)} {id.slice(colon + 1)}
      </button>
      {recruitment && <RecruitmentPill status={recruitment} sourceWording={other?.status} />}
    </span>
  )
}

/**
 * "다른 등록: CRIS KCT… [모집 전]": the same trial in another registry, opened inside the app, with the status that
 * registry gives; when the registries disagree on it, says so (a clinician would otherwise see only the one row's).
 */
export function OtherRegistrations({
  linkedIds,
  recruitment,
  dataVersion,
  onOpen,
}: {
  linkedIds: readonly string[] | undefined
  /** This record's status, compared with the others'. */
  recruitment: RecruitmentStatus | undefined
  dataVersion: number
  onOpen: (id: string) => void
}) {
  const { t } = useI18n()
  const [statuses, setStatuses] = useState<ReadonlyMap<string, RecruitmentStatus | null>>(new Map())
  const onStatus = useCallback(
    (id: string, status: RecruitmentStatus | null) =>
      setStatuses((current) => (current.get(id) === status ? current : new Map(current).set(id, status))),
    [],
  )
  if (!linkedIds || linkedIds.length === 0) return null
  const disagree =
    recruitment !== undefined &&
    linkedIds.some((id) => {
      const other = statuses.get(id)
      return other != null && other !== recruitment
    })
  return (
    <>
      <p className="other-registrations" data-testid="other-registrations">
        {t('detail.otherRegistrations')}{' '}
        {linkedIds.map((id) => (
          <OtherRegistration key={id} id={id} dataVersion={dataVersion} onOpen={onOpen} onStatus={onStatus} />
        ))}
      </p>
      {disagree && (
        <p className="notice" role="note">
          {t('detail.statusesDisagree')}
        </p>
      )}
    </>
  )
}
