import { promises as fs } from 'node:fs'

/** The file is damaged or is not a Trial Desk store. */
export class CorruptStoreError extends Error {}

const CHUNK_BYTES = 4 << 20
const NEWLINE = 0x0a
/** The first line of the one-trial-per-line layout ends with this (see serializeStore). */
const TRIALS_OPENING = '"trials":['
const DAMAGED = 'the file is not valid JSON (truncated or damaged)'

function parseLine(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw new CorruptStoreError(DAMAGED)
  }
}

/**
 * Parses the layout serializeStore writes — `{…,"trials":[` on the first line, then one trial per line (each
 * followed by a comma but the last), then `]}` — reading the file in chunks, so a 500 MB store is never one string.
 */
async function parseLineLayout(handle: fs.FileHandle, firstChunk: Buffer, firstLength: number): Promise<Record<string, unknown>> {
  const trials: unknown[] = []
  let head: Record<string, unknown> | null = null
  let closed = false
  const takeLine = (line: string) => {
    if (head === null) {
      head = parseLine(`${line}]}`) as Record<string, unknown>
      return
    }
    const text = line.trim()
    if (text === '') return
    if (closed) throw new CorruptStoreError(DAMAGED) // anything after the closing `]}`
    if (text === ']}') { closed = true; return }
    trials.push(parseLine(text.endsWith(',') ? text.slice(0, -1) : text))
  }
  let pending: Buffer = firstChunk.subarray(0, firstLength)
  let position = firstLength
  for (;;) {
    let start = 0
    let newline = pending.indexOf(NEWLINE, start)
    while (newline !== -1) {
      takeLine(pending.toString('utf8', start, newline))
      start = newline + 1
      newline = pending.indexOf(NEWLINE, start)
    }
    const rest = pending.subarray(start)
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES)
    const { bytesRead } = await handle.read(chunk, 0, CHUNK_BYTES, position)
    position += bytesRead
    if (bytesRead === 0) {
      takeLine(rest.toString('utf8'))
      break
    }
    pending = rest.length === 0 ? chunk.subarray(0, bytesRead) : Buffer.concat([rest, chunk.subarray(0, bytesRead)])
  }
  if (!closed || head === null) throw new CorruptStoreError(DAMAGED)
  const data: Record<string, unknown> = head
  data.trials = trials
  return data
}

/**
 * Reads and parses a store file: the one-trial-per-line layout in chunks, anything else (an older compact
 * file, a hand-edited one) with one whole-file parse. Resolves null when the file does not exist.
 */
export async function readStoreJson(path: string): Promise<Record<string, unknown> | null> {
  let handle: fs.FileHandle
  try {
    handle = await fs.open(path, 'r')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw new CorruptStoreError(`cannot read: ${(e as NodeJS.ErrnoException).code ?? 'unknown error'}`)
  }
  try {
    const first = Buffer.allocUnsafe(CHUNK_BYTES)
    const { bytesRead } = await handle.read(first, 0, CHUNK_BYTES, 0)
    const newline = first.subarray(0, bytesRead).indexOf(NEWLINE)
    if (newline !== -1 && first.toString('utf8', 0, newline).trimEnd().endsWith(TRIALS_OPENING)) {
      return await parseLineLayout(handle, first, bytesRead)
    }
    const text = (await fs.readFile(path, 'utf8'))
    if (text.trim() === '' || /^\0+$/.test(text)) throw new CorruptStoreError('the file is empty')
    const raw = parseLine(text)
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new CorruptStoreError('not a Trial Desk store')
    return raw as Record<string, unknown>
  } catch (e) {
    if (e instanceof CorruptStoreError) throw e
    throw new CorruptStoreError(`cannot read: ${(e as NodeJS.ErrnoException).code ?? 'unknown error'}`)
  } finally {
    await handle.close()
  }
}
