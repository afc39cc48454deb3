/** Registers exactly one ipcMain.handle per IPC_CALLS channel, each checking the sender frame before the handler. */
import { ipcMain } from 'electron'
import { IPC_CALLS, type IpcCallName, type IpcResult } from '../../../shared/ipc'
import type { ApiHandlers } from '../api/handlers'
import { isTrustedSenderUrl, type TrustedRenderer } from './trustedSender'

export const UNTRUSTED_SENDER_RESULT: IpcResult<never> = {
  ok: false,
  error: { code: 'VALIDATION', message: 'This request did not come from the Trial Desk window and was refused.' },
}

/** The one place that touches ipcMain: everything else goes through the typed map in shared/ipc.ts. */
export function registerIpc(handlers: ApiHandlers, trusted: TrustedRenderer): () => void {
  const names = Object.keys(IPC_CALLS) as IpcCallName[]
  for (const name of names) {
    const handler = handlers[name]
    ipcMain.handle(IPC_CALLS[name], async (event, ...args: unknown[]) => {
      if (!isTrustedSenderUrl(event.senderFrame?.url, trusted)) return UNTRUSTED_SENDER_RESULT
      return handler(...args)
    })
  }
  return () => names.forEach((name) => ipcMain.removeHandler(IPC_CALLS[name]))
}
