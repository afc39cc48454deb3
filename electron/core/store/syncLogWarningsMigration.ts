/**
 * Store version 2 → 3: a sync log entry's warnings were two parallel arrays (`warnings`, the English texts, and
 * `warningDetails`, the code and values of each or null, absent when no warning had a code). Version 3 keeps one
 * list of `{ code?, values?, message }`; this folds the old pair into it so existing logs show the same warnings.
 */
export function foldSyncLogWarnings(data: Record<string, unknown>): Record<string, unknown> {
  const syncLog = Array.isArray(data.syncLog) ? data.syncLog.map(foldEntry) : data.syncLog
  return { ...data, schemaVersion: 3, syncLog }
}

function foldEntry(entry: unknown): unknown {
  if (typeof entry !== 'object' || entry === null || !Array.isArray((entry as { warnings?: unknown }).warnings))
    return entry
  const { warningDetails, ...rest } = entry as { warnings: unknown[]; warningDetails?: unknown }
  const details = Array.isArray(warningDetails) ? warningDetails : []
  const warnings = rest.warnings.map((message, i) => {
    if (typeof message !== 'string') return message // already folded (or damaged: the shape check says so)
    const detail: unknown = details[i]
    return typeof detail === 'object' && detail !== null ? { ...detail, message } : { message }
  })
  return { ...rest, warnings }
}
