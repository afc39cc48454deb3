/**
 * Builds window.api from the IPC contract. Kept apart from the contextBridge call so tests can build it with a fake
 * ipcRenderer. Only these functions cross the bridge: never ipcRenderer itself, never the Electron event object.
 */
import type { IpcRenderer, IpcRendererEvent } from 'electron'
import {
  IPC_CALLS,
  IPC_EVENTS,
  type IpcCallName,
  type IpcEventMap,
  type IpcEventName,
  type TrialDeskApi,
} from '../../shared/ipc'

export function buildTrialDeskApi(ipcRenderer: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): TrialDeskApi {
  const calls: Record<string, (...args: unknown[]) => Promise<unknown>> = {}
  for (const name of Object.keys(IPC_CALLS) as IpcCallName[]) {
    const channel = IPC_CALLS[name]
    calls[name] = (...args: unknown[]) => ipcRenderer.invoke(channel, ...args)
  }
  const known = new Set<string>(IPC_EVENTS)
  function on<E extends IpcEventName>(event: E, listener: (payload: IpcEventMap[E]) => void): () => void {
    if (!known.has(event)) throw new Error(`Unknown event: ${String(event)}`)
    const wrapped = (_event: IpcRendererEvent, payload: IpcEventMap[E]) => listener(payload)
    ipcRenderer.on(event, wrapped)
    return () => {
      ipcRenderer.removeListener(event, wrapped)
    }
  }
  return Object.freeze({ ...calls, on }) as TrialDeskApi
}
