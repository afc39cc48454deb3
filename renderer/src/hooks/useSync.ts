import { useCallback, useEffect, useRef, useState } from 'react'
import type { AppError } from '../../../shared/errors'
import type { SyncStatus } from '../../../shared/ipc'
import type { SourceId, SyncLogEntry, SyncProgress } from '../../../shared/trials'
import { call, subscribe, toAppError } from '../lib/api'

export interface SyncFailure {
  source: SourceId | null
  error: AppError
}

/** What the last sync this window saw ended with. */
export type SyncOutcome =
  { kind: 'done'; entries: SyncLogEntry[] } | { kind: 'failed'; failures: SyncFailure[] } | { kind: 'cancelled' }

export interface SyncState {
  status: SyncStatus | null
  progress: SyncProgress | null
  syncing: boolean
  online: boolean
  outcome: SyncOutcome | null
  /** Bumped whenever a sync finishes, so screens reload their data. */
  dataVersion: number
  /** Every enabled source, or only `sources` (first run: ClinicalTrials.gov while the key is pending); `fullResync` for Settings. */
  syncNow: (options?: { sources?: SourceId[]; fullResync?: boolean }) => Promise<void>
  cancel: () => Promise<void>
  refresh: () => Promise<void>
}

/** Turns log entries into an outcome; any failed source makes the whole run a failure (never "success" on failure). */
export function outcomeOf(entries: SyncLogEntry[]): SyncOutcome {
  const failures = entries
    .filter((e) => !e.ok)
    .map((e) => ({ source: e.source, error: e.error ?? { code: 'INTERNAL' as const, message: '' } }))
  if (failures.length && failures.every((f) => f.error.code === 'CANCELLED')) return { kind: 'cancelled' }
  if (failures.length) return { kind: 'failed', failures }
  return { kind: 'done', entries }
}

export function useSync(): SyncState {
  const [status, setStatus] = useState<SyncStatus | null>(null)
  const [progress, setProgress] = useState<SyncProgress | null>(null)
  const [running, setRunning] = useState(false)
  const [online, setOnline] = useState(true)
  const [outcome, setOutcome] = useState<SyncOutcome | null>(null)
  const [dataVersion, setDataVersion] = useState(0)
  const mounted = useRef(true)
  const ownRunPending = useRef(false)

  const refresh = useCallback(async () => {
    try {
      const next = await call('getSyncStatus')
      if (!mounted.current) return
      setStatus(next)
      setOnline(next.online)
      if (next.syncing && next.progress) setProgress(next.progress)
      if (!next.syncing) setProgress(null)
    } catch {
      // The status area keeps its last known state; the next event refreshes it.
    }
  }, [])

  useEffect(() => {
    mounted.current = true
    void refresh()
    const offs = [
      subscribe('sync:progress', (p) => {
        setProgress(p)
        setRunning(true)
      }),
      subscribe('sync:finished', ({ entries, error }) => {
        setProgress(null)
        setRunning(false)
        if (entries.length > 0) setOutcome(outcomeOf(entries))
        // A run refused or failed as a whole (menu "Sync now" without a key, the store in use) says why.
        else if (error && !ownRunPending.current) setOutcome({ kind: 'failed', failures: [{ source: null, error }] })
        // An empty list means the run failed as a whole. A run started here gets its error from the startSync reply;
        // after any other run (schedule, another window) an older "done" must not stand: the stored status decides.
        else if (!ownRunPending.current) setOutcome((prev) => (prev?.kind === 'failed' ? prev : null))
        setDataVersion((v) => v + 1)
        void refresh()
      }),
      subscribe('net:online', ({ online: isOnline }) => setOnline(isOnline)),
    ]
    return () => {
      mounted.current = false
      offs.forEach((off) => off())
    }
  }, [refresh])

  const syncNow = useCallback(
    async (options?: { sources?: SourceId[]; fullResync?: boolean }) => {
      setRunning(true)
      setOutcome(null)
      ownRunPending.current = true
      try {
        // Joins a running sync when there is one (the main process is single-flight).
        const entries = await (options ? call('startSync', options) : call('startSync'))
        setOutcome(outcomeOf(entries))
      } catch (e) {
        setOutcome({ kind: 'failed', failures: [{ source: null, error: toAppError(e) }] })
      } finally {
        ownRunPending.current = false
        setRunning(false)
        setProgress(null)
        setDataVersion((v) => v + 1)
        void refresh()
      }
    },
    [refresh],
  )

  const cancel = useCallback(async () => {
    try {
      await call('cancelSync')
    } catch {
      // Nothing to cancel; the finished event settles the state.
    }
  }, [])

  const syncing = running || Boolean(status?.syncing)
  return { status, progress, syncing, online, outcome, dataVersion, syncNow, cancel, refresh }
}
