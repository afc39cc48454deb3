/**
 * The renderer's copies of shared/ source and status constants (the renderer bundles no shared runtime code; a test
 * keeps them in step with shared/trials.ts, shared/settings.ts and shared/clinical.ts).
 */
import type { RecruitmentStatus } from '../../../shared/clinical'
import type { PreferredRegistry } from '../../../shared/settings'
import type { SourceId } from '../../../shared/trials'

/** Sources that need no data.go.kr key (shared KEYLESS_SOURCES). */
export const KEYLESS_SOURCES: readonly SourceId[] = ['ctgov']
/** Registries a linked trial can be shown as (shared PREFERRED_REGISTRIES). */
export const PREFERRED_REGISTRIES: readonly PreferredRegistry[] = ['cris', 'ctgov']
/** Statuses a patient can still join (shared RECRUITING_NOW, the "모집 중만" toggle's). */
export const RECRUITING_NOW: readonly RecruitmentStatus[] = [
  'recruiting',
  'not_yet_recruiting',
  'enrolling_by_invitation',
]
