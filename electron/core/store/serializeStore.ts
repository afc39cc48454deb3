import type { StoreData } from './types'

/** How long one synchronous slice of serialisation may run before yielding to the event loop. */
const SLICE_MS = 12
/** Chunks are handed to the writer in pieces of about this many characters. */
const CHUNK_CHARS = 1 << 20

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * The store as one JSON document with one trial per line — `{…,"trials":[` on the first line, each trial on its
 * own line, `]}` on the last — so it loads line by line (see readStoreJson) instead of as one 500 MB string.
 * Produced in slices so that a 100,000-trial store never blocks the event loop for long (the Electron window
 * would freeze). `write` receives consecutive pieces of the document.
 */
export async function serializeStoreInSlices(data: StoreData, write: (chunk: string) => Promise<void>): Promise<void> {
  const { trials, ...rest } = data
  const head = JSON.stringify(rest)
  let buffer = `${head.slice(0, -1)}${head.length > 2 ? ',' : ''}"trials":[\n`
  let sliceStart = performance.now()
  for (let i = 0; i < trials.length; i++) {
    buffer += JSON.stringify(trials[i]) + (i === trials.length - 1 ? '\n' : ',\n')
    if (buffer.length >= CHUNK_CHARS) {
      await write(buffer)
      buffer = ''
    }
    if ((i & 63) === 0 && performance.now() - sliceStart > SLICE_MS) {
      await yieldToEventLoop()
      sliceStart = performance.now()
    }
  }
  buffer += ']}\n'
  await write(buffer)
}
