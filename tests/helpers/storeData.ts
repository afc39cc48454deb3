import type { RecordAt } from '../../electron/core/store/recordStub'
import { SCHEMA_VERSION, type StoreData, type StoredTrial } from '../../electron/core/store/types'

export function storedTrial(sourceId: string, overrides: Partial<StoredTrial> = {}): StoredTrial {
  const at = overrides.changedAt ?? '2026-01-01T00:00:00.000Z'
  return {
    id: `${overrides.source ?? 'icreat'}:${sourceId}`,
    source: 'icreat',
    sourceId,
    fields: { 과제번호: sourceId, 과제명: `과제 ${sourceId}` },
    common: { title: `과제 ${sourceId}` },
    firstSeenAt: at,
    changedAt: at,
    lastSeenAt: at,
    removedAt: null,
    changeKind: 'new',
    history: [{ at, kind: 'created', changes: [] }],
    ...overrides,
  }
}

export function storeWith(trials: StoredTrial[]): StoreData {
  return { schemaVersion: SCHEMA_VERSION, trials, sources: {}, syncLog: [] }
}

/** Where a test's stub reads its whole record: `read()`, standing in for a store file. */
export const readingWith = (read: () => StoredTrial): RecordAt => ({ source: { trialIn: read }, offset: 0, length: 0 })
