import { join } from 'node:path'

/** Where the app keeps its files. The store path matches the CLI's default (electron/core/paths.ts); TRIALS_STORE overrides. */
export function appPaths(userData: string, env: Readonly<Record<string, string | undefined>>) {
  return {
    storePath: env.TRIALS_STORE?.trim() || join(userData, 'trials.json'),
    serviceKeyPath: join(userData, 'service-key.bin'),
    windowStatePath: join(userData, 'window-state.json'),
  }
}
