/**
 * "One row per trial / 한 임상시험당 한 줄": a trial registered in two registries is listed once, as the record of the
 * preferred registry (the setting, default CRIS for its Korean text), the row carrying both badges (`linkedIds`).
 * A record of another registry is hidden only where its preferred twin is itself listed, so filtering to one registry
 * never loses a trial. Totals and facet counts are taken after hiding: each facet value's count is what selecting
 * that value would list (a record is not counted under a value its listed twin is counted under).
 */
import type { PreferredRegistry } from '../../../shared/trials'
import { linksOf } from '../linking/indexLinks'
import type { FacetColumn, TrialIndex } from './trialIndex'

/** A record's outcome against the query: how many facet selections it fails (0, 1, 2 = more; -1 = out) and which. */
interface Outcome {
  failed: number
  facet: number
}

/** What settling needs of the facet counter: its per-value counts and its whole-record add. */
export interface TwinCounter {
  readonly counts: Int32Array[]
  add(facet: number, position: number): void
}

/** For one index and preferred registry: who hides behind whom, and who takes part (a byte per record, for the scan). */
interface PreferredTwins {
  /** Position of a non-preferred record → positions of its preferred twins. */
  twins: ReadonlyMap<number, readonly number[]>
  /** 1 for a record with a preferred twin or that is one. */
  involved: Uint8Array
}

const twinsCache = new WeakMap<TrialIndex, Map<PreferredRegistry, PreferredTwins>>()

function preferredTwinsOf(index: TrialIndex, preferred: PreferredRegistry): PreferredTwins {
  let byPreferred = twinsCache.get(index)
  if (!byPreferred) twinsCache.set(index, (byPreferred = new Map()))
  const cached = byPreferred.get(preferred)
  if (cached) return cached
  const twins = new Map<number, number[]>()
  const involved = new Uint8Array(index.entries.length)
  // The source from the facet column: a record kept on disk is not read for it.
  const sources = index.facets.source
  const preferredId = sources.values.indexOf(preferred)
  const isPreferred = (p: number) => preferredId >= 0 && sources.ids[p] === preferredId
  for (const [position, linked] of linksOf(index).byPosition) {
    if (isPreferred(position)) continue
    const preferredOnes = linked.filter(isPreferred)
    if (preferredOnes.length === 0) continue
    twins.set(position, preferredOnes)
    involved[position] = 1
    for (const twin of preferredOnes) involved[twin] = 1
  }
  const result = { twins, involved }
  byPreferred.set(preferred, result)
  return result
}

function valueIdsOf(column: FacetColumn, p: number): ArrayLike<number> {
  if (column.starts === null) return column.ids[p] >= 0 ? [column.ids[p]] : []
  return column.ids.subarray(column.starts[p], column.starts[p + 1])
}

/**
 * The hiding step of one list query. `involves(p)` tells the scan which records to `note` instead of counting
 * (records with a preferred twin, and those twins); `settle` then counts them and says which matched ones to hide.
 */
export class TwinHiding {
  private readonly outcomes = new Map<number, Outcome>()
  private readonly twins: ReadonlyMap<number, readonly number[]>
  private readonly involved: Uint8Array

  private constructor({ twins, involved }: PreferredTwins) {
    this.twins = twins
    this.involved = involved
  }

  /** Null (nothing to do, nothing spent) when the option is off or no record has a preferred twin. */
  static forQuery(index: TrialIndex, oneRowPerTrial: boolean, preferred: PreferredRegistry): TwinHiding | null {
    if (!oneRowPerTrial || linksOf(index).byPosition.size === 0) return null
    const twins = preferredTwinsOf(index, preferred)
    return twins.twins.size === 0 ? null : new TwinHiding(twins)
  }

  involves(p: number): boolean {
    return this.involved[p] === 1
  }

  note(p: number, failed: number, facet: number): void {
    this.outcomes.set(p, { failed, facet })
  }

  /** Listed by the query: passes every filter and selection. */
  private listed(p: number): boolean {
    return this.outcomes.get(p)?.failed === 0
  }

  /** Counted in facet f's menu: passes every filter except, perhaps, f's own selection. */
  private inMenu(p: number, f: number): boolean {
    const o = this.outcomes.get(p)
    return o !== undefined && (o.failed === 0 || (o.failed === 1 && o.facet === f))
  }

  /** Counts the noted records into the facets (after hiding) and returns the listed records to hide. */
  settle(counter: TwinCounter, columns: readonly FacetColumn[]): Set<number> {
    const hidden = new Set<number>()
    for (const [p, outcome] of this.outcomes) {
      if (outcome.failed < 0 || outcome.failed > 1) continue
      const twins = this.twins.get(p) ?? []
      if (outcome.failed === 0 && twins.some((t) => this.listed(t))) hidden.add(p)
      for (let f = 0; f < columns.length; f++) {
        if (!this.inMenu(p, f)) continue
        const rivals = twins.filter((t) => this.inMenu(t, f))
        if (rivals.length === 0) {
          counter.add(f, p)
          continue
        }
        // Under each value, counted unless a twin in the same menu is counted under it (selecting it lists the twin).
        const own = valueIdsOf(columns[f], p)
        const theirs = new Set(rivals.flatMap((t) => Array.from(valueIdsOf(columns[f], t))))
        for (let i = 0; i < own.length; i++) if (!theirs.has(own[i])) counter.counts[f][own[i]]++
      }
    }
    return hidden
  }

  /** All-time count of listed records a twin hides (`passes(p)`: the record matches the query without the window). */
  hiddenAllTime(passes: (p: number) => boolean): number {
    let n = 0
    for (const [p, twins] of this.twins) if (passes(p) && twins.some(passes)) n++
    return n
  }

  /** The ids of the same trial in other registries, for a listed record's badges. */
  static linkedIdsOf(index: TrialIndex, id: string): string[] | undefined {
    const linked = linksOf(index).byId.get(id)
    return linked && linked.length > 0 ? [...linked] : undefined
  }
}
