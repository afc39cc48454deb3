import { statSync } from 'node:fs'
import { join } from 'node:path'
import { getTrial } from '../../../../electron/core/query/getTrial'
import { listTrials } from '../../../../electron/core/query/listTrials'
import { createTrialIndex, type TrialIndex } from '../../../../electron/core/query/trialIndex'
import { loadStore, saveStore } from '../../../../electron/core/store/trialStoreFile'
import type { StoreData } from '../../../../electron/core/store/types'
import { diffListing } from '../../../../electron/core/sync/diffListing'
import type { ListQuery } from '../../../../shared/trials'
import { BENCH_SOURCES } from './benchSources'
import type { BenchEngine, DiffAnswer, EnginePaths, Listings } from './engine'

/** The Trial Desk core as the app uses it: the JSON store file, the in-memory index, the listing diff. */
export function createOursEngine(paths: EnginePaths): BenchEngine {
  const savePath = join(paths.scratchDir, 'ours-saved.json')
  let data: StoreData | null = null
  let index: TrialIndex | null = null
  const ready = () => {
    if (!data || !index) throw new Error('load() first')
    return { data, index }
  }
  return {
    async load() {
      data = null
      index = null
      const loaded = await loadStore(paths.storePath)
      data = loaded.data
      index = createTrialIndex(data.trials)
    },
    list(query: ListQuery) {
      const result = listTrials(ready().index, query)
      const facetSizes = Object.fromEntries(Object.entries(result.facets).map(([k, v]) => [k, v.length]))
      return { total: result.total, itemIds: result.items.map((t) => t.id), facetSizes }
    },
    get(id) {
      return getTrial(ready().index, id, (source, sourceId) => BENCH_SOURCES[source as 'cris'].attribution(sourceId))
    },
    diff(listings: Listings): DiffAnswer {
      const answer: DiffAnswer = { unchanged: 0, changed: 0, created: 0, removed: 0 }
      const at = new Date().toISOString()
      for (const { source, rows } of listings) {
        const previous = ready().data.trials.filter((t) => t.source === source)
        const { counts } = diffListing({ source: BENCH_SOURCES[source], previous, rows, at })
        answer.unchanged += counts.unchanged
        answer.changed += counts.updated + counts.restored
        answer.created += counts.created
        answer.removed += counts.removed
      }
      return answer
    },
    async save() {
      await saveStore(savePath, ready().data)
    },
    fileBytes: () => statSync(paths.storePath).size,
    sampleIds(count) {
      const { trials } = ready().data
      return Array.from({ length: count }, (_, i) => trials[Math.floor(((i * 7919) % count) * (trials.length / count))].id)
    },
    close() {
      data = null
      index = null
    },
  }
}
