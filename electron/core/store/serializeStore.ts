import type { StoreData } from './types'

/** How long one synchronous slice of serialisation may run before yielding to the event loop. */
const SLICE_MS = 12
/** Chunks are handed to the writer in pieces of about this many characters. */
const CHUNK_CHARS = 1 << 20

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Compact JSON of the store, produced in slices so that a 100,000-trial store never blocks the event loop
 * for long (the Electron window would freeze). `write` receives consecutive pieces of the document.
 */
export async function serializeStoreInSlices(data: StoreData, write: (chunk: string) => Promise<void>): Promise<void> {
  const { trials, ...rest } = data
  const head = JSON.stringify(rest)
  // `{...rest,"trials":[ ... ]}`: the small part first, then the records one by one.
  let buffer = `${head.slice(0, -1)}${head.length > 2 ? ',' : ''}"trials":[`
  let sliceStart = performance.now()
  for (let i = 0; i < trials.length; i++) {
    buffer += (i === 0 ? '' : ',') + JSON.stringify(trials[i])
    if (buffer.length >= CHUNK_CHARS) {
      await write(buffer)
      buffer = ''
    }
    if ((i & 63) === 0 && performance.now() - sliceStart > SLICE_MS) {
      await yieldToEventLoop()
      sliceStart = performance.now()
    }
  }
  buffer += ']}'
  await write(buffer)
}
