/**
 * One measurement process: one engine at one size (or building the SQLite database). Each engine runs in a fresh
 * process so its peak memory is its own.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { StoreData } from '../../../electron/core/store/types'
import type { BenchEngine, EnginePaths } from './engines/engine'
import { useCompactHeap } from '../../../electron/core/process/compactHeap'
import { readStoreFile } from '../../../electron/core/store/trialStoreFile'
import { openBenchListings, writeBenchListings } from './generate/listing'
import { BENCH_NOW, runWorkload, type WorkloadOptions } from './workload'

export interface ChildJob extends EnginePaths, WorkloadOptions {
  task: 'ours' | 'sqlite' | 'build-sqlite' | 'write-listings' | 'core-process'
  resultPath: string
  seed: number
}

async function readStore(path: string): Promise<StoreData> {
  const data = await readStoreFile(path)
  if (!data) throw new Error(`no store at ${path}`)
  return data
}

async function createEngine(job: ChildJob): Promise<BenchEngine> {
  if (job.task === 'ours') {
    useCompactHeap() // as the app's core process runs
    return (await import('./engines/oursEngine')).createOursEngine(job)
  }
  return (await import('./engines/sqliteEngine')).createSqliteEngine(job)
}

async function main(): Promise<void> {
  const job = JSON.parse(await readFile(process.argv[2], 'utf8')) as ChildJob
  if (job.task === 'core-process') {
    // This process plays the Electron main process (a small heap, as that one's), the core runs in its own child.
    const { measureCoreProcess } = await import('./measure/coreProcessBlocks')
    // Beside this file's source: `..` then `src` works from the source folder and from the bundle's (`out`).
    const childPath = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'coreProcessChild.ts')
    const options = { repeat: job.heavyRepeat, childPath, now: BENCH_NOW }
    const metrics = await measureCoreProcess(job.storePath, job.scratchDir, options)
    await writeFile(job.resultPath, JSON.stringify({ metrics, answers: {} }))
    return
  }
  if (job.task === 'write-listings') {
    await writeBenchListings(job.storePath, job.scratchDir, job.seed)
    return
  }
  if (job.task === 'build-sqlite') {
    const { buildSqliteDatabase } = await import('./engines/buildSqlite')
    buildSqliteDatabase(await readStore(job.storePath), job.sqlitePath)
    return
  }
  const result = await runWorkload(
    await createEngine(job),
    () => Promise.resolve(openBenchListings(job.scratchDir)),
    job,
  )
  await writeFile(job.resultPath, JSON.stringify(result))
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e)
  process.exitCode = 1
})
