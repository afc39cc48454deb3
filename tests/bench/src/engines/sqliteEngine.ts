import Database, { type Statement } from 'better-sqlite3'
import { existsSync, statSync } from 'node:fs'
import { FACET_FIELDS, type FacetField, type ListQuery } from '../../../../shared/trials'
import { UPSERT_SQL } from './buildSqlite'
import type { Listings } from '../generate/listing'
import type { BenchEngine, DiffAnswer, EnginePaths, ListAnswer } from './engine'
import { DETAIL_FACETS, FACET_COLUMNS, FILTER_COLUMNS, MULTI_VALUE_FACETS, ORDER_BY } from './sqliteSchema'

const DAY_MS = 86_400_000

/**
 * WHERE clause and parameters for a list query, as an engineer would write it against the schema. `except`: leave
 * out that facet's own selection (disjunctive facet counts, as the core's list returns them).
 */
function whereOf(query: ListQuery, except?: FacetField): { where: string; params: unknown[] } {
  const clauses: string[] = []
  const params: unknown[] = []
  if (!query.includeRemoved) clauses.push('removed = 0')
  const withinDays = query.withinDays === undefined ? 7 : query.withinDays
  if (withinDays !== null) {
    const now = query.now ? Date.parse(query.now) : Date.now()
    clauses.push('changed_at_ms BETWEEN ? AND ?')
    params.push(now - withinDays * DAY_MS, now)
  }
  if (query.sources?.length && except !== 'source') {
    clauses.push(`source IN (${query.sources.map(() => '?').join(',')})`)
    params.push(...query.sources)
  }
  const byName = new Map<string, string[]>()
  for (const { name, value } of query.fields ?? []) {
    if (name === except) continue
    if (!FILTER_COLUMNS[name] && !MULTI_VALUE_FACETS.includes(name as FacetField))
      throw new Error(`the SQLite baseline has no column for ${name}`)
    byName.set(name, [...(byName.get(name) ?? []), value])
  }
  for (const [name, values] of byName) {
    const marks = values.map(() => '?').join(',')
    if (FILTER_COLUMNS[name]) clauses.push(`${FILTER_COLUMNS[name]} IN (${marks})`)
    else {
      clauses.push(`rowid IN (SELECT trial_rowid FROM trial_values WHERE facet = ? AND value IN (${marks}))`)
      params.push(name)
    }
    params.push(...values)
  }
  const terms = (query.q ?? '').normalize('NFC').toLowerCase().split(/\s+/).filter(Boolean)
  if (terms.length > 0) {
    clauses.push('rowid IN (SELECT rowid FROM trials_fts WHERE trials_fts MATCH ?)')
    params.push(terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND '))
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params }
}

/** Whether any query selects in this facet (then its counts need their own WHERE). */
function selects(query: ListQuery, facet: FacetField): boolean {
  if (facet === 'source') return (query.sources?.length ?? 0) > 0
  return (query.fields ?? []).some((f) => f.name === facet)
}

/** The same data in SQLite (better-sqlite3): indexed columns, FTS5 trigram search, GROUP BY facets. */
export function createSqliteEngine(paths: EnginePaths): BenchEngine {
  let db: InstanceType<typeof Database> | null = null
  const statements = new Map<string, Statement>()
  let rowsForSave: Record<string, unknown>[] | null = null
  const prepared = <Row>(sql: string): Statement<Row> => {
    if (!db) throw new Error('load() first')
    let statement = statements.get(sql)
    if (!statement) statements.set(sql, (statement = db.prepare(sql)))
    return statement as Statement<Row>
  }

  // A facet applies when some trial has a value for it (or, for detail facets, waits for its details), as in the core.
  const applicable = new Map<FacetField, boolean>()
  const applies = (field: FacetField): boolean => {
    let known = applicable.get(field)
    if (known === undefined) {
      const column = FACET_COLUMNS[field]
      const hasValue = column
        ? prepared<{ one: number }>(`SELECT 1 AS one FROM trials WHERE ${column} IS NOT NULL LIMIT 1`).get() !==
          undefined
        : prepared<{ one: number }>('SELECT 1 AS one FROM trial_values WHERE facet = ? LIMIT 1').get(field) !==
          undefined
      known =
        hasValue ||
        (DETAIL_FACETS.includes(field) &&
          prepared<{ one: number }>('SELECT 1 AS one FROM trials WHERE details_pending = 1 LIMIT 1').get() !==
            undefined)
      applicable.set(field, known)
    }
    return known
  }
  const engine: BenchEngine = {
    async load() {
      engine.close()
      db = new Database(paths.sqlitePath, { fileMustExist: true })
      db.pragma('journal_mode = WAL')
      db.pragma('synchronous = NORMAL')
      // "Load" ends when the first screen could be shown.
      engine.list({ now: new Date().toISOString() })
    },
    // Like the core's list: total, one page, and the facet counts over the whole filtered set.
    list(query: ListQuery): ListAnswer {
      const { where, params } = whereOf(query)
      const total = prepared<{ n: number }>(`SELECT count(*) AS n FROM trials ${where}`).get(...params)!.n
      const order = ORDER_BY[query.sort ?? 'changed']
      const page = prepared<{ summary_json: string }>(
        `SELECT summary_json FROM trials ${where} ORDER BY ${order} LIMIT ? OFFSET ?`,
      ).all(...params, query.limit ?? 20, query.offset ?? 0)
      const items = page.map((r) => JSON.parse(r.summary_json) as { id: string })
      const facetSizes: Record<string, number> = {}
      for (const field of FACET_FIELDS) {
        if (!applies(field)) continue
        const own = selects(query, field) ? whereOf(query, field) : { where, params }
        const column = FACET_COLUMNS[field]
        const counts = column
          ? prepared<{ value: string; count: number }>(
              `SELECT ${column} AS value, count(*) AS count FROM trials ${own.where} ${own.where ? 'AND' : 'WHERE'} ${column} IS NOT NULL ` +
                `GROUP BY ${column} ORDER BY count DESC, value`,
            ).all(...own.params)
          : prepared<{ value: string; count: number }>(
              `SELECT v.value AS value, count(*) AS count FROM trial_values v WHERE v.facet = ? AND v.trial_rowid IN ` +
                `(SELECT rowid FROM trials ${own.where}) GROUP BY v.value ORDER BY count DESC, value`,
            ).all(field, ...own.params)
        facetSizes[field] = counts.length
      }
      return { total, itemIds: items.map((t) => t.id), facetSizes }
    },
    get(id) {
      const row = prepared<{ summary_json: string; fields_json: string; history_json: string }>(
        'SELECT summary_json, fields_json, history_json FROM trials WHERE id = ?',
      ).get(id)
      if (!row) throw new Error(`no trial ${id}`)
      const history = JSON.parse(row.history_json) as unknown[]
      return { ...JSON.parse(row.summary_json), fields: JSON.parse(row.fields_json), history: history.reverse() }
    },
    // Compares each listed row with the stored JSON of its fields; absent active records count as removed.
    diff(listings: Listings): DiffAnswer {
      const answer: DiffAnswer = { unchanged: 0, changed: 0, created: 0, removed: 0 }
      const fieldsOf = prepared<string>('SELECT fields_json FROM trials WHERE id = ?').pluck()
      const activeIds = prepared<string>('SELECT source_id FROM trials WHERE source = ? AND removed = 0').pluck()
      for (const { source, pages } of listings) {
        const listed = new Set<string>()
        for (const rows of pages()) {
          for (const row of rows) {
            listed.add(row.sourceId)
            const stored = fieldsOf.get(`${source}:${row.sourceId}`)
            if (stored === undefined) answer.created++
            else if (stored === JSON.stringify(row.fields)) answer.unchanged++
            else answer.changed++
          }
        }
        for (const sourceId of activeIds.iterate(source)) if (!listed.has(sourceId)) answer.removed++
      }
      return answer
    },
    // Every row written back in one transaction (the rows are read out first, untimed, as an app would hold them).
    async save() {
      if (!rowsForSave) {
        rowsForSave = prepared<Record<string, unknown>>(
          'SELECT id, source, source_id, title, institution, department, phase, study_type, scope, status, recruitment, ' +
            'sponsor, details_pending, change_kind, ' +
            'changed_at_ms, removed, summary_json, fields_json, history_json, search_text FROM trials',
        ).all()
      }
      const upsert = prepared(UPSERT_SQL)
      const rows = rowsForSave
      db!.transaction(() => {
        for (const row of rows) upsert.run(row)
      })()
    },
    fileBytes() {
      const wal = `${paths.sqlitePath}-wal`
      return statSync(paths.sqlitePath).size + (existsSync(wal) ? statSync(wal).size : 0)
    },
    sampleIds(count) {
      const ids = prepared<string>('SELECT id FROM trials ORDER BY rowid').pluck().all()
      return Array.from({ length: count }, (_, i) => ids[Math.floor(((i * 7919) % count) * (ids.length / count))])
    },
    close() {
      statements.clear()
      applicable.clear()
      db?.close()
      db = null
    },
  }
  return engine
}
