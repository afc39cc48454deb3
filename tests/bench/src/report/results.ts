import { type Summary, round } from '../measure/stats'
import { METRICS, type Metric } from '../workload'
import type { MachineInfo } from './machine'
import { CLI_TARGET_MS, CLI_TARGET_SIZE, TARGETS, TARGET_SIZE } from './targets'

export interface MetricRow {
  ours: Summary
  /** Null where the baseline has no such step (the index snapshot, the CLI, the process start). */
  sqlite: Summary | null
  /** ours / SQLite, of the medians. */
  ratio: number | null
}

export interface BenchResults {
  machine: MachineInfo & { sqlite: string; generatedAt: string; repeat: number; heavyRepeat: number; seed: number }
  /** Per size, the metrics measured in this run (all unless BENCH_ONLY chose some). */
  sizes: Record<string, Partial<Record<Metric, MetricRow>>>
  /** Where the engines disagreed on an answer (same data, same query): should be empty. */
  disagreements: Record<string, string[]>
  /** Targets missed at 100,000 (empty when every target holds, or when 100,000 was not run). */
  missedTargets: string[]
}

export function combine(
  ours: Partial<Record<Metric, Summary>>,
  sqlite: Partial<Record<Metric, Summary>>,
): Partial<Record<Metric, MetricRow>> {
  const rows: Partial<Record<Metric, MetricRow>> = {}
  for (const metric of METRICS) {
    const o = ours[metric]
    const s = sqlite[metric]
    if (!o) continue
    rows[metric] = { ours: o, sqlite: s ?? null, ratio: s && s.median > 0 ? round(o.median / s.median) : null }
  }
  return rows
}

export function missedTargets(size: number, rows: Partial<Record<Metric, MetricRow>>): string[] {
  const at12k =
    size === CLI_TARGET_SIZE && rows.cliListJson && rows.cliListJson.ours.p95 > CLI_TARGET_MS
      ? [`cliListJson at ${size}: p95 ${rows.cliListJson.ours.p95} > ${CLI_TARGET_MS}`]
      : []
  if (size !== TARGET_SIZE) return at12k
  const missed: string[] = []
  for (const [metric, target] of Object.entries(TARGETS) as Array<[Metric, NonNullable<(typeof TARGETS)[Metric]>]>) {
    const row = rows[metric]
    if (!row) continue
    if (target.maxP95 !== undefined && row.ours.p95 > target.maxP95) {
      missed.push(`${metric}: p95 ${row.ours.p95} > ${target.maxP95}`)
    }
    if (target.notSlowerThanSqlite && row.sqlite && row.ours.median > row.sqlite.median) {
      missed.push(`${metric}: median ${row.ours.median} slower than SQLite's ${row.sqlite.median}`)
    }
  }
  return missed
}
