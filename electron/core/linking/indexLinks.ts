/**
 * The registry links of the records an index holds, computed once per index (an index is rebuilt after every sync,
 * so links follow the data without being stored).
 */
import type { TrialIndex } from '../query/trialIndex'
import { registryLinks } from './registryLinks'

export interface IndexLinks {
  /** id → ids of the same trial in other registries. */
  byId: ReadonlyMap<string, readonly string[]>
  /** position → positions of the same trial's other records. */
  byPosition: ReadonlyMap<number, readonly number[]>
}

const cache = new WeakMap<TrialIndex, IndexLinks>()

export function linksOf(index: TrialIndex): IndexLinks {
  return cache.get(index) ?? rememberLinks(index, registryLinks(index.entries.map((e) => e.trial)))
}

/**
 * Keeps `byId` as the index's links (the store computes them while its records are parsed and keeps them in its
 * index snapshot, so an index whose records are on disk never reads them all for this).
 */
export function rememberLinks(index: TrialIndex, byId: ReadonlyMap<string, readonly string[]>): IndexLinks {
  const byPosition = new Map<number, number[]>()
  for (const [id, linked] of byId) {
    const from = index.byId.get(id)
    if (!from) continue
    byPosition.set(
      from.position,
      linked.map((other) => index.byId.get(other)?.position).filter((p): p is number => p !== undefined),
    )
  }
  const links = { byId, byPosition }
  cache.set(index, links)
  return links
}
