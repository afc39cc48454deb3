import type { Settings } from '../../../shared/settings'

/**
 * Used only when the main process cannot answer getSettings (the screens still open, in Korean).
 * Mirrors DEFAULT_SETTINGS in shared/settings.ts without importing it: the renderer takes only types from shared/.
 */
export const FALLBACK_SETTINGS: Settings = {
  schedule: { enabled: true, time: '06:00' },
  defaultWithinDays: 7,
  pageSize: 20,
  language: 'ko',
  sources: { icreat: { enabled: true }, cris: { enabled: true }, ctgov: { enabled: true } },
  crisDetailBudget: 2000,
  preferredRegistry: 'cris',
  lastQuery: null,
}
