/**
 * A source whose fetchAll answers with the rows it handed over (`ctx.addRows`), kept as the sync engine keeps them:
 * the last row per id, in the order ids were first handed over, forgotten at a restart; a kept record (`keepRows`)
 * as a row of its stored fields, a dropped id gone. Source tests read `rows`.
 */
import type { FetchContext, FetchResult, Source, SourceRow } from '../../electron/core/sources/source'

export type ListingContext = Omit<FetchContext, 'addRows' | 'keepRows' | 'dropRows' | 'restartListing'>

export interface ListedResult extends FetchResult {
  rows: SourceRow[]
  /** How many rows each addRows call handed over, since the last restart. */
  handovers: number[]
  restarts: number
}

export function listingOf(source: Source): Omit<Source, 'fetchAll'> & {
  fetchAll(ctx: ListingContext): Promise<ListedResult>
} {
  return {
    ...source,
    async fetchAll(ctx) {
      let rows = new Map<string, SourceRow>()
      let handovers: number[] = []
      let restarts = 0
      const result = await source.fetchAll({
        ...ctx,
        addRows: (page) => {
          handovers.push(page.length)
          for (const row of page) rows.set(row.sourceId, row)
        },
        keepRows: (sourceIds) => {
          for (const sourceId of sourceIds) {
            const stored = ctx.previous.get(sourceId)
            if (stored) rows.set(sourceId, { sourceId, fields: { ...stored.fields } })
          }
        },
        dropRows: (sourceIds) => {
          for (const sourceId of sourceIds) rows.delete(sourceId)
        },
        restartListing: () => {
          restarts++
          rows = new Map()
          handovers = []
        },
      })
      return { ...result, rows: [...rows.values()], handovers, restarts }
    },
  }
}
