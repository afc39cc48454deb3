import { join } from 'node:path'
import { storePathIn } from '../core/paths'

/** Where the app keeps its files: the store by the same rule as the CLI's (core/paths.ts), the rest beside it. */
export function appPaths(userData: string, env: Readonly<Record<string, string | undefined>>) {
  return {
    storePath: storePathIn(userData, env),
    serviceKeyPath: join(userData, 'service-key.bin'),
    windowStatePath: join(userData, 'window-state.json'),
  }
}
