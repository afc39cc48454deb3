import { SOURCE_IDS, type SourceId, type SourceStatus, type StatusReport } from '../../../shared/trials'
import type { StoreSession } from './storeSession'

/** Per source: last success, last attempt and its error, record counts; plus the store's size. */
export function buildStatusReport(session: StoreSession, registered: SourceId[], syncing: boolean): StatusReport {
  const { data } = session
  const counts = new Map(Object.entries(session.sourceCounts) as Array<[SourceId, SourceStatus['counts']]>)
  const ids = SOURCE_IDS.filter((id) => registered.includes(id) || data.sources[id] !== undefined || counts.has(id))
  return {
    storePath: session.path,
    storeBytes: session.fileSize(),
    syncing,
    sources: ids.map((source) => {
      const meta = data.sources[source]
      return {
        source,
        lastSuccessAt: meta?.lastSuccessAt ?? null,
        lastAttemptAt: meta?.lastAttemptAt ?? null,
        lastError: meta?.lastError ?? null,
        counts: counts.get(source) ?? { total: 0, active: 0, removed: 0, detailsPending: 0 },
      }
    }),
  }
}
