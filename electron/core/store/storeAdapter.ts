import type { Adapter } from 'lowdb'
import { loadStore } from './loadStore'
import { saveStore } from './storeFile'
import type { StoreData } from './types'

/**
 * lowdb adapter for the main JSON file: recovering reads (see loadStore) and compact, atomic, sliced writes
 * (see saveStore). Used instead of JSONFile/JSONFilePreset (pretty-printed, no fsync, in-memory under NODE_ENV=test).
 */
export class StoreFileAdapter implements Adapter<StoreData> {
  /** Warnings from the last read (recovery from a damaged file). */
  warnings: string[] = []
  corruptPath: string | undefined

  constructor(readonly path: string, private readonly now: () => Date = () => new Date()) {}

  async read(): Promise<StoreData> {
    const loaded = await loadStore(this.path, this.now)
    this.warnings = loaded.warnings
    this.corruptPath = loaded.corruptPath
    return loaded.data
  }

  async write(data: StoreData): Promise<void> {
    await saveStore(this.path, data)
  }
}
