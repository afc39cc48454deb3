import type { SourceId } from '../../../../shared/trials'
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

/** "다른 등록: CRIS KCT…": the same trial in another registry, opened inside the app. */
export function OtherRegistrations({
  linkedIds,
  onOpen,
}: {
  linkedIds: readonly string[] | undefined
  onOpen: (id: string) => void
}) {
  const { t } = useI18n()
  if (!linkedIds || linkedIds.length === 0) return null
  return (
    <p className="other-registrations" data-testid="other-registrations">
      {t('detail.otherRegistrations')}{' '}
      {linkedIds.map((id) => {
        const colon = id.indexOf(':')
        const registry = id.slice(0, colon) as SourceId
        return (
          <button key={id} type="button" className="button-link" onClick={() => onOpen(id)}>
            {t(`source.${registry}`)} {id.slice(colon + 1)}
          </button>
        )
      })}
    </p>
  )
}
