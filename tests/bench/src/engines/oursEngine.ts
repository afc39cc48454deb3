import { execFileSync } from 'node:child_process'
import { existsSync, rmSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import { getTrial } from '../../../../electron/core/query/getTrial'
import { listTrials } from '../../../../electron/core/query/listTrials'
import { snapshotPathOf } from '../../../../electron/core/store/indexSnapshot'
import { StoreSession } from '../../../../electron/core/store/storeSession'
import type { StoreData } from '../../../../electron/core/store/types'
import { createListingDiff } from '../../../../electron/core/sync/diffListing'
import { withSourceRecords } from '../../../../electron/core/sync/withSourceRecords'
import type { ListQuery } from '../../../../shared/trials'
import { BENCH_SOURCES } from './benchSources'
import { collectGarbage } from '../measure/timing'
import type { Listings } from '../generate/listing'
import type { BenchEngine, DiffAnswer, EnginePaths } from './engine'

/**
 * The Trial Desk core as the app uses it: a StoreSession over the JSON store file (opened through its index
 * snapshot, records read on demand), the listing diff, and a sync's commit.
 */
export function createOursEngine(paths: EnginePaths): BenchEngine {
  const savePath = join(paths.scratchDir, 'ours-saved.json')
  // One per store (the sizes share the scratch folder).
  const pristinePath = join(paths.scratchDir, `ours-pristine-${basename(paths.storePath)}`)
  let session: StoreSession | null = null
  let data: StoreData | null = null
  let saving: { session: StoreSession; next: StoreData } | null = null
  const ready = () => {
    if (!session) throw new Error('load() first')
    return session
  }
  /** As a sync reads the store: every record a stub, read back one at a time by the diff (see createListingDiff). */
  const readAsSync = (target: StoreSession) => target.readAll(new Set())
  const diffAll = (stored: StoreData, listings: Listings) => {
    const answer: DiffAnswer = { unchanged: 0, changed: 0, created: 0, removed: 0 }
    const at = new Date().toISOString()
    let trials = stored.trials
    for (const { source, pages } of listings) {
      const previous = stored.trials.filter((t) => t.source === source)
      const differ = createListingDiff({ source: BENCH_SOURCES[source], previous, at })
      for (const page of pages()) differ.add(page)
      const diff = differ.finish()
      trials = withSourceRecords(trials, source, diff.trials)
      answer.unchanged += diff.counts.unchanged
      answer.changed += diff.counts.updated + diff.counts.restored
      answer.created += diff.counts.created
      answer.removed += diff.counts.removed
    }
    return { answer, next: { ...stored, trials } }
  }
  return {
    async firstOpen() {
      rmSync(snapshotPathOf(paths.storePath), { force: true })
      const cold = await StoreSession.open(paths.storePath)
      await cold.close() // waits for the snapshot it writes
    },
    async load() {
      session = await StoreSession.open(paths.storePath)
      listTrials(session.index, { withinDays: 7 }) // the first answer
    },
    list(query: ListQuery) {
      const result = listTrials(ready().index, query)
      const facetSizes = Object.fromEntries(Object.entries(result.facets).map(([k, v]) => [k, v.length]))
      return { total: result.total, itemIds: result.items.map((t) => t.id), facetSizes }
    },
    get(id) {
      return getTrial(ready().index, id, (source, sourceId) => BENCH_SOURCES[source as 'cris'].attribution(sourceId))
    },
    async readRecords() {
      data = await readAsSync(ready())
    },
    diff(listings: Listings): DiffAnswer {
      if (!data) throw new Error('readRecords() first')
      return diffAll(data, listings).answer
    },
    async prepareSave(listings: Listings) {
      // A copy of the store that the measured commit replaces, opened through its index snapshot as the app opens
      // it: a pristine copy of the store and the snapshot its load wrote, made once, and each repeat copies both
      // with their mtimes (which the snapshot is checked against), then diffs as a sync does.
      await saving?.session.close()
      saving = null // the previous repeat's records go before this one's are read
      // ... and are collected first: the app's core holds one session, never a closed one's index (its search text,
      // ~160 MB outside the heap at 100,000 trials) beside the next one's while it is read.
      collectGarbage()
      if (!existsSync(snapshotPathOf(pristinePath))) {
        execFileSync('cp', ['-p', paths.storePath, pristinePath])
        if (existsSync(snapshotPathOf(paths.storePath)))
          execFileSync('cp', ['-p', snapshotPathOf(paths.storePath), snapshotPathOf(pristinePath)])
        else await (await StoreSession.open(pristinePath)).close() // writes it
      }
      execFileSync('cp', ['-p', pristinePath, savePath])
      execFileSync('cp', ['-p', snapshotPathOf(pristinePath), snapshotPathOf(savePath)])
      for (const beside of ['.bak', '.next', '.next.json']) rmSync(`${savePath}${beside}`, { force: true })
      const target = await StoreSession.open(savePath)
      // As a sync does while it fetches: the spare its commit is made from (see patchGeneration).
      await target.prepareSpare()
      const stored = await readAsSync(target)
      saving = { session: target, next: diffAll(stored, listings).next }
    },
    async save() {
      if (!saving) throw new Error('prepareSave() first')
      await saving.session.commit(saving.next)
    },
    fileBytes: () => statSync(paths.storePath).size,
    sampleIds(count) {
      const ids = [...ready().index.byId.keys()]
      return Array.from({ length: count }, (_, i) => ids[Math.floor(((i * 7919) % count) * (ids.length / count))])
    },
    // Awaited by the workload: a session closing still holds its index (~100 MB at 100,000 trials) until its file
    // handles are closed, and the save phase's first copy must not be opened beside it.
    async close() {
      const closing = session
      session = null
      data = null
      await closing?.close()
    },
  }
}
