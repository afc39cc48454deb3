import { useEffect, useState, type DependencyList } from 'react'
import type { AppError } from '../../../shared/errors'
import type { IpcCallMap, IpcCallName } from '../../../shared/ipc'
import { call, toAppError } from '../lib/api'

/**
 * Loads `window.api[name](...args)` whenever `deps` change. The previous data stays on screen while the next load
 * runs (no flicker between pages), and an answer that arrives after a newer request started is dropped.
 */
export function useApiQuery<K extends IpcCallName>(
  name: K,
  args: IpcCallMap[K]['args'],
  deps: DependencyList,
): { data: IpcCallMap[K]['result'] | null; error: AppError | null } {
  const [data, setData] = useState<IpcCallMap[K]['result'] | null>(null)
  const [error, setError] = useState<AppError | null>(null)

  useEffect(() => {
    let stale = false
    call(name, ...args)
      .then((result) => {
        if (stale) return
        setData(result)
        setError(null)
      })
      .catch((e) => !stale && setError(toAppError(e)))
    return () => {
      stale = true
    }
    // The caller's deps decide when to reload (args are usually fresh objects on every render).
  }, deps)

  return { data, error }
}
