/**
 * A value serialised (node:v8) with its typed arrays kept out of the blob: the blob names each array by number, and
 * the arrays are written raw after it and read straight into arrays of their own. Serialised inside, each array was
 * copied into the blob (~15 MB at 100,000 trials, beside the index it copies) and copied out of it again on reading.
 */
import { DefaultDeserializer, DefaultSerializer } from 'node:v8'

const KINDS = { Float64Array, Int32Array, Uint32Array, Uint8Array, Int8Array, Uint16Array, Int16Array, Float32Array }
type Kind = keyof typeof KINDS
type RawArray = InstanceType<(typeof KINDS)[Kind]>

/** Each array's kind and length, in the order the blob numbers them. */
export type ArrayTable = Array<[kind: Kind, length: number]>

const kindOf = (view: unknown): Kind | null => {
  for (const kind of Object.keys(KINDS) as Kind[])
    if (Object.getPrototypeOf(view) === KINDS[kind].prototype) return kind
  return null
}

/** Node's serializer asks a subclass for typed arrays through these (not in its type declarations). */
interface HostObjectHooks {
  _writeHostObject(view: unknown): void
  _readHostObject(): unknown
}

class ArraysApartSerializer extends DefaultSerializer {
  readonly arrays: RawArray[] = []
  _writeHostObject(view: unknown): void {
    if (kindOf(view) === null) throw new TypeError('only plain typed arrays are kept apart')
    this.writeUint32(this.arrays.push(view as RawArray) - 1)
  }
}

class ArraysApartDeserializer extends DefaultDeserializer {
  constructor(
    blob: Buffer,
    private readonly arrays: readonly RawArray[],
  ) {
    super(blob)
  }
  _readHostObject(): unknown {
    const array = this.arrays[this.readUint32()]
    if (!array) throw new RangeError('an array the blob names is missing')
    return array
  }
}

/** The blob, the arrays it names and their table (see ArrayTable). Throws for a value with a Buffer or DataView. */
export function serializeApart(value: unknown): { blob: Buffer; arrays: RawArray[]; table: ArrayTable } {
  const serializer = new ArraysApartSerializer() satisfies Pick<HostObjectHooks, '_writeHostObject'>
  serializer.writeHeader()
  serializer.writeValue(value)
  const { arrays } = serializer
  return { blob: serializer.releaseBuffer(), arrays, table: arrays.map((a) => [kindOf(a)!, a.length]) }
}

/** True when `table` is an array table (see ArrayTable): kinds this module knows, whole lengths. */
export function isArrayTable(table: unknown): table is ArrayTable {
  return (
    Array.isArray(table) &&
    table.every(
      (entry) =>
        Array.isArray(entry) &&
        typeof entry[0] === 'string' &&
        Object.hasOwn(KINDS, entry[0]) &&
        Number.isSafeInteger(entry[1]) &&
        (entry[1] as number) >= 0,
    )
  )
}

/** The arrays of `table`, empty, to be read into (see bytesOfArray). */
export const arraysFor = (table: ArrayTable): RawArray[] => table.map(([kind, length]) => new KINDS[kind](length))

/** Bytes the arrays of `table` take. */
export const bytesOfTable = (table: ArrayTable): number =>
  table.reduce((sum, [kind, length]) => sum + KINDS[kind].BYTES_PER_ELEMENT * length, 0)

/** The value of a blob whose arrays were read into `arrays`. Throws for a damaged blob. */
export function deserializeApart(blob: Buffer, arrays: readonly RawArray[]): unknown {
  const deserializer = new ArraysApartDeserializer(blob, arrays) satisfies Pick<HostObjectHooks, '_readHostObject'>
  deserializer.readHeader()
  return deserializer.readValue()
}

/** An array's memory as bytes (the same memory: read into it or written from it). */
export const bytesOfArray = (array: RawArray): Buffer => Buffer.from(array.buffer, array.byteOffset, array.byteLength)
