import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import type { StoreData, StoredTrial } from '../../../../electron/core/store/types'
import { serialisedWithRoom, writeGeneration } from '../../../../electron/core/store/writeGeneration'

/**
 * Writes a store exactly as the app's save lays it out (one trial per line, room after each, the sources and sync
 * log after the trials), without ever stringifying it whole.
 */
export async function writeStoreFile(path: string, store: StoreData): Promise<void> {
  const { trials, ...meta } = store
  await writeGeneration(path, meta, trials.length, (i) => serialisedWithRoom(trials[i]), null)
}

/** Calls `visit` with each trial of a store file in that layout, one at a time (never the whole store in memory). */
export async function forEachStoredTrial(path: string, visit: (trial: StoredTrial) => void): Promise<void> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity })
  let first = true
  for await (const line of lines) {
    if (first) {
      first = false
      continue
    }
    const text = line.trim()
    if (text === '' || text.startsWith(']')) continue
    visit(JSON.parse(text.endsWith(',') ? text.slice(0, -1) : text) as StoredTrial)
  }
}
