import { useCallback } from 'react'
import type { FacetField, FacetValue } from '../../../../shared/trials'
import { departmentLabel } from '../../i18n/departmentNames'
import { useI18n } from '../../i18n/I18nContext'
import { isMessageKey } from '../../i18n/translate'

/** Facets whose values are codes the dictionaries translate; other values are shown as the registry wrote them. */
const TRANSLATED: Partial<Record<FacetField | string, string>> = {
  source: 'source',
  changeKind: 'kind',
  recruitment: 'recruitment',
  phase: 'trialPhase',
}

/**
 * A facet value in the reader's language: translated codes, hospitals by their English name in English, iCReaT's
 * English department names by their Korean name in Korean.
 */
export function useFacetValueLabel(): (
  facet: FacetField | string,
  value: string,
  item?: Pick<FacetValue, 'en'>,
) => string {
  const { t, language } = useI18n()
  return useCallback(
    (facet, value, item) => {
      const prefix = TRANSLATED[facet]
      const key = prefix ? `${prefix}.${value}` : null
      if (key && isMessageKey(key)) return t(key)
      if (facet === 'department') return departmentLabel(value, language)
      return language === 'en' && item?.en ? item.en : value
    },
    [t, language],
  )
}
