/**
 * The messages between the Electron main process and the core's utility process, derived from CoreApi (one contract):
 * requests carry an id, a call name and its arguments; replies carry the result or the error (a TrialsError keeps its
 * stable code, message and values); events are pushed by the core (a sync's progress, lines for the app's log).
 * Messages are structured-cloned (utilityProcess / parentPort), so they hold plain data only.
 */
import type { ErrorCode } from '../../../shared/errors'
import type { IpcEventMap } from '../../../shared/ipc'
import type { SyncLogEntry } from '../../../shared/trials'
import { isTrialsError, TrialsError } from '../errors'
import type { CoreApi, CoreFollowing, CoreSyncRequest } from './coreApi'

/** Every call as it crosses: the following's calls named `following.<call>`, a sync without its callbacks. */
export type CoreWireCalls = Omit<CoreApi, 'following' | 'sync'> & {
  [K in keyof CoreFollowing as `following.${K & string}`]: CoreFollowing[K]
} & {
  sync(request: CoreSyncRequest): Promise<SyncLogEntry[]>
  /** Aborts the running sync (its AbortSignal in the main process). */
  cancelSync(): Promise<boolean>
}

export type CoreCallName = keyof CoreWireCalls
export type CoreCallArgs<K extends CoreCallName> = Parameters<CoreWireCalls[K]>
export type CoreCallResult<K extends CoreCallName> = Awaited<ReturnType<CoreWireCalls[K]>>

export type CoreRequest = {
  [K in CoreCallName]: { kind: 'request'; id: number; call: K; args: CoreCallArgs<K> }
}[CoreCallName]

/** A thrown error as it crosses: `code` null for anything that is not a TrialsError (a bug; the main process says INTERNAL). */
export interface WireError {
  code: ErrorCode | null
  message: string
  values?: Record<string, string | number>
}

export type CoreReply =
  { kind: 'reply'; id: number; ok: true; result: unknown } | { kind: 'reply'; id: number; ok: false; error: WireError }

/** Pushed by the core: a sync's progress (forwarded to the renderer as today), and lines for the app's log file. */
export interface CoreEventMap {
  'sync:progress': IpcEventMap['sync:progress']
  log: { level: 'info' | 'warn' | 'error'; message: string }
}
export type CoreEvent = {
  [E in keyof CoreEventMap]: { kind: 'event'; event: E; payload: CoreEventMap[E]; requestId?: number }
}[keyof CoreEventMap]

export type CoreToMain = CoreReply | CoreEvent

export function errorToWire(e: unknown): WireError {
  if (isTrialsError(e)) return { code: e.code, message: e.message, ...(e.values ? { values: e.values } : {}) }
  return { code: null, message: e instanceof Error ? e.message : String(e) }
}

export function errorFromWire(wire: WireError): Error {
  if (wire.code === null) return new Error(wire.message)
  return new TrialsError(wire.code, wire.message, wire.values ? { values: wire.values } : undefined)
}

/** How the main process tells the core process which store to open (utilityProcess.fork's args = process.argv). */
export const STORE_PATH_ARG = '--trial-desk-store'

export function storePathFromArgv(argv: readonly string[]): string {
  const at = argv.indexOf(STORE_PATH_ARG)
  const path = at >= 0 ? argv[at + 1] : undefined
  if (!path) throw new Error(`the core process needs ${STORE_PATH_ARG} <path>`)
  return path
}
