import type { SyncOptions } from '../trialDesk'

/**
 * One sync run's options with their defaults filled in once (by runSync), then passed down unchanged to each source's
 * sync (syncOneSource) and its fetch (fetchAndDiff), instead of being copied field by field into a new type at each step.
 */
export type SyncRun = Required<Omit<SyncOptions, 'sources' | 'trigger'>> & Pick<SyncOptions, 'trigger'>

export function resolveSyncRun(options: SyncOptions): SyncRun {
  return {
    now: options.now ?? (() => new Date()),
    allowMassRemoval: options.allowMassRemoval === true,
    fullResync: options.fullResync === true,
    signal: options.signal ?? new AbortController().signal,
    onProgress: options.onProgress ?? (() => undefined),
    trigger: options.trigger,
  }
}
