/**
 * Non-secret settings persisted as settings.json beside the store (plain Node: the app and tests use it alike).
 * A file that is unreadable or fails validation is moved aside (settings.json.bad-<ts>) and defaults are used,
 * so a broken file never blocks the app and is kept for inspection.
 */
import { readFile, rename } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/settings'
import { atomicWriteFile } from './atomicWriteFile'
import { applySettingsPatch, settingsSchema, type SettingsPatch } from './settingsSchema'

export interface SettingsStore {
  readonly path: string
  get(): Settings
  /** Validated patch in, full settings out; persisted before it resolves. */
  update(patch: SettingsPatch): Promise<Settings>
  /** Called after every successful update (the scheduler and the menu follow language/schedule). */
  onChange(listener: (settings: Settings, previous: Settings) => void): () => void
  /** Set when the file on disk was bad and moved aside during load. */
  readonly recoveredFrom: string | null
}

export function settingsPathFor(storePath: string): string {
  return join(dirname(storePath), 'settings.json')
}

function cloneDefaults(): Settings {
  return structuredClone(DEFAULT_SETTINGS)
}

async function readSettingsFile(
  path: string,
  now: () => Date,
): Promise<{ settings: Settings; recoveredFrom: string | null }> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { settings: cloneDefaults(), recoveredFrom: null }
    throw e
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    parsed = undefined
  }
  // Fill fields added in later versions from the defaults, then validate strictly.
  const candidate =
    parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? { ...cloneDefaults(), ...(parsed as object) }
      : parsed
  const result = settingsSchema.safeParse(candidate)
  if (result.success) return { settings: result.data, recoveredFrom: null }
  const aside = `${path}.bad-${now().toISOString().replace(/[:.]/g, '-')}`
  await rename(path, aside)
  return { settings: cloneDefaults(), recoveredFrom: aside }
}

export async function openSettingsStore(path: string, options: { now?: () => Date } = {}): Promise<SettingsStore> {
  const { settings: initial, recoveredFrom } = await readSettingsFile(path, options.now ?? (() => new Date()))
  let current = initial
  const listeners = new Set<(s: Settings, prev: Settings) => void>()
  // Serialise writes so two quick updates cannot land out of order.
  let writing: Promise<unknown> = Promise.resolve()

  return {
    path,
    recoveredFrom,
    get: () => structuredClone(current),
    async update(patch) {
      const previous = current
      const next = settingsSchema.parse(applySettingsPatch(current, patch))
      current = next
      const write = writing.then(() => atomicWriteFile(path, JSON.stringify(next, null, 2)))
      writing = write.catch(() => undefined)
      try {
        await write
      } catch (e) {
        current = previous
        throw e
      }
      for (const listener of listeners) listener(structuredClone(next), structuredClone(previous))
      return structuredClone(next)
    },
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
