/**
 * The renderer's copies of shared/ source constants (the renderer bundles no shared runtime code; a test keeps them in
 * step with shared/trials.ts and shared/settings.ts).
 */
import type { PreferredRegistry } from '../../../shared/settings'
import type { SourceId } from '../../../shared/trials'

/** Sources that need no data.go.kr key (shared KEYLESS_SOURCES). */
export const KEYLESS_SOURCES: readonly SourceId[] = ['ctgov']
/** Registries a linked trial can be shown as (shared PREFERRED_REGISTRIES). */
export const PREFERRED_REGISTRIES: readonly PreferredRegistry[] = ['cris', 'ctgov']
