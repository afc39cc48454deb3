/**
 * The main process's side of the core protocol (electron/core/process/coreProtocol.ts): CoreApi over a channel to the
 * core's process. Electron-free: the app's channel is a utilityProcess (utilityCoreChannel.ts), tests and the bench
 * use child_process.fork.
 *
 * - Calls are sent at once; the core answers them when its store is open (the window shows before that).
 * - A crash rejects every waiting call with INTERNAL (the usual error path of the window) and starts the core again,
 *   once; after a second crash every call answers INTERNAL until the app restarts.
 * - close() asks the core to close the store (a running sync and the index snapshot's write finish first), then
 *   kills the process.
 */
import type { SyncProgress } from '../../../shared/trials'
import { TrialsError } from '../../core/errors'
import type { CoreApi, CoreFollowing } from '../../core/process/coreApi'
import {
  errorFromWire,
  type CoreCallArgs,
  type CoreCallName,
  type CoreCallResult,
  type CoreEventMap,
  type CoreRequest,
  type CoreToMain,
} from '../../core/process/coreProtocol'

export interface CoreChannel {
  postMessage(message: CoreRequest): void
  onMessage(listener: (message: CoreToMain) => void): void
  onExit(listener: (code: number | null) => void): void
  kill(): void
}

export interface CoreClientOptions {
  /** Restarts after a crash (default 1). */
  maxRestarts?: number
  /** How long close() waits for the core to close its store before killing it. Default 60 s. */
  closeTimeoutMs?: number
  /** Lines the core asks the app to log. */
  onLog?: (line: CoreEventMap['log']) => void
  /** The core process exited without being asked to; `restarted`: a new one was started. */
  onCrash?: (info: { code: number | null; restarted: boolean }) => void
}

export const CORE_CRASHED_MESSAGE =
  'The part of Trial Desk that reads the trial store stopped unexpectedly. Your data is safe (nothing is saved ' +
  'half-way). Try again; if it keeps happening, restart the app and report it.'

const crashed = () => new TrialsError('INTERNAL', CORE_CRASHED_MESSAGE)

export interface CoreClient extends CoreApi {
  /** How many times the core process was started (1 + restarts). */
  readonly starts: number
}

export function createCoreClient(spawn: () => CoreChannel, options: CoreClientOptions = {}): CoreClient {
  const maxRestarts = options.maxRestarts ?? 1
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()
  const progressListeners = new Map<number, (p: SyncProgress) => void>()
  let nextId = 1
  let starts = 0
  let closing = false
  let channel: CoreChannel | null = start()

  function start(): CoreChannel {
    starts++
    const started = spawn()
    started.onMessage((message) => {
      if (message.kind === 'event') {
        if (message.event === 'sync:progress' && message.requestId !== undefined)
          progressListeners.get(message.requestId)?.(message.payload)
        else if (message.event === 'log') options.onLog?.(message.payload)
        return
      }
      const waiting = pending.get(message.id)
      if (!waiting) return
      pending.delete(message.id)
      if (message.ok) waiting.resolve(message.result)
      else waiting.reject(errorFromWire(message.error))
    })
    started.onExit((code) => {
      if (channel !== started) return
      channel = null
      for (const { reject } of pending.values()) reject(crashed())
      pending.clear()
      progressListeners.clear()
      if (closing) return
      const restarted = starts <= maxRestarts
      if (restarted) channel = start()
      options.onCrash?.({ code, restarted })
    })
    return started
  }

  function send<K extends CoreCallName>(id: number, call: K, args: CoreCallArgs<K>): Promise<CoreCallResult<K>> {
    if (!channel) return Promise.reject(crashed())
    const target = channel
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject })
      target.postMessage({ kind: 'request', id, call, args } as CoreRequest)
    })
  }
  const call = <K extends CoreCallName>(name: K, ...args: CoreCallArgs<K>) => send(nextId++, name, args)

  const following = new Proxy({} as CoreFollowing, {
    get:
      (_target, name: string) =>
      (...args: unknown[]) =>
        send(nextId++, `following.${name}` as CoreCallName, args as CoreCallArgs<CoreCallName>),
  })

  return {
    get starts() {
      return starts
    },
    opened: () => call('opened'),
    list: (query) => call('list', query),
    get: (id) => call('get', id),
    status: () => call('status'),
    syncLog: (filter) => call('syncLog', filter),
    following,
    async sync({ signal, onProgress, ...request }) {
      const id = nextId++
      if (onProgress) progressListeners.set(id, onProgress)
      const cancel = () => void call('cancelSync').catch(() => undefined)
      signal?.addEventListener('abort', cancel)
      try {
        return await send(id, 'sync', [request])
      } finally {
        signal?.removeEventListener('abort', cancel)
        progressListeners.delete(id)
      }
    },
    testKey: (request) => call('testKey', request),
    exportCsv: (request) => call('exportCsv', request),
    refreshIfChangedOnDisk: () => call('refreshIfChangedOnDisk'),
    async close() {
      if (closing) return
      closing = true
      const target = channel
      if (!target) return
      let timer: ReturnType<typeof setTimeout> | undefined
      try {
        await Promise.race([
          call('close'),
          new Promise((done) => (timer = setTimeout(done, options.closeTimeoutMs ?? 60_000))),
        ])
      } catch {
        // Closing failed or the process died meanwhile: its commits are atomic, so killing it loses nothing.
      } finally {
        clearTimeout(timer)
        target.kill()
      }
    },
  }
}
