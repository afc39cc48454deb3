import type { Language } from '../../../shared/settings'
import { en } from './en'
import { ko, type MessageKey } from './ko'

export type { MessageKey }
export type Vars = Record<string, string | number>
export type Translate = (key: MessageKey, vars?: Vars) => string

const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { ko, en }

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(ko, key)
}

/** Looks a key up and fills its {placeholders}. */
export function createTranslate(language: Language): Translate {
  const dict = DICTIONARIES[language]
  return (key, vars) => {
    const text = dict[key]
    if (!vars) return text
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole))
  }
}

/** Readable label for a source column; unknown columns keep their raw name. */
export function fieldLabel(t: Translate, field: string): string {
  const key = `field.${field}`
  return isMessageKey(key) ? t(key) : field
}
