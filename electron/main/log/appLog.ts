/**
 * The log file for support: an installed app has no console anyone reads. electron-log (pinned) writes it because it
 * is the maintained, widely used logger for Electron apps: synchronous appends that survive a crash right after the
 * line, size-based rotation, per-instance transports and hooks. Its Node entry is used (no `electron` import), so the
 * same code runs in the main process and in tests.
 *
 * Where: `<data folder>/logs/main.log`, rotated at LOG_MAX_BYTES into main.1.log … main.<LOG_GENERATIONS>.log
 * (oldest dropped), so the folder never holds more than about (1 + generations) × LOG_MAX_BYTES.
 * What passes through: every value is turned into text, the service key removed by the core's redactSecrets (the
 * function that guards every other output, in every spelling of the key) and control characters neutralised
 * (terminalSafe), so neither a key nor registry text that drives a terminal can reach the file.
 */
import { existsSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { inspect } from 'node:util'
import electronLog from 'electron-log/node'
import { redactSecrets } from '../../core/http/redact'
import { terminalSafe } from '../../core/text/terminalSafe'

export const LOG_FILE_NAME = 'main.log'
export const LOG_MAX_BYTES = 1024 * 1024
export const LOG_GENERATIONS = 3

export const logFolderOf = (dataFolder: string) => join(dataFolder, 'logs')

export interface AppLog {
  info(...values: unknown[]): void
  warn(...values: unknown[]): void
  error(...values: unknown[]): void
  /** The folder holding main.log and its older generations (for "Open log folder" and Settings → About). */
  readonly folder: string
  readonly file: string
}

export interface AppLogOptions {
  /** The app's data folder (beside the store); the log goes into its `logs` subfolder. */
  dataFolder: string
  /** Read at every line: the key can be set or changed while the app runs. */
  serviceKey: () => string | undefined
  maxBytes?: number
  generations?: number
  /** Also write to stderr (development). */
  console?: boolean
}

/** One value as the text the file may hold: see the file comment. */
export function logSafeText(value: unknown, key: string | undefined): string {
  const text =
    typeof value === 'string'
      ? value
      : value instanceof Error
        ? (value.stack ?? `${value.name}: ${value.message}`)
        : inspect(value, { depth: 5, breakLength: Infinity })
  return terminalSafe(redactSecrets(text, key))
}

/** main.log → main.1.log → main.2.log …; the oldest generation is dropped. */
function rotate(file: string, generations: number): void {
  const generation = (n: number) => file.replace(/\.log$/, `.${n}.log`)
  rmSync(generation(generations), { force: true })
  for (let n = generations - 1; n >= 1; n--) if (existsSync(generation(n))) renameSync(generation(n), generation(n + 1))
  renameSync(file, generation(1))
}

export function createAppLog(options: AppLogOptions): AppLog {
  const folder = logFolderOf(options.dataFolder)
  const file = join(folder, LOG_FILE_NAME)
  const generations = options.generations ?? LOG_GENERATIONS
  const logger = electronLog.create({ logId: `trial-desk:${file}` })
  logger.transports.file.resolvePathFn = () => file
  logger.transports.file.maxSize = options.maxBytes ?? LOG_MAX_BYTES
  logger.transports.file.archiveLogFn = (old) => {
    try {
      rotate(old.path, generations)
    } catch {
      old.clear() // cannot rename (e.g. a locked file on Windows): start over rather than grow without bound
    }
  }
  logger.transports.console.level = options.console ? 'info' : false
  // Every line passes here before any transport writes it.
  logger.hooks.push((message) => {
    const key = options.serviceKey()
    return { ...message, data: message.data.map((value: unknown) => logSafeText(value, key)) }
  })
  return {
    folder,
    file,
    info: (...values) => logger.info(...values),
    warn: (...values) => logger.warn(...values),
    error: (...values) => logger.error(...values),
  }
}

/** Unhandled errors and rejections go to the log (with their stack, redacted) instead of vanishing. */
export function logUnhandled(log: Pick<AppLog, 'error'>, target: NodeJS.EventEmitter = process): void {
  target.on('uncaughtException', (error: unknown) => log.error('[unhandled] uncaught exception:', error))
  target.on('unhandledRejection', (reason: unknown) => log.error('[unhandled] unhandled rejection:', reason))
}
