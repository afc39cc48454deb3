import type { DiskTarget } from '../../disk'

/** The file is damaged or is not a file of this format (not a missing file: that reads as null). */
export class CorruptFileError extends Error {}

/** Upgrades the raw document from one schema version to a later one (keyed by the version it upgrades FROM). */
export type Migration = (data: Record<string, unknown>) => Record<string, unknown>

/**
 * What one durable JSON file is: its current schema version and the steps from older ones, how to check a parsed
 * document, how to write one, and the words used for it in messages. The read / write / recover functions beside
 * this file are the same for every such file (the trial store, the user's own data).
 */
export interface DurableFormat<T> {
  /** Names the file in a clinician's message, e.g. "trial store". */
  label: string
  schemaVersion: number
  migrations: Readonly<Record<number, Migration>>
  /** Checks the migrated document's shape; throws (any error) when it is not one. */
  parse(raw: Record<string, unknown>): T
  empty(): T
  /**
   * A document with one large array: it is written one element per line (see lineLayout), so it is read without one
   * huge string; `after` names the properties written after the array. Without it: one compact `JSON.stringify`.
   */
  lineLayout?: { key: string; after: readonly string[] }
  /** What to do after a recovery (ends the warning), e.g. "changes from the last sync may be missing, so sync again." */
  afterRecovery: string
  /** How to start afresh when nothing can be read (part of the unreadable message), e.g. what will refill it. */
  startAfresh: string
  /** What is at stake when its folder cannot be written or the disk is full (see core/disk). */
  diskKind: DiskTarget['kind']
  /** Error code thrown when neither the file nor its previous generation can be read. */
  unreadableCode: 'STORE_UNREADABLE'
}
