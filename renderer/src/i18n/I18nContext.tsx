import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react'
import type { Language } from '../../../shared/settings'
import { createTranslate, type Translate } from './translate'

interface I18n {
  language: Language
  t: Translate
}

const I18nContext = createContext<I18n>({ language: 'ko', t: createTranslate('ko') })

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const value = useMemo(() => ({ language, t: createTranslate(language) }), [language])
  useEffect(() => {
    document.documentElement.lang = language
    document.title = value.t('app.title')
  }, [language, value])
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  return useContext(I18nContext)
}
