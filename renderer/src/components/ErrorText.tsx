import type { AppError } from '../../../shared/errors'
import { useI18n } from '../i18n/I18nContext'

/** An error in plain words with the next step, from its stable code (the core's text stays out of the UI language). */
export function errorKey(error: AppError) {
  return `error.${error.code}` as const
}

export function ErrorText({ error }: { error: AppError }) {
  const { t } = useI18n()
  return <span className="error-text">{t(errorKey(error))}</span>
}
