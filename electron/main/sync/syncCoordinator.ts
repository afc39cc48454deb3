/**
 * Decides when syncs run and relays their progress. Electron-free: the app wires powerMonitor / net / Notification
 * to it, tests drive it directly.
 *
 * - A daily job at the user's "HH:MM" (node-schedule), switchable off.
 * - node-schedule neither catches up after sleep nor avoids bursts on wake, so the persisted last-success time
 *   (core.status()) is the truth: on start, resume and network return, a catch-up sync runs if one is overdue.
 *   Wake/network triggers are debounced into one check; automatic attempts are spaced so a failing network cannot
 *   cause a retry storm; nothing automatic runs (or pops up) while offline or without a key.
 * - One sync at a time: a second request joins the running one. Cancel aborts it.
 * - After every sync (any trigger, or another process's sync picked up, see `announce`): at most one OS notification.
 *   If it brought something the user follows (saved searches with alerts on, watched trials), that summary, which
 *   opens the search or the watched view; otherwise, for scheduled and catch-up syncs that found new or updated
 *   trials, the count, which opens the list.
 */
import type { SourceId, SyncLogEntry, SyncProgress, SyncTrigger } from '../../../shared/trials'
import type { EmitEvent } from '../../../shared/ipc'
import type { Settings } from '../../../shared/settings'
import type { CoreApi } from '../../core/process/coreApi'
import type { ServiceKeyStore } from '../key/serviceKeyStore'
import { enabledSources, syncableSources } from '../../core/settings/enabledSources'
import type { SettingsStore } from '../../core/settings/settingsStore'
import { toIpcError } from '../api/toIpcError'
import { followingNoticeText } from '../notify/followingNotice'
import { mergeMatches } from '../../core/userData/syncMatches'
import { countChangedTrials, updateNoticeText } from '../notify/updateNotice'
import type { DailyScheduler } from './dailyScheduler'
import { isSyncOverdue, nextScheduledSlot } from './scheduleSlots'
import { noKeyError, noSourceEnabledError } from './syncRefusals'

export interface SyncNotice {
  title: string
  body: string
  onClick: () => void
}

export interface SyncCoordinatorDeps {
  core: Pick<CoreApi, 'sync' | 'status' | 'following'>
  settings: Pick<SettingsStore, 'get' | 'onChange'>
  keyStore: Pick<ServiceKeyStore, 'get'>
  emit: EmitEvent
  scheduler: DailyScheduler
  /** Shows an OS notification; absent where notifications are unsupported. */
  notify?: (notice: SyncNotice) => void
  now?: () => Date
  /** Delay that coalesces resume / network-return bursts into one overdue check. Default 10 s. */
  wakeDebounceMs?: number
  /** Minimum spacing between automatic attempts (after a failure, wake keeps asking). Default 15 min. */
  minAutoIntervalMs?: number
  /** Initial connectivity. Default true. */
  online?: boolean
  log?: (message: string) => void
  /** Picks up another process's writes before deciding whether a sync is overdue (a CLI may just have synced). */
  refreshStore?: () => Promise<unknown>
}

export type CatchUpReason = 'start' | 'resume' | 'online'

export interface SyncCoordinator {
  /** Runs (or joins) a sync. Manual syncs reject with TrialsError (NO_KEY, USAGE, …); the entries carry per-source errors. */
  run(trigger: SyncTrigger, sources?: SourceId[], options?: { fullResync?: boolean }): Promise<SyncLogEntry[]>
  cancel(): boolean
  readonly running: boolean
  progress(): SyncProgress | null
  online(): boolean
  setOnline(online: boolean): void
  nextScheduledAt(): string | null
  isOverdue(): Promise<boolean>
  /** Runs a catch-up sync now if one is overdue and allowed. Resolves when done (or immediately when skipped). */
  catchUpIfOverdue(
    reason: CatchUpReason,
  ): Promise<'synced' | 'skipped-offline' | 'skipped-no-key' | 'not-overdue' | 'skipped-recent-attempt' | 'joined'>
  /** The notification for syncs this process did not run (a CLI sync the app picked up). Never throws. */
  announce(entries: SyncLogEntry[], trigger: SyncTrigger): Promise<void>
  /** Debounced catch-up for bursts (resume, network return). */
  requestCatchUp(reason: CatchUpReason): void
  /** Schedules the daily job, follows settings changes, and checks for an overdue sync once. */
  start(): Promise<void>
  stop(): void
}

export function createSyncCoordinator(deps: SyncCoordinatorDeps): SyncCoordinator {
  const now = deps.now ?? (() => new Date())
  const wakeDebounceMs = deps.wakeDebounceMs ?? 10_000
  const minAutoIntervalMs = deps.minAutoIntervalMs ?? 15 * 60_000
  const log = deps.log ?? (() => undefined)
  // deps.emit is createAppServices' channel, which scrubs the key from every payload.
  const emit: EmitEvent = deps.emit

  let isOnline = deps.online ?? true
  let current: { promise: Promise<SyncLogEntry[]>; controller: AbortController } | null = null
  let currentProgress: SyncProgress | null = null
  let lastAutoAttemptAt = -Infinity
  let job: { cancel(): void } | null = null
  let debounceTimer: ReturnType<typeof setTimeout> | null = null
  let unsubscribeSettings: (() => void) | null = null

  function run(
    trigger: SyncTrigger,
    sources?: SourceId[],
    options: { fullResync?: boolean } = {},
  ): Promise<SyncLogEntry[]> {
    if (current) return current.promise
    const wanted = sources && sources.length > 0 ? [...new Set(sources)] : enabledSources(deps.settings.get())
    const chosen = syncableSources(wanted, Boolean(deps.keyStore.get()))
    const refusal = wanted.length === 0 ? noSourceEnabledError() : chosen.length === 0 ? noKeyError() : null
    if (refusal) {
      // The menu's "Sync now" has no reply to show this in: the event does.
      emit('sync:finished', { entries: [], error: refusal.toJSON() })
      return Promise.reject(refusal)
    }

    const controller = new AbortController()
    const promise = (async () => {
      try {
        const entries = await deps.core.sync({
          sources: chosen,
          trigger,
          // The key goes to the core for this sync only (and is never kept there).
          serviceKey: deps.keyStore.get(),
          crisDetailBudget: deps.settings.get().crisDetailBudget,
          ...(options.fullResync ? { fullResync: true } : {}),
          signal: controller.signal,
          onProgress: (p) => {
            currentProgress = p
            emit('sync:progress', p)
          },
        })
        emit('sync:finished', { entries })
        await announce(entries, trigger)
        return entries
      } catch (e) {
        // The sync failed as a whole (e.g. STORE_IN_USE: a CLI is writing): no per-source entries, so the error travels
        // in the event; scheduled and catch-up runs have no other way to show it.
        emit('sync:finished', { entries: [], error: toIpcError(e) })
        throw e
      } finally {
        current = null
        currentProgress = null
      }
    })()
    current = { promise, controller }
    return promise
  }

  async function announce(entries: SyncLogEntry[], trigger: SyncTrigger): Promise<void> {
    if (!deps.notify) return
    const language = deps.settings.get().language
    try {
      const following = followingNoticeText(mergeMatches(await deps.core.following.matchSync(entries)), language)
      if (following) {
        deps.notify({
          title: following.title,
          body: following.body,
          onClick: () => emit('app:navigate', following.target),
        })
        return
      }
    } catch (e) {
      // The user data could not be read: the sync itself succeeded, so fall back to the plain count.
      log(`following: ${toIpcError(e).code}`)
    }
    const count = countChangedTrials(entries)
    if (count === 0 || (trigger !== 'schedule' && trigger !== 'catch-up')) return
    const { title, body } = updateNoticeText(count, language)
    deps.notify({ title, body, onClick: () => emit('app:navigate', { screen: 'list' }) })
  }

  async function isOverdue(): Promise<boolean> {
    const settings = deps.settings.get()
    if (!settings.schedule.enabled) return false
    const wanted = syncableSources(enabledSources(settings), Boolean(deps.keyStore.get()))
    if (wanted.length === 0) return false
    const { sources } = await deps.core.status()
    const times = wanted.map((id) => sources.find((s) => s.source === id)?.lastSuccessAt ?? null)
    return isSyncOverdue(times, now(), settings.schedule.time)
  }

  /** Automatic runs never throw and never notify on failure: the sync log and status bar show what happened. */
  async function runAutomatic(trigger: 'schedule' | 'catch-up'): Promise<void> {
    lastAutoAttemptAt = now().getTime()
    try {
      await run(trigger)
    } catch (e) {
      log(`automatic sync (${trigger}) did not complete: ${(e as { code?: string }).code ?? 'INTERNAL'}`)
    }
  }

  /** Whether an overdue sync runs now, and why not (the coordinator logs the answer). */
  async function decideCatchUp(
    reason: CatchUpReason,
  ): Promise<Awaited<ReturnType<SyncCoordinator['catchUpIfOverdue']>>> {
    if (current) {
      await current.promise.catch(() => undefined)
      return 'joined'
    }
    if (!isOnline) return 'skipped-offline'
    if (syncableSources(enabledSources(deps.settings.get()), Boolean(deps.keyStore.get())).length === 0)
      return 'skipped-no-key'
    await deps.refreshStore?.()
    if (!(await isOverdue())) return 'not-overdue'
    if (now().getTime() - lastAutoAttemptAt < minAutoIntervalMs) return 'skipped-recent-attempt'
    log(`catch-up sync (${reason}) starts`)
    await runAutomatic('catch-up')
    return 'synced'
  }

  const coordinator: SyncCoordinator = {
    run,
    announce,
    cancel() {
      if (!current) return false
      current.controller.abort()
      return true
    },
    get running() {
      return current !== null
    },
    progress: () => currentProgress,
    online: () => isOnline,
    setOnline(online) {
      if (online === isOnline) return
      isOnline = online
      emit('net:online', { online })
      if (online) coordinator.requestCatchUp('online')
    },
    nextScheduledAt() {
      const { schedule } = deps.settings.get()
      return schedule.enabled ? nextScheduledSlot(now(), schedule.time).toISOString() : null
    },
    isOverdue,
    async catchUpIfOverdue(reason) {
      // Every decision goes to the log file: "why did it (not) sync this morning?" is the first support question.
      const decision = await decideCatchUp(reason)
      log(`catch-up (${reason}): ${decision}`)
      return decision
    },
    requestCatchUp(reason) {
      if (debounceTimer) clearTimeout(debounceTimer)
      debounceTimer = setTimeout(() => {
        debounceTimer = null
        void coordinator.catchUpIfOverdue(reason)
      }, wakeDebounceMs)
    },
    async start() {
      reschedule(deps.settings.get())
      unsubscribeSettings = deps.settings.onChange((next, previous) => {
        if (next.schedule.enabled !== previous.schedule.enabled || next.schedule.time !== previous.schedule.time) {
          reschedule(next)
        }
      })
      await coordinator.catchUpIfOverdue('start')
    },
    stop() {
      job?.cancel()
      job = null
      unsubscribeSettings?.()
      unsubscribeSettings = null
      if (debounceTimer) clearTimeout(debounceTimer)
      debounceTimer = null
      current?.controller.abort()
    },
  }

  function reschedule(settings: Settings): void {
    job?.cancel()
    job = null
    if (!settings.schedule.enabled) {
      log('schedule: daily sync off')
      return
    }
    log(
      `schedule: daily sync at ${settings.schedule.time}, next ${nextScheduledSlot(now(), settings.schedule.time).toISOString()}`,
    )
    job = deps.scheduler.scheduleDaily(settings.schedule.time, () => {
      // Offline or keyless: skip quietly; the overdue check runs when the network returns.
      if (
        !isOnline ||
        syncableSources(enabledSources(deps.settings.get()), Boolean(deps.keyStore.get())).length === 0
      ) {
        log(`scheduled sync skipped: ${isOnline ? 'no source can sync (no service key)' : 'offline'}`)
        return
      }
      log('scheduled sync starts')
      void runAutomatic('schedule')
    })
  }

  return coordinator
}
