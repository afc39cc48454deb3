/**
 * `npm run bench`: synthetic stores of each size, measured with the Trial Desk core and with SQLite, side by side.
 * Env: BENCH_SIZES (default 10000,100000), BENCH_REPEAT (query repeats, default 30),
 * BENCH_HEAVY_REPEAT (load/save/diff repeats, default 5), BENCH_SEED, BENCH_ONLY (e.g. `queries,diff`: measure
 * only those groups). Exits non-zero when the two engines answer a question differently.
 */
import { build } from 'esbuild'
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { withStoreAllocator } from '../../../electron/core/process/allocatorEnv'
import type { ChildJob } from './child'
import { writeStoreFile } from './generate/storeFile'
import { generateStore } from './generate/syntheticStore'
import { describeMachine } from './report/machine'
import { combine, missedTargets, type BenchResults } from './report/results'
import { formatTable } from './report/table'
import { runTimed } from './measure/processTimes'
import { summarize, type Summary } from './measure/stats'
import { BENCH_NOW, METRIC_GROUPS, type EngineRun, type MetricGroup } from './workload'

const here = dirname(fileURLToPath(import.meta.url))
const HEAP_MB = 16_384
const repoRoot = resolve(here, '../../..')
const resultsPath = join(repoRoot, 'bench-results', 'latest.json')

function positiveInts(text: string | undefined, fallback: number[]): number[] {
  if (!text?.trim()) return fallback
  const values = text.split(',').map((s) => Number(s.trim()))
  if (values.some((n) => !Number.isInteger(n) || n <= 0))
    throw new Error(`not a list of positive whole numbers: ${text}`)
  return values
}

const sizes = positiveInts(process.env.BENCH_SIZES, [10_000, 100_000])
const [repeat] = positiveInts(process.env.BENCH_REPEAT, [30])
const [heavyRepeat] = positiveInts(process.env.BENCH_HEAVY_REPEAT, [5])
const [seed] = positiveInts(process.env.BENCH_SEED, [20260901])
const only = metricGroups(process.env.BENCH_ONLY)

function metricGroups(text: string | undefined): MetricGroup[] | undefined {
  if (!text?.trim()) return undefined
  const groups = text.split(',').map((s) => s.trim())
  const unknown = groups.filter((g) => !(METRIC_GROUPS as readonly string[]).includes(g))
  if (unknown.length > 0)
    throw new Error(`BENCH_ONLY: unknown group ${unknown.join(', ')} (use ${METRIC_GROUPS.join(', ')})`)
  return groups as MetricGroup[]
}

/**
 * child.ts bundled (esbuild; packages stay external), as the app's core runs from the electron-vite build: run
 * through the tsx loader, every engine process carried the loader's own thread and compiled modules, ~60 MB of
 * RSS that the app does not have (a bare Node 41 MB, with tsx 93 MB, with tsx and the core's modules 109 MB). Built
 * beside the bench's own node_modules (better-sqlite3), in a folder git ignores; once per run.
 */
let childBundle: Promise<string> | null = null
function childBundlePath(): Promise<string> {
  const outfile = join(here, '..', 'out', 'child.mjs')
  childBundle ??= bundleForNode(join(here, 'child.ts'), outfile)
  return childBundle
}

/**
 * `entry` bundled into one ES module for Node at `outfile` (returned), its packages left to node_modules (as the
 * app's build does).
 */
async function bundleForNode(entry: string, outfile: string): Promise<string> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  })
  return outfile
}

/** Runs child.ts (bundled, see childBundlePath) in a fresh Node process (gc exposed) and waits for it. */
async function runChild(job: ChildJob, workDir: string): Promise<void> {
  const jobPath = join(workDir, `${job.task}-job.json`)
  writeFileSync(jobPath, JSON.stringify(job))
  const bundle = await childBundlePath()
  return new Promise((resolvePromise, reject) => {
    // A heap above V8's ~4 GB default: at 100,000 trials (a third ClinicalTrials.gov-sized) a sync's diff holds the
    // parsed store and the fetched listing, more than that (see README, "what is not met"); measured, not hidden.
    const heap = `--max-old-space-size=${HEAP_MB}`
    // With the allocator settings the app gives its core's process (see allocatorEnv.ts).
    const child = spawn(process.execPath, ['--expose-gc', heap, bundle, jobPath], {
      cwd: repoRoot,
      env: withStoreAllocator(process.env),
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (code === 0) resolvePromise()
      else reject(new Error(`${job.task} bench process failed (${signal ?? `exit code ${code}`})`))
    })
  })
}

/** Where the two engines answered the same question differently (the title sort collates differently: totals only). */
function disagreements(ours: EngineRun, sqlite: EngineRun): string[] {
  const out: string[] = []
  for (const [name, answer] of Object.entries(ours.answers)) {
    const other = sqlite.answers[name]
    const comparable =
      name === 'twoFacetsSortTitle' && 'firstIds' in answer && other && 'firstIds' in other
        ? [
            { ...answer, firstIds: [] },
            { ...other, firstIds: [] },
          ]
        : [answer, other]
    if (JSON.stringify(comparable[0]) !== JSON.stringify(comparable[1])) {
      out.push(`${name}: ours ${JSON.stringify(answer)} vs SQLite ${JSON.stringify(other)}`)
    }
  }
  return out
}

function sqliteVersion(): string {
  try {
    const pkg = JSON.parse(
      readFileSync(join(here, '..', 'node_modules', 'better-sqlite3', 'package.json'), 'utf8'),
    ) as { version: string }
    return `better-sqlite3 ${pkg.version}`
  } catch {
    return 'better-sqlite3 (not installed)'
  }
}

/**
 * What a user waits for in a fresh process (the store and its index snapshot as the ours run left them): the app's
 * core opening and answering the first list query, and the CLI's `trials list --json`, wall time from spawn to exit.
 * Both run from a bundle, as they do for users (the app's core from the electron-vite build, the CLI from the bundle
 * `npm run trials` builds), so TypeScript compiling (tsx) is not counted.
 */
async function measureProcesses(
  storePath: string,
): Promise<Partial<Record<'openFromProcessStart' | 'cliListJson', Summary>>> {
  // Inside the checkout (out/ is ignored), so the bundle finds the app's node_modules.
  const probe = join(repoRoot, 'out', 'bench', 'processProbe.mjs')
  await bundleForNode(join(here, 'processProbe.ts'), probe)
  const cli = join(repoRoot, 'scripts', 'trials.mjs')
  const opens: number[] = []
  const lists: number[] = []
  for (let i = 0; i <= heavyRepeat; i++) {
    const opened = await runTimed([probe, storePath], repoRoot)
    const listed = await runTimed([cli, 'list', '--json', '--store', storePath], repoRoot)
    if (i === 0) continue // warm-up: the CLI bundle built if stale, the file cache, as after any first start
    opens.push(Number(opened.stdout.trim()))
    lists.push(listed.wallMs)
  }
  console.log('  measured process start → first answer, and the CLI')
  return { openFromProcessStart: summarize(opens), cliListJson: summarize(lists) }
}

async function benchSize(size: number, workDir: string): Promise<{ ours: EngineRun; sqlite: EngineRun }> {
  const storePath = join(workDir, `store-${size}.json`)
  const paths = { storePath, sqlitePath: join(workDir, `store-${size}.sqlite`), scratchDir: workDir }
  const started = Date.now()
  await writeStoreFile(storePath, generateStore({ size, seed, now: BENCH_NOW }))
  console.log(`  generated ${size} trials in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  const base = { ...paths, repeat, heavyRepeat, seed, only }
  await runChild({ ...base, task: 'build-sqlite', resultPath: '' }, workDir)
  console.log('  built the SQLite baseline')
  await runChild({ ...base, task: 'write-listings', resultPath: '' }, workDir)
  console.log('  wrote the sync listings')
  const runs: Partial<Record<'ours' | 'sqlite', EngineRun>> = {}
  for (const task of ['ours', 'sqlite'] as const) {
    const resultPath = join(workDir, `${task}-${size}.json`)
    await runChild({ ...base, task, resultPath }, workDir)
    runs[task] = JSON.parse(readFileSync(resultPath, 'utf8')) as EngineRun
    console.log(`  measured ${task}`)
  }
  const processMetrics = await measureProcesses(storePath)
  Object.assign(runs.ours!.metrics, processMetrics)
  if (!only || only.includes('coreProcess')) {
    const resultPath = join(workDir, `core-process-${size}.json`)
    await runChild({ ...base, task: 'core-process', resultPath }, workDir)
    Object.assign(runs.ours!.metrics, (JSON.parse(readFileSync(resultPath, 'utf8')) as EngineRun).metrics)
    console.log('  measured the main process with the core in its own process')
  }
  rmSync(storePath, { force: true })
  rmSync(`${storePath}.index`, { force: true })
  return runs as { ours: EngineRun; sqlite: EngineRun }
}

async function main(): Promise<void> {
  const machine = describeMachine()
  console.log(
    `Trial Desk bench: sizes ${sizes.join(', ')}, ${repeat} query repeats, ${heavyRepeat} load/save/diff repeats, ` +
      `seed ${seed}\n${machine.cpu} × ${machine.cores}, ${machine.memoryGb} GB, ${machine.os}, Node ${machine.node}\n`,
  )
  const results: BenchResults = {
    machine: { ...machine, sqlite: sqliteVersion(), generatedAt: new Date().toISOString(), repeat, heavyRepeat, seed },
    sizes: {},
    disagreements: {},
    missedTargets: [],
  }
  const workDir = mkdtempSync(join(tmpdir(), 'trial-desk-bench-'))
  try {
    for (const size of sizes) {
      console.log(`${size} trials`)
      const { ours, sqlite } = await benchSize(size, workDir)
      const rows = combine(ours.metrics, sqlite.metrics)
      results.sizes[String(size)] = rows
      results.disagreements[String(size)] = disagreements(ours, sqlite)
      results.missedTargets.push(...missedTargets(size, rows))
      console.log(`\n${formatTable(String(size), rows)}\n`)
      for (const d of results.disagreements[String(size)]) console.warn(`  answers differ: ${d}`)
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true })
  }
  const disagreeing = Object.values(results.disagreements).flat().length
  if (disagreeing > 0) {
    console.error(`The two engines answered ${disagreeing} question(s) differently (see above): a bug in one of them.`)
    process.exitCode = 1
  }
  if (sizes.includes(100_000)) {
    console.log(
      results.missedTargets.length === 0
        ? `Every target${only ? ' measured' : ''} at 100,000 trials holds.`
        : `Targets missed at 100,000 trials:\n${results.missedTargets.map((m) => `  - ${m}`).join('\n')}`,
    )
  }
  mkdirSync(dirname(resultsPath), { recursive: true })
  writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`)
  console.log(`Results written to ${resultsPath}`)
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e)
  process.exitCode = 1
})
