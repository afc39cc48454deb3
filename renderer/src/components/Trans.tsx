import { Fragment, type ReactNode } from 'react'
import { useI18n } from '../i18n/I18nContext'
import type { MessageKey } from '../i18n/translate'

/** A message whose {placeholders} are React nodes (e.g. a <time> with a hover title). */
export function Trans({ k, values }: { k: MessageKey; values: Record<string, ReactNode> }) {
  const { t } = useI18n()
  const parts = t(k).split(/(\{\w+\})/)
  return (
    <>
      {parts.map((part, i) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1]
        return <Fragment key={i}>{name && name in values ? values[name] : part}</Fragment>
      })}
    </>
  )
}
