/**
 * The core's own process (an Electron utility process, built to out/main/coreProcess.js): opens the store and answers
 * the main process over process.parentPort, so opening a large store, a sync's commit or a CSV export never blocks the
 * window. The sources fetch with Electron's `net.fetch` (Chromium's network stack: system proxy, PAC, OS certificates),
 * which Electron offers in utility processes too.
 */
import { net } from 'electron'
import { useCompactHeap } from '../core/process/compactHeap'
import { storePathFromArgv } from '../core/process/coreProtocol'
import { openCoreService } from '../core/process/coreService'
import { serveCore } from '../core/process/serveCore'
import { isTrialsError } from '../core/errors'

useCompactHeap()

const parentPort = process.parentPort
const log = (level: 'info' | 'warn' | 'error', message: string) =>
  parentPort.postMessage({ kind: 'event', event: 'log', payload: { level, message } })

serveCore(
  {
    onMessage: (listener) => parentPort.on('message', (event) => listener(event.data)),
    postMessage: (message) => parentPort.postMessage(message),
  },
  openCoreService({
    storePath: storePathFromArgv(process.argv),
    env: process.env,
    fetchImpl: ((input: string | URL | Request, init?: RequestInit) =>
      net.fetch(input instanceof URL ? input.href : input, init)) as typeof fetch,
    onReloadFailed: (e) =>
      log('error', `[store] reload failed: ${isTrialsError(e) ? `${e.code}: ${e.message}` : 'INTERNAL'}`),
  }),
)
