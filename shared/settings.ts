import type { ListQuery, PreferredRegistry, SourceId } from './trials'

export type Language = 'ko' | 'en'

export { PREFERRED_REGISTRIES, type PreferredRegistry } from './trials'

/** Non-secret settings, persisted beside the store. The service key is never part of this. */
export interface Settings {
  schedule: { enabled: boolean; time: string } // "HH:MM" local time
  defaultWithinDays: number | null // null = all
  pageSize: 10 | 20 | 50 | 100
  language: Language
  sources: Record<SourceId, { enabled: boolean }>
  crisDetailBudget: number
  /**
   * Which registry's record stands for a trial registered in several ("one row per trial" in the list; the detail
   * links the others). CRIS by default, for its Korean text.
   */
  preferredRegistry: PreferredRegistry
  /** The list screen's last filters, window, sort and page size (restored on start). */
  lastQuery: ListQuery | null
}

export const DEFAULT_SETTINGS: Settings = {
  schedule: { enabled: true, time: '06:00' },
  defaultWithinDays: 7,
  pageSize: 20,
  language: 'ko',
  sources: { icreat: { enabled: true }, cris: { enabled: true }, ctgov: { enabled: true } },
  crisDetailBudget: 2000,
  preferredRegistry: 'cris',
  lastQuery: null,
}

/** What the renderer may know about the service key. */
export interface KeyInfo {
  isSet: boolean
  last4: string | null
}
