import { createReadStream, createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { serializeLineLayout } from '../../../../electron/core/store/durable/lineLayout'
import { TRIAL_STORE } from '../../../../electron/core/store/trialStoreFile'
import type { StoreData, StoredTrial } from '../../../../electron/core/store/types'

/** Writes a store exactly as the app lays it out (one trial per line), without ever stringifying it whole. */
export async function writeStoreFile(path: string, store: StoreData): Promise<void> {
  const out = createWriteStream(path)
  const { key, after } = TRIAL_STORE.lineLayout!
  await serializeLineLayout(store as unknown as Record<string, unknown>, key, after, async (chunk) => {
    if (!out.write(chunk)) await once(out, 'drain')
  })
  out.end()
  await once(out, 'finish')
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
