/** Sandboxed preload: exposes the typed window.api and nothing else. */
import { contextBridge, ipcRenderer } from 'electron'
import { buildTrialDeskApi } from './buildApi'

contextBridge.exposeInMainWorld('api', buildTrialDeskApi(ipcRenderer))
