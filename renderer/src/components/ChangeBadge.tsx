import type { ChangeKind } from '../../../shared/trials'
import { useI18n } from '../i18n/I18nContext'

export function ChangeBadge({ kind }: { kind: ChangeKind }) {
  const { t } = useI18n()
  return <span className={`badge badge-${kind}`}>{t(`kind.${kind}`)}</span>
}
