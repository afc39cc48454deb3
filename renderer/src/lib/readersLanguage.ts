import type { SiteRef } from '../../../shared/clinical'
import type { Language } from '../../../shared/settings'

const HANGUL = /[\uac00-\ud7a3]/

/**
 * Names in the reader's script first (CRIS names a condition in Korean and in English): Korean names for a Korean
 * reader, the others for an English one; otherwise in the registry's order.
 */
export function readersScriptFirst(names: readonly string[], language: Language): string[] {
  const korean = names.filter((n) => HANGUL.test(n))
  const other = names.filter((n) => !HANGUL.test(n))
  return language === 'ko' ? [...korean, ...other] : [...other, ...korean]
}

/** A hospital under its English name for an English reader when known, else its canonical Korean name. */
export const siteLabel = (site: Pick<SiteRef, 'name' | 'nameEn'>, language: Language): string =>
  (language === 'en' && site.nameEn) || site.name
