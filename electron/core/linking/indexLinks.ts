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
  const cached = cache.get(index)
  if (cached) return cached
  const byId = registryLinks(index.entries.map((e) => e.trial))
  const byPosition = new Map<number, number[]>()
  for (const [id, linked] of byId) {
    const from = index.byId.get(id)
    if (!from) continue
    byPosition.set(from.position, linked.map((other) => index.byId.get(other)?.position).filter((p): p is number => p !== undefined))
  }
  const links = { byId, byPosition }
  cache.set(index, links)
  return links
}
