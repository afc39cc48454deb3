/** SourceConfig and FetchContext helpers for tests against the fake CRIS server. */
import type { PreviousRecordView, SourceConfig, SourceRow } from '../../electron/core/sources/source'
import type { ListingContext } from '../helpers/listingOf'
import type { SyncLogWarning } from '../../shared/trials'
import type { FakeCris } from './crisServer'

/** Fast settings: a high rate and tiny retry backoff, unless a test overrides them. */
export function crisTestConfig(
  fake: FakeCris,
  env: Record<string, string> = {},
  key: string | null = fake.serviceKey,
): SourceConfig {
  return {
    getServiceKey: () => key ?? undefined,
    timeoutMs: 5000,
    env: { TRIALS_CRIS_API: fake.url, TRIALS_CRIS_RATE: '100000', TRIALS_RETRY_BASE_MS: '1', ...env },
  }
}

export interface RecordingContext extends ListingContext {
  /** Each warning as the sync log keeps it: its text, and its code and values when it has them. */
  warnings: SyncLogWarning[]
  phases: string[]
}

export function fetchContext(
  previous: ReadonlyMap<string, PreviousRecordView> = new Map(),
  signal?: AbortSignal,
): RecordingContext {
  const warnings: SyncLogWarning[] = []
  const phases: string[] = []
  return {
    signal: signal ?? new AbortController().signal,
    onProgress: (p) => {
      if (phases.at(-1) !== p.phase) phases.push(p.phase)
    },
    warn: (message, coded) => {
      warnings.push({ ...coded, message })
    },
    previous,
    state: {},
    at: new Date().toISOString(),
    fullResync: false,
    warnings,
    phases,
  }
}

/** What a store would hold after committing these rows (enough for the next fetch's planning). */
export function previousFromRows(rows: readonly SourceRow[]): Map<string, PreviousRecordView> {
  return new Map(
    rows.map((r) => [
      r.sourceId,
      {
        sourceId: r.sourceId,
        fields: r.fields,
        detailsPending: r.detailsPending === true,
        removed: false,
      },
    ]),
  )
}
