import { METRICS, type Metric } from '../workload'
import type { MetricRow } from './results'
import { TARGETS } from './targets'

const UNIT: Partial<Record<Metric, string>> = {
  fileSizeMb: 'MB',
  peakRssMb: 'MB',
  peakHeapMb: 'MB',
  rssAfterOpenMb: 'MB',
}
const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2))

function targetText(metric: Metric): string {
  const t = TARGETS[metric]
  if (!t) return ''
  return [t.maxP95 !== undefined ? `≤ ${t.maxP95}` : '', t.notSlowerThanSqlite ? '≤ SQLite' : '']
    .filter(Boolean)
    .join(', ')
}

/** A Markdown table (readable in a terminal, pasteable into the README). */
export function formatTable(size: string, rows: Partial<Record<Metric, MetricRow>>): string {
  const lines = [
    `### ${Number(size).toLocaleString('en')} trials`,
    '',
    '| metric | unit | ours median | ours p95 | SQLite median | SQLite p95 | ours / SQLite | target at 100k |',
    '|---|---|---:|---:|---:|---:|---:|---|',
  ]
  for (const metric of METRICS) {
    const r = rows[metric]
    if (!r) continue
    lines.push(
      `| ${metric} | ${UNIT[metric] ?? 'ms'} | ${fmt(r.ours.median)} | ${fmt(r.ours.p95)} | ` +
        `${r.sqlite ? fmt(r.sqlite.median) : '–'} | ${r.sqlite ? fmt(r.sqlite.p95) : '–'} | ${r.ratio === null ? '–' : fmt(r.ratio)} | ${targetText(metric)} |`,
    )
  }
  return lines.join('\n')
}
