import type { IpcEventMap, IpcEventName } from '../../../shared/ipc'

/** Sends a main → renderer event (the app: webContents.send to the main window; tests: a recorder). */
export type EmitEvent = <E extends IpcEventName>(event: E, payload: IpcEventMap[E]) => void
