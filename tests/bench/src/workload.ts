import type { ListQuery } from '../../../shared/trials'
import { CORE_PROCESS_METRICS } from './measure/coreProcessBlocks'
import type { BenchEngine, ListAnswer } from './engines/engine'
import type { BenchListings, Listings } from './generate/listing'
import { longestEventLoopBlock } from './measure/eventLoopBlock'
import { watchMemory, type MemoryWatch } from './measure/memory'
import { single, summarize, type Summary } from './measure/stats'
import { collectGarbage, timeRepeated } from './measure/timing'

/** The benchmark's clock: the synthetic stores are generated relative to it. */
export const BENCH_NOW = '2026-09-01T00:00:00.000Z'

export const METRICS = [
  'openFromProcessStart',
  'load',
  'loadEventLoopBlock',
  'firstOpen',
  'fileSizeMb',
  'save',
  'saveEventLoopBlock',
  'readRecords',
  'readListing',
  'diffNoChange',
  'diff1pctChanged',
  'queryDefaultView',
  'queryTextKorean',
  'queryTextEnglish',
  'queryTwoFacetsSortTitle',
  'queryDeepPage',
  'queryFacetCounts',
  'getOneTrial',
  'rssAfterOpenMb',
  'peakRssMb',
  'peakHeapMb',
  'cliListJson',
  // The core in a child process behind the app's protocol; this process is the main process (measure/coreProcessBlocks.ts).
  ...CORE_PROCESS_METRICS,
] as const
export type Metric = (typeof METRICS)[number]

/** What the bench checks the two engines agree on (same data, same question → same answer). */
export type Answers = Record<
  string,
  { total: number; firstIds: string[]; facetSizes: Record<string, number> } | Record<string, number>
>

export interface EngineRun {
  /** Only the measured metrics (see WorkloadOptions.only). */
  metrics: Partial<Record<Metric, Summary>>
  answers: Answers
}

export interface WorkloadOptions {
  /** Repeats of each query. */
  repeat: number
  /** Repeats of load, save and sync diff (seconds each at 100,000 trials). */
  heavyRepeat: number
  /** Measure only these groups (BENCH_ONLY); all when absent. Peak memory is always reported. */
  only?: MetricGroup[]
}

/** What BENCH_ONLY can select, to re-measure one thing after a change without the whole run. */
export const METRIC_GROUPS = ['load', 'queries', 'diff', 'save', 'coreProcess'] as const
export type MetricGroup = (typeof METRIC_GROUPS)[number]

const KOREAN_TERMS = ['메트포르민', '아스피린', '로수바스타틴']
const ENGLISH_TERMS = ['metformin', 'aspirin', 'rosuvastatin']

export const QUERIES = {
  defaultView: { now: BENCH_NOW } satisfies ListQuery,
  textKorean: (i: number): ListQuery => ({ now: BENCH_NOW, withinDays: null, q: KOREAN_TERMS[Math.abs(i) % 3] }),
  textEnglish: (i: number): ListQuery => ({ now: BENCH_NOW, withinDays: null, q: ENGLISH_TERMS[Math.abs(i) % 3] }),
  twoFacetsSortTitle: {
    now: BENCH_NOW,
    withinDays: null,
    sort: 'title',
    fields: [
      { name: 'institution', value: '서울아산병원' },
      { name: 'studyType', value: '중재연구' },
    ],
  } satisfies ListQuery,
  deepPage: (total: number): ListQuery => ({
    now: BENCH_NOW,
    withinDays: null,
    offset: Math.max(0, total - 20),
    limit: 20,
  }),
  facetCounts: { now: BENCH_NOW, withinDays: null, limit: 1 } satisfies ListQuery,
}

function rowsIn(listings: Listings): number {
  let rows = 0
  for (const { pages } of listings) for (const page of pages()) rows += page.length
  return rows
}

const answerOf = (a: ListAnswer) => ({ total: a.total, firstIds: a.itemIds.slice(0, 5), facetSizes: a.facetSizes })

/** Runs every measurement on one engine. The order keeps the peaks honest: everything the app does, once loaded. */
export async function runWorkload(
  engine: BenchEngine,
  buildListings: () => Promise<BenchListings>,
  options: WorkloadOptions,
): Promise<EngineRun> {
  const memory = watchMemory()
  const phasePeaks: string[] = []
  const phaseDone = (phase: string) => phasePeaks.push(`${phase} ${memory.peakRssSoFarMb().toFixed(0)}`)
  const { repeat, heavyRepeat } = options
  const wants = (group: MetricGroup) => !options.only || options.only.includes(group)
  const answers: Answers = {}
  const m: Partial<Record<Metric, Summary>> = {}

  if (engine.firstOpen && wants('load'))
    m.firstOpen = await timeRepeated(1, memory, () => engine.firstOpen!(), { prepare: () => engine.close() })
  if (m.firstOpen) phaseDone('first open')
  if (wants('load')) {
    m.load = await timeRepeated(heavyRepeat, memory, () => engine.load(), { prepare: () => engine.close() })
    const blocks: number[] = []
    for (let i = 0; i < heavyRepeat; i++) {
      await engine.close()
      collectGarbage()
      blocks.push(await longestEventLoopBlock(() => engine.load()))
    }
    m.loadEventLoopBlock = summarize(blocks)
    m.fileSizeMb = single(engine.fileBytes() / 1024 / 1024)
  } else await engine.load()
  phaseDone('loads')
  if (wants('queries')) {
    await measureQueries(engine, memory, repeat, m, answers)
    phaseDone('queries')
  }
  collectGarbage()
  m.rssAfterOpenMb = single(process.memoryUsage().rss / 1024 / 1024)
  // Opened only now (pages another process wrote before this one started, read back one at a time as a sync receives
  // them); what a sync's sources hold while they read (CRIS's list entries) is parsed before each sync's diff.
  const listings = wants('diff') || wants('save') ? await buildListings() : null
  if (wants('diff') && listings) {
    if (engine.readRecords) {
      collectGarbage()
      const start = performance.now()
      await engine.readRecords()
      m.readRecords = single(performance.now() - start)
      phaseDone("a sync's read")
    }
    // The listing's pages alone (a read and a parse per row, as a registry's answers): both engines' diffs include it.
    m.readListing = await timeRepeated(heavyRepeat, memory, () => rowsIn(listings.onePercentChanged), {})
    const asSync = { prepare: () => listings.holdForNextSync() }
    m.diffNoChange = await timeRepeated(heavyRepeat, memory, () => engine.diff(listings.unchanged), asSync)
    // The answers' diffs are repeats too: each starts after a collection, as the timed ones do (see timing.ts).
    asSync.prepare()
    collectGarbage()
    answers.diffNoChange = { ...engine.diff(listings.unchanged) }
    m.diff1pctChanged = await timeRepeated(heavyRepeat, memory, () => engine.diff(listings.onePercentChanged), asSync)
    asSync.prepare()
    collectGarbage()
    answers.diff1pctChanged = { ...engine.diff(listings.onePercentChanged) }
    phaseDone('diffs')
  }
  if (wants('save') && listings) {
    const prepare = engine.prepareSave
      ? () => {
          listings.holdForNextSync()
          return engine.prepareSave!(listings.onePercentChanged)
        }
      : undefined
    if (engine.prepareSave) await engine.close() // ours: the commit runs with the store it opened, not beside a second copy
    m.save = await timeRepeated(heavyRepeat, memory, () => engine.save(), { prepare })
    const blocks: number[] = []
    for (let i = 0; i < heavyRepeat; i++) {
      await prepare?.()
      collectGarbage()
      blocks.push(await longestEventLoopBlock(() => engine.save()))
    }
    m.saveEventLoopBlock = summarize(blocks)
    phaseDone('saves')
  }
  console.log(`  peak RSS so far (MB) after each phase: ${phasePeaks.join(', ')}`)
  const peaks = memory.stop()
  listings?.close()
  m.peakRssMb = single(peaks.peakRssMb)
  m.peakHeapMb = single(peaks.peakHeapMb)
  await engine.close()
  return { metrics: m, answers }
}

async function measureQueries(
  engine: BenchEngine,
  memory: MemoryWatch,
  repeat: number,
  m: Partial<Record<Metric, Summary>>,
  answers: Answers,
): Promise<void> {
  m.queryDefaultView = await timeRepeated(repeat, memory, () => engine.list(QUERIES.defaultView))
  answers.defaultView = answerOf(engine.list(QUERIES.defaultView))
  m.queryTextKorean = await timeRepeated(repeat, memory, (i) => engine.list(QUERIES.textKorean(i)))
  answers.textKorean = answerOf(engine.list(QUERIES.textKorean(0)))
  m.queryTextEnglish = await timeRepeated(repeat, memory, (i) => engine.list(QUERIES.textEnglish(i)))
  answers.textEnglish = answerOf(engine.list(QUERIES.textEnglish(0)))
  m.queryTwoFacetsSortTitle = await timeRepeated(repeat, memory, () => engine.list(QUERIES.twoFacetsSortTitle))
  answers.twoFacetsSortTitle = answerOf(engine.list(QUERIES.twoFacetsSortTitle))
  const all = engine.list(QUERIES.facetCounts)
  m.queryDeepPage = await timeRepeated(repeat, memory, () => engine.list(QUERIES.deepPage(all.total)))
  answers.deepPage = answerOf(engine.list(QUERIES.deepPage(all.total)))
  m.queryFacetCounts = await timeRepeated(repeat, memory, () => engine.list(QUERIES.facetCounts))
  answers.facetCounts = answerOf(all)
  const ids = engine.sampleIds(Math.max(repeat + 1, 10))
  m.getOneTrial = await timeRepeated(repeat, memory, (i) => engine.get(ids[i + 1]))
}
