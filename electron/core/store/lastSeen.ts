import type { StoredTrial, StoreData } from './types'

/** The later of a record's last write and a complete listing that had it (ISO times compare as strings). */
export const laterSeen = (lastSeenAt: string, listedAt: string | undefined): string =>
  listedAt !== undefined && listedAt > lastSeenAt ? listedAt : lastSeenAt

/**
 * When a registry listing last included the trial: the record's own `lastSeenAt` (the sync that last wrote it), or,
 * for an active record, its source's last complete listing if later (every active record was in it).
 */
function lastSeenOf(trial: Pick<StoredTrial, 'source' | 'lastSeenAt' | 'removedAt'>, sources: StoreData['sources']) {
  return trial.removedAt === null ? laterSeen(trial.lastSeenAt, sources[trial.source]?.listedAt) : trial.lastSeenAt
}

/** `item` as the reader sees it (see lastSeenOf): the same object when nothing differs (list items are shared). */
export function withLastSeen<T extends Pick<StoredTrial, 'source' | 'lastSeenAt' | 'removedAt'>>(
  item: T,
  sources: StoreData['sources'],
): T {
  const lastSeenAt = lastSeenOf(item, sources)
  return lastSeenAt === item.lastSeenAt ? item : { ...item, lastSeenAt }
}
