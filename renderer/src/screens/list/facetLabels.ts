import { useCallback } from 'react'
import type { FacetField } from '../../../../shared/trials'
import { useI18n } from '../../i18n/I18nContext'
import { isMessageKey } from '../../i18n/translate'

/** Sources and change kinds have translated names; other facet values are shown as the registry wrote them. */
export function useFacetValueLabel(): (facet: FacetField | string, value: string) => string {
  const { t } = useI18n()
  return useCallback(
    (facet, value) => {
      const key = facet === 'source' ? `source.${value}` : facet === 'changeKind' ? `kind.${value}` : null
      return key && isMessageKey(key) ? t(key) : value
    },
    [t],
  )
}
