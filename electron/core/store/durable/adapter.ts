import type { Adapter } from 'lowdb'
import type { DurableFormat } from './format'
import { readDurable } from './read'
import { recoverDurable } from './recover'
import { writeDurable } from './write'

/**
 * lowdb adapter for a durable JSON file: recovering reads (see recoverDurable) and compact, atomic writes with a
 * `.bak` generation (see writeDurable). Used instead of lowdb's JSONFile (pretty-printed, no fsync, no recovery).
 * Writers hold the file's lock (lockForWriting) around read-modify-write.
 */
export class DurableFileAdapter<T> implements Adapter<T> {
  /** Warnings from the last read (recovery from a damaged file). */
  warnings: string[] = []
  corruptPath: string | undefined

  constructor(
    readonly path: string,
    private readonly format: DurableFormat<T>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async read(): Promise<T> {
    const recovered = await recoverDurable(this.path, this.format, (p) => readDurable(p, this.format), this.now)
    this.warnings = recovered.warnings
    this.corruptPath = recovered.corruptPath
    return recovered.data
  }

  async write(data: T): Promise<void> {
    await writeDurable(this.path, data, this.format)
  }
}
