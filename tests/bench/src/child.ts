/**
 * One measurement process: one engine at one size (or building the SQLite database). Each engine runs in a fresh
 * process so its peak memory is its own.
 */
import { readFile, writeFile } from 'node:fs/promises'
import type { StoreData } from '../../../electron/core/store/types'
import type { BenchEngine, EnginePaths } from './engines/engine'
import { fullListing, withChangedRows } from './generate/listing'
import { runWorkload, type BenchListings, type WorkloadOptions } from './workload'

export interface ChildJob extends EnginePaths, WorkloadOptions {
  task: 'ours' | 'sqlite' | 'build-sqlite'
  resultPath: string
  seed: number
}

async function readStore(path: string): Promise<StoreData> {
  return JSON.parse(await readFile(path, 'utf8')) as StoreData
}

async function buildListings(storePath: string, seed: number): Promise<BenchListings> {
  const store = await readStore(storePath)
  const unchanged = (['icreat', 'cris'] as const).map((source) => ({ source, rows: fullListing(store, source) }))
  const onePercentChanged = unchanged.map(({ source, rows }) => ({ source, rows: withChangedRows(rows, 0.01, seed) }))
  return { unchanged, onePercentChanged }
}

async function createEngine(job: ChildJob): Promise<BenchEngine> {
  if (job.task === 'ours') return (await import('./engines/oursEngine')).createOursEngine(job)
  return (await import('./engines/sqliteEngine')).createSqliteEngine(job)
}

async function main(): Promise<void> {
  const job = JSON.parse(await readFile(process.argv[2], 'utf8')) as ChildJob
  if (job.task === 'build-sqlite') {
    const { buildSqliteDatabase } = await import('./engines/buildSqlite')
    buildSqliteDatabase(await readStore(job.storePath), job.sqlitePath)
    return
  }
  const result = await runWorkload(await createEngine(job), () => buildListings(job.storePath, job.seed), job)
  await writeFile(job.resultPath, JSON.stringify(result))
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e)
  process.exitCode = 1
})
