import type { AppError } from '../../../shared/errors'
import { useI18n } from '../i18n/I18nContext'
import type { Translate } from '../i18n/translate'

/** An error in plain words with the next step, from its stable code (the core's text stays out of the UI language). */
export function errorKey(error: AppError) {
  return `error.${error.code}` as const
}

/** The translated message with the error's values filled in (e.g. the folder a disk error names). */
export function errorText(t: Translate, error: AppError): string {
  return t(errorKey(error), error.values).replace(/\{\w+\}/g, '—')
}

export function ErrorText({ error }: { error: AppError }) {
  const { t } = useI18n()
  return <span className="error-text">{errorText(t, error)}</span>
}
