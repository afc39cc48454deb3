import { homedir } from 'node:os'
import { posix, win32 } from 'node:path'

/** Must equal package.json productName: Electron derives its userData folder from it, and the CLI shares that store. */
export const PRODUCT_NAME = 'Trial Desk'
export const STORE_FILE_NAME = 'trials.json'

type Env = Readonly<Record<string, string | undefined>>

/** Electron's `app.getPath('userData')` for PRODUCT_NAME, computed without Electron. */
export function userDataDir(
  platform: NodeJS.Platform = process.platform,
  env: Env = process.env,
  home = homedir(),
): string {
  const join = platform === 'win32' ? win32.join : posix.join
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), PRODUCT_NAME)
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME)
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), PRODUCT_NAME)
}

/**
 * The store in a user-data folder, unless TRIALS_STORE (trimmed, non-empty) names another file. The one rule for the
 * app (Electron's userData folder) and the CLI (the same folder computed without Electron).
 */
export function storePathIn(dataDir: string, env: Env, platform: NodeJS.Platform = process.platform): string {
  const override = env.TRIALS_STORE?.trim()
  if (override) return override
  return (platform === 'win32' ? win32.join : posix.join)(dataDir, STORE_FILE_NAME)
}

/** The store both the desktop app and the CLI use by default; TRIALS_STORE overrides. */
export function defaultStorePath(
  platform: NodeJS.Platform = process.platform,
  env: Env = process.env,
  home = homedir(),
): string {
  return storePathIn(userDataDir(platform, env, home), env, platform)
}
