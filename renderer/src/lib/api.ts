import type { AppError } from '../../../shared/errors'
import type { IpcCallMap, IpcCallName, IpcEventMap, IpcEventName, TrialDeskApi } from '../../../shared/ipc'

declare global {
  interface Window {
    api: TrialDeskApi
  }
}

/** A failed IPC call, carrying the stable error code the screens translate. */
export class ApiError extends Error {
  readonly appError: AppError
  constructor(appError: AppError) {
    super(appError.message)
    this.name = 'ApiError'
    this.appError = appError
  }
}

/** Calls window.api and unwraps its envelope: resolves with the data or rejects with an ApiError. */
export async function call<K extends IpcCallName>(
  name: K,
  ...args: IpcCallMap[K]['args']
): Promise<IpcCallMap[K]['result']> {
  const method = window.api[name] as (...a: IpcCallMap[K]['args']) => ReturnType<TrialDeskApi[K]>
  let result
  try {
    result = await method(...args)
  } catch (e) {
    // The bridge itself failed (should not happen): report it as a bug, never with raw details.
    throw new ApiError({ code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) })
  }
  if (result.ok) return result.data as IpcCallMap[K]['result']
  throw new ApiError(result.error)
}

export function toAppError(e: unknown): AppError {
  if (e instanceof ApiError) return e.appError
  return { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) }
}

export function subscribe<E extends IpcEventName>(event: E, listener: (payload: IpcEventMap[E]) => void): () => void {
  return window.api.on(event, listener)
}
