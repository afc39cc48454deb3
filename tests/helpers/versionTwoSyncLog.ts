/** A sync log entry as store version 2 wrote it: the texts in `warnings`, the codes in the parallel `warningDetails`. */
export function versionTwoLogEntry(id: string, warnings: string[], warningDetails?: Array<object | null>) {
  return {
    id,
    source: 'icreat',
    trigger: 'manual',
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:05.000Z',
    ok: true,
    fetched: 1200,
    created: 0,
    updated: 0,
    unchanged: 1200,
    removed: 0,
    rejected: 1234,
    warnings,
    ...(warningDetails ? { warningDetails } : {}),
  }
}
