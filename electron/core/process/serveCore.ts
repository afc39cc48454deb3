/**
 * The core process's side of the protocol (coreProtocol.ts): answers each request of the main process with the
 * CoreApi, in arrival order of completion (reads do not wait for a running sync), pushes a sync's progress as events
 * and aborts the running sync on `cancelSync`.
 */
import type { CoreApi } from './coreApi'
import { errorToWire, type CoreRequest, type CoreToMain } from './coreProtocol'

/** process.parentPort in Electron's utility process; an IPC channel in tests and the bench. */
export interface CorePort {
  onMessage(listener: (message: CoreRequest) => void): void
  postMessage(message: CoreToMain): void
}

export function serveCore(port: CorePort, core: CoreApi): void {
  let runningSync: AbortController | null = null

  function answer(request: CoreRequest): Promise<unknown> | unknown {
    switch (request.call) {
      case 'sync': {
        const controller = new AbortController()
        runningSync = controller
        return core
          .sync({
            ...request.args[0],
            signal: controller.signal,
            onProgress: (payload) =>
              port.postMessage({ kind: 'event', event: 'sync:progress', payload, requestId: request.id }),
          })
          .finally(() => {
            if (runningSync === controller) runningSync = null
          })
      }
      case 'cancelSync':
        runningSync?.abort()
        return runningSync !== null
      default: {
        const [group, name] = request.call.split('.') as [string, string | undefined]
        const target = (name ? core.following : core) as unknown as Record<string, (...a: unknown[]) => unknown>
        const method = name ?? group
        if (typeof target[method] !== 'function') throw new Error(`unknown core call ${request.call}`)
        return target[method](...request.args)
      }
    }
  }

  port.onMessage((request) => {
    void (async () => {
      try {
        const result = await answer(request)
        port.postMessage({ kind: 'reply', id: request.id, ok: true, result })
      } catch (e) {
        port.postMessage({ kind: 'reply', id: request.id, ok: false, error: errorToWire(e) })
      }
    })()
  })
}
