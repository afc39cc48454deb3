import { promises as fs } from 'node:fs'
import { CorruptFileError } from './format'

/**
 * The one-element-per-line layout of a JSON document with one large array: `{…,"<key>":[` on the first line, one
 * element per line (each followed by a comma but the last), then `]` and the rest of the document (`]}`, or
 * `],"other":…}`) on the last line. Still one plain JSON document, but it can be read line by line — a 500 MB
 * store is never one string — and each element's bytes can be found and copied without parsing it.
 */

const CHUNK_BYTES = 4 << 20
const NEWLINE = 0x0a
const DAMAGED = 'the file is not valid JSON (truncated or damaged)'
/** How long one synchronous slice of serialisation may run before yielding to the event loop. */
const SLICE_MS = 12
/** Chunks are handed to the writer in pieces of about this many characters. */
const CHUNK_CHARS = 1 << 20

export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

export function parseJsonOrCorrupt(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw new CorruptFileError(DAMAGED)
  }
}

/** The opening line's ending for the array `key` (what a reader recognises the layout by). */
const openingOf = (key: string) => `${JSON.stringify(key)}:[`

/** One element line as found in the file: its JSON text and where its bytes are. */
export interface ElementLine {
  text: string
  /** Byte offset of the element's JSON in the file, and its length in bytes (without comma and newline). */
  offset: number
  bytes: number
}

/** What a line-layout file holds besides the array: the properties before and after it. */
export type DocumentRest = Record<string, unknown>

/**
 * Reads a line-layout file from `handle` (the first chunk already read), calling `onElement` per element line in
 * file order. Resolves with the document's other properties. Throws CorruptFileError for anything malformed.
 */
async function readLines(
  handle: fs.FileHandle,
  first: Buffer,
  firstLength: number,
  onElement: (line: ElementLine) => void,
): Promise<DocumentRest> {
  let head: DocumentRest | null = null
  let rest: DocumentRest | null = null
  const takeLine = (buffer: Buffer, start: number, end: number, fileOffset: number) => {
    const line = buffer.toString('utf8', start, end)
    if (head === null) {
      head = parseJsonOrCorrupt(`${line}]}`) as DocumentRest
      return
    }
    const text = line.trim()
    if (text === '') return
    if (rest !== null) throw new CorruptFileError(DAMAGED) // anything after the closing line
    if (text.startsWith(']')) {
      if (!text.startsWith('],') && text !== ']}') throw new CorruptFileError(DAMAGED)
      rest = text === ']}' ? {} : (parseJsonOrCorrupt(`{${text.slice(2)}`) as DocumentRest)
      return
    }
    // Leading blanks are possible in a hand-edited file; the element's own bytes start at its first non-blank.
    let s = start
    while (buffer[s] === 0x20 || buffer[s] === 0x09) s++
    let e = end
    while (e > s && (buffer[e - 1] === 0x20 || buffer[e - 1] === 0x09 || buffer[e - 1] === 0x0d)) e--
    if (buffer[e - 1] === 0x2c) e-- // the separating comma
    const json = text.endsWith(',') ? text.slice(0, -1) : text
    onElement({ text: json, offset: fileOffset + (s - start), bytes: e - s })
  }
  // One buffer for the whole file: the unfinished line moves to its front and the next chunk is read after it. A
  // fresh 4 MB buffer per chunk (and another to join the line to it) made ~450 buffers of garbage per 100,000-trial
  // read, which the C allocator kept as the process's memory after the collector had freed them: a sync's read of
  // the bench's store took ~510 MB instead of ~470 MB, and 1.5-2 s longer.
  let buffer = first
  let length = firstLength
  /** The file offset of buffer[0]. */
  let bufferOffset = 0
  let position = firstLength
  for (;;) {
    const filled = buffer.subarray(0, length)
    let start = 0
    let newline = filled.indexOf(NEWLINE, start)
    while (newline !== -1) {
      takeLine(filled, start, newline, bufferOffset + start)
      start = newline + 1
      newline = filled.indexOf(NEWLINE, start)
    }
    const tailLength = length - start
    if (tailLength + CHUNK_BYTES > buffer.length) {
      // A line longer than a chunk: a larger buffer, kept for the rest of the file.
      const grown = Buffer.allocUnsafeSlow(tailLength + CHUNK_BYTES)
      buffer.copy(grown, 0, start, length)
      buffer = grown
    } else buffer.copy(buffer, 0, start, length)
    bufferOffset += start
    const { bytesRead } = await handle.read(buffer, tailLength, CHUNK_BYTES, position)
    position += bytesRead
    length = tailLength + bytesRead
    if (bytesRead === 0) {
      takeLine(buffer, 0, tailLength, bufferOffset)
      break
    }
  }
  if (rest === null || head === null) throw new CorruptFileError(DAMAGED)
  return { ...(head as DocumentRest), ...(rest as DocumentRest) }
}

export interface ReadOptions {
  /** The large array's property name. */
  key: string
  /**
   * Called per element line (line layout only), instead of collecting the parsed elements into the document. The
   * document's `key` is then left out.
   */
  onElement?: (line: ElementLine) => void
}

/**
 * Reads and parses a JSON document: the line layout in chunks, anything else (an older compact file, a
 * hand-edited one) with one whole-file parse. Resolves null when the file does not exist.
 */
export async function readJsonDocument(
  path: string,
  options: ReadOptions,
): Promise<{ document: Record<string, unknown>; lineLayout: boolean } | null> {
  let handle: fs.FileHandle
  try {
    handle = await fs.open(path, 'r')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw new CorruptFileError(`cannot read: ${(e as NodeJS.ErrnoException).code ?? 'unknown error'}`)
  }
  try {
    const first = Buffer.allocUnsafeSlow(CHUNK_BYTES)
    const { bytesRead } = await handle.read(first, 0, CHUNK_BYTES, 0)
    const newline = first.subarray(0, bytesRead).indexOf(NEWLINE)
    if (newline !== -1 && first.toString('utf8', 0, newline).trimEnd().endsWith(openingOf(options.key))) {
      const elements: unknown[] = []
      const onElement =
        options.onElement ??
        ((line: ElementLine) => {
          elements.push(parseJsonOrCorrupt(line.text))
        })
      const rest = await readLines(handle, first, bytesRead, onElement)
      return { document: options.onElement ? rest : { ...rest, [options.key]: elements }, lineLayout: true }
    }
    const text = await fs.readFile(path, 'utf8')
    if (text.trim() === '' || /^\0+$/.test(text)) throw new CorruptFileError('the file is empty')
    const raw = parseJsonOrCorrupt(text)
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new CorruptFileError('not a JSON object')
    return { document: raw as Record<string, unknown>, lineLayout: false }
  } catch (e) {
    if (e instanceof CorruptFileError) throw e
    throw new CorruptFileError(`cannot read: ${(e as NodeJS.ErrnoException).code ?? 'unknown error'}`)
  } finally {
    await handle.close()
  }
}

/**
 * Writes `document` in the line layout, the array `key` one element per line, produced in slices so a
 * 100,000-element array never blocks the event loop for long. `after` names the properties written after the
 * array (they change on every save; the elements mostly do not).
 */
export async function serializeLineLayout(
  document: Record<string, unknown>,
  key: string,
  after: readonly string[],
  write: (chunk: string) => Promise<void>,
): Promise<void> {
  const elements = document[key] as unknown[]
  const { first, closing } = edgeLinesOf(document, key, after)
  let buffer = first
  let sliceStart = performance.now()
  for (let i = 0; i < elements.length; i++) {
    buffer += JSON.stringify(elements[i]) + (i === elements.length - 1 ? '\n' : ',\n')
    if (buffer.length >= CHUNK_CHARS) {
      await write(buffer)
      buffer = ''
    }
    if ((i & 63) === 0 && performance.now() - sliceStart > SLICE_MS) {
      await yieldToEventLoop()
      sliceStart = performance.now()
    }
  }
  buffer += closing
  await write(buffer)
}

/**
 * The document's lines around its array `key`: the first line (the properties not in `after`, then the array's
 * opening) and the closing line (the properties in `after`), each with its newline.
 */
export function edgeLinesOf(
  document: Record<string, unknown>,
  key: string,
  after: readonly string[],
): { first: string; closing: string } {
  const headProps: Record<string, unknown> = {}
  const tailProps: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(document)) {
    if (name === key) continue
    if (after.includes(name)) tailProps[name] = value
    else headProps[name] = value
  }
  const head = JSON.stringify(headProps)
  return {
    first: `${head.slice(0, -1)}${head.length > 2 ? ',' : ''}${openingOf(key)}\n`,
    closing: closingLineOf(tailProps),
  }
}

/** A line-layout file's first or closing line is read in steps of growing size, up to this. */
const EDGE_READ = 64 << 10
const MAX_EDGE_LINE = 64 << 20

/**
 * The first line (without its newline), or the closing line (from the last line that begins with `]` to the end,
 * trailing white space trimmed) of a line-layout file, with the offset it starts at; null when there is none.
 */
export async function edgeLineOf(
  handle: fs.FileHandle,
  size: number,
  which: 'first' | 'closing',
): Promise<{ text: string; offset: number } | null> {
  for (let span = EDGE_READ; ; span *= 4) {
    const length = Math.min(size, span)
    const start = which === 'closing' ? size - length : 0
    const buffer = Buffer.allocUnsafe(length)
    let read = 0
    while (read < length) {
      const { bytesRead } = await handle.read(buffer, read, length - read, start + read)
      if (bytesRead === 0) break
      read += bytesRead
    }
    const bytes = buffer.subarray(0, read)
    if (which === 'first') {
      const newline = bytes.indexOf(NEWLINE)
      if (newline !== -1) return { text: bytes.toString('utf8', 0, newline), offset: 0 }
    } else {
      const at = bytes.lastIndexOf('\n]')
      if (at !== -1) return { text: bytes.toString('utf8', at + 1).trimEnd(), offset: start + at + 1 }
    }
    if (length === size || span >= MAX_EDGE_LINE) return null
  }
}

/** The last line: `]}` or `],"a":…,"b":…}`, with its newline. */
function closingLineOf(tailProps: Record<string, unknown>): string {
  const tail = JSON.stringify(tailProps)
  return tail.length > 2 ? `],${tail.slice(1)}\n` : ']}\n'
}
