import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import type { StoreData } from '../../../../electron/core/store/types'

/**
 * Writes a store as compact JSON, one trial at a time: a 100,000-trial store is close to V8's maximum string
 * length, so it is never stringified whole here.
 */
export async function writeStoreFile(path: string, store: StoreData): Promise<void> {
  const out = createWriteStream(path)
  const { trials, ...rest } = store
  const head = JSON.stringify(rest)
  const write = async (chunk: string) => { if (!out.write(chunk)) await once(out, 'drain') }
  await write(`${head.slice(0, -1)},"trials":[`)
  for (let i = 0; i < trials.length; i++) await write((i === 0 ? '' : ',') + JSON.stringify(trials[i]))
  await write(']}')
  out.end()
  await once(out, 'finish')
}
