import { homedir } from 'node:os'
import { posix, win32 } from 'node:path'

/** Must equal package.json productName: Electron derives its userData folder from it, and the CLI shares that store. */
export const PRODUCT_NAME = 'Trial Desk'
export const STORE_FILE_NAME = 'trials.json'

type Env = Readonly<Record<string, string | undefined>>

/** Electron's `app.getPath('userData')` for PRODUCT_NAME, computed without Electron. */
export function userDataDir(platform: NodeJS.Platform = process.platform, env: Env = process.env, home = homedir()): string {
  const join = platform === 'win32' ? win32.join : posix.join
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), PRODUCT_NAME)
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME)
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), PRODUCT_NAME)
}

/** The store both the desktop app and the CLI use; TRIALS_STORE overrides. */
export function defaultStorePath(platform: NodeJS.Platform = process.platform, env: Env = process.env, home = homedir()): string {
  if (env.TRIALS_STORE) return env.TRIALS_STORE
  return (platform === 'win32' ? win32.join : posix.join)(userDataDir(platform, env, home), STORE_FILE_NAME)
}
