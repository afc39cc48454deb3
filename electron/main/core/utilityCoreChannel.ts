/** The core's process in the app: an Electron utility process running out/main/coreProcess.js. */
import { utilityProcess } from 'electron'
import { withStoreAllocator } from '../../core/process/allocatorEnv'
import { STORE_PATH_ARG, type CoreRequest } from '../../core/process/coreProtocol'
import type { CoreChannel } from './coreClient'

/**
 * `env`: the sources' TRIALS_* overrides and proxy variables; default the main process's environment. Either way
 * with the allocator settings of a process holding the store (see allocatorEnv.ts).
 */
export function utilityCoreChannel(entryPath: string, storePath: string, env?: NodeJS.ProcessEnv): CoreChannel {
  const child = utilityProcess.fork(entryPath, [STORE_PATH_ARG, storePath], {
    serviceName: 'Trial Desk core',
    env: withStoreAllocator(env ?? process.env),
  })
  // Sent before the process is up: held until 'spawn' (calls made at start-up, before the store is open).
  let queued: CoreRequest[] | null = []
  child.once('spawn', () => {
    for (const message of queued ?? []) child.postMessage(message)
    queued = null
  })
  return {
    postMessage: (message) => (queued ? queued.push(message) : child.postMessage(message)),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.on('exit', listener),
    kill: () => void child.kill(),
  }
}
