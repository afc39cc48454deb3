import type { RecruitmentStatus } from '../../../shared/trials'
import { useI18n } from '../i18n/I18nContext'

/**
 * The normalised recruitment status as a coloured pill in the reader's language (모집 중 / Recruiting). Colour
 * answers "can my patient join?": green open, blue soon, grey over, red stopped. `sourceWording` (the registry's
 * own text) is shown on hover.
 */
export function RecruitmentPill({ status, sourceWording }: { status: RecruitmentStatus; sourceWording?: string }) {
  const { t } = useI18n()
  return (
    <span className={`pill pill-${status}`} title={sourceWording}>
      {t(`recruitment.${status}`)}
    </span>
  )
}
