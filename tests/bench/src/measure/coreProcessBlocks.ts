/**
 * Issue #12's "longest event-loop block in the process the window talks to": the core runs in a child process (a
 * child_process.fork standing in for Electron's utilityProcess) behind the app's real protocol — the main process's
 * CoreApi client (electron/main/core/coreClient.ts) and the core's serveCore — and this process, playing the main
 * process, records its own longest event-loop stall while the core opens the store (spawn → first list answer),
 * syncs a listing with 1% changes, commits it (the sync's `save` phase) and exports every row as CSV; and, as the
 * noise floor of a shared machine, while it does nothing for as long as the sync took (`mainBlockIdle`). `coreProcessOpen`: spawn of
 * the core process until its first list answer; `mainCpu*`: this process's own CPU time during each operation.
 */
import { fork } from 'node:child_process'
import { copyFileSync, existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks'
import type { CoreRequest, CoreToMain } from '../../../../electron/core/process/coreProtocol'
import { createCoreClient, type CoreChannel } from '../../../../electron/main/core/coreClient'
import { summarize, type Summary } from './stats'

export const CORE_PROCESS_METRICS = [
  'mainBlockOpen',
  'mainBlockSync',
  'mainBlockCommit',
  'mainBlockCsvExport',
  'coreProcessOpen',
  'mainBlockIdle',
  'mainCpuOpen',
  'mainCpuSync',
  'mainCpuCsvExport',
] as const
export type CoreProcessMetric = (typeof CORE_PROCESS_METRICS)[number]

const RESOLUTION_MS = 2

function forkedCore(childPath: string, storePath: string): CoreChannel {
  const child = fork(childPath, [storePath], {
    execArgv: ['--import', import.meta.resolve('tsx')],
    serialization: 'advanced', // structured clone, as Electron's utility process messages
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  child.on('error', () => undefined)
  return {
    postMessage: (message: CoreRequest) => void child.send(message),
    onMessage: (listener) => child.on('message', (message) => listener(message as CoreToMain)),
    onExit: (listener) => child.on('exit', (code) => listener(code)),
    kill: () => void child.kill('SIGKILL'),
  }
}

/**
 * The longest stall (ms) recorded by `histogram` while `operation` ran, and this process's own CPU time meanwhile (a
 * stall with little CPU is the machine's scheduler, not work done here).
 */
async function longestStall<T>(
  histogram: IntervalHistogram,
  operation: () => Promise<T>,
  cpuMs: number[] = [],
): Promise<T> {
  histogram.reset()
  histogram.enable()
  await new Promise((done) => setTimeout(done, RESOLUTION_MS * 3))
  const cpu = process.cpuUsage()
  try {
    return await operation()
  } finally {
    const used = process.cpuUsage(cpu)
    cpuMs.push((used.user + used.system) / 1000)
    await new Promise((done) => setTimeout(done, RESOLUTION_MS * 3))
    histogram.disable()
  }
}

const ms = (histogram: IntervalHistogram) => histogram.max / 1e6

/** One run per repeat, each on a fresh copy of the store (the sync changes it). */
export async function measureCoreProcess(
  storePath: string,
  scratchDir: string,
  options: { repeat: number; childPath: string; now: string },
): Promise<Record<CoreProcessMetric, Summary>> {
  const samples: Record<CoreProcessMetric, number[]> = {
    mainBlockOpen: [],
    mainBlockSync: [],
    mainBlockCommit: [],
    mainBlockCsvExport: [],
    coreProcessOpen: [],
    mainBlockIdle: [],
    mainCpuOpen: [],
    mainCpuSync: [],
    mainCpuCsvExport: [],
  }
  const copy = join(scratchDir, 'core-process-store.json')
  for (let i = 0; i < options.repeat; i++) {
    copyFileSync(storePath, copy)
    // The snapshot the ours run left (the app's usual open); without it the core builds it first.
    if (existsSync(`${storePath}.index`)) copyFileSync(`${storePath}.index`, `${copy}.index`)
    rmSync(`${copy}.bak`, { force: true })
    const open = monitorEventLoopDelay({ resolution: RESOLUTION_MS })
    const sync = monitorEventLoopDelay({ resolution: RESOLUTION_MS })
    let commit: IntervalHistogram | null = null
    let commitMs = 0
    const csv = monitorEventLoopDelay({ resolution: RESOLUTION_MS })
    const idle = monitorEventLoopDelay({ resolution: RESOLUTION_MS })
    let client: ReturnType<typeof createCoreClient> | null = null
    try {
      const started = performance.now()
      // Node's fork() blocks its caller until the child is exec'd (tens of ms here); Electron launches a utility
      // process off the main thread. So the stand-in is forked before the monitor starts, the wait is measured.
      const channel = forkedCore(options.childPath, copy)
      client = await longestStall(
        open,
        async () => {
          const core = createCoreClient(() => channel, { maxRestarts: 0 })
          await core.list({ now: options.now })
          return core
        },
        samples.mainCpuOpen,
      )
      samples.coreProcessOpen.push(performance.now() - started)
      samples.mainBlockOpen.push(ms(open))

      const syncStarted = performance.now()
      // The sync's own work, then its commit (the `save` phase its progress reports), each with its own monitor.
      await longestStall(
        sync,
        () =>
          client!.sync({
            sources: ['icreat', 'cris'],
            trigger: 'manual',
            // Each source's commit lies between its `save` 0/1 and 1/1 progress (the whole sync's monitor covers it
            // too). A fresh monitor per commit: a re-enabled one counts the pause in between as a stall.
            onProgress: ({ phase, done }) => {
              if (phase !== 'save') return
              if (done === 0) {
                commit = monitorEventLoopDelay({ resolution: RESOLUTION_MS })
                commit.enable()
              } else if (commit) {
                commit.disable()
                commitMs = Math.max(commitMs, ms(commit))
                commit = null
              }
            },
          }),
        samples.mainCpuSync,
      )
      const syncMs = performance.now() - syncStarted
      samples.mainBlockSync.push(ms(sync))
      samples.mainBlockCommit.push(commitMs)

      await longestStall(
        csv,
        () =>
          client!.exportCsv({
            path: join(scratchDir, 'core-process-export.csv'),
            query: { now: options.now, withinDays: null },
            language: 'ko',
          }),
        samples.mainCpuCsvExport,
      )
      samples.mainBlockCsvExport.push(ms(csv))

      // The noise floor: the same process doing nothing for as long as the sync took (a shared machine deschedules it
      // now and then, which the monitor counts as a stall too).
      await longestStall(idle, () => new Promise((done) => setTimeout(done, Math.max(1000, syncMs))))
      samples.mainBlockIdle.push(ms(idle))
    } finally {
      await client?.close()
      rmSync(join(scratchDir, 'core-process-export.csv'), { force: true })
      for (const suffix of ['', '.index', '.bak']) rmSync(copy + suffix, { force: true })
    }
  }
  return Object.fromEntries(CORE_PROCESS_METRICS.map((metric) => [metric, summarize(samples[metric])])) as Record<
    CoreProcessMetric,
    Summary
  >
}
