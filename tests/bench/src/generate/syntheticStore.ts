import type { ChangeKind, HistoryEntry, SourceId } from '../../../../shared/trials'
import { SCHEMA_VERSION, type StoreData, type StoredTrial } from '../../../../electron/core/store/types'
import { crisToCommon } from '../../../../electron/core/sources/cris/crisCommon'
import { icreatToCommon } from '../../../../electron/core/sources/icreat/icreatCommon'
import { crisFields } from './crisRow'
import { ctgovPayload } from './ctgovPayload'
import { icreatFields } from './icreatRow'
import { createRandom, type Random } from './prng'

const DAY = 86_400_000

export interface GenerateOptions {
  size: number
  seed: number
  /** The benchmark's clock: the 7-day default view counts back from here. */
  now: string
  /** Share of icreat-shaped trials; the rest are CRIS-shaped. Today: ~410 of ~13,000. */
  icreatShare?: number
  /** Share of trials that also carry ClinicalTrials.gov's sites and eligibility (~15 KB records), default a third. */
  ctgovShare?: number
}

/** How many history entries a trial has (0-5), and how often. */
const HISTORY_LENGTHS: ReadonlyArray<readonly [number, number]> = [
  [0, 10],
  [1, 45],
  [2, 20],
  [3, 12],
  [4, 8],
  [5, 5],
]
/** ~2% of the trials changed in the last 7 days (the default view), the rest over two years. */
const RECENT_SHARE = 0.02
const REMOVED_SHARE = 0.03
const CRIS_DETAILS_PENDING_SHARE = 0.05

/** A reproducible synthetic store of `size` trials shaped like both sources. Same options → same store. */
export function generateStore(options: GenerateOptions): StoreData {
  const random = createRandom(options.seed)
  const nowMs = Date.parse(options.now)
  const icreatCount = Math.round(options.size * (options.icreatShare ?? 0.1))
  const trials: StoredTrial[] = []
  for (let i = 0; i < options.size; i++) {
    const source: SourceId = i < icreatCount ? 'icreat' : 'cris'
    const sourceId = source === 'icreat' ? `C${100001 + i}` : `KCT${String(1 + i - icreatCount).padStart(7, '0')}`
    const trial = generateTrial(random, source, sourceId, nowMs)
    // The last third (CRIS-shaped, so the same mappings apply) also carries CT.gov's large sections.
    if (source === 'cris' && i >= options.size * (1 - (options.ctgovShare ?? 1 / 3)))
      Object.assign(trial.fields, ctgovPayload(random))
    trials.push(trial)
  }
  const lastSync = new Date(nowMs - 3_600_000).toISOString()
  const meta = { lastSuccessAt: lastSync, lastAttemptAt: lastSync, lastError: null, state: {} }
  return { schemaVersion: SCHEMA_VERSION, trials, sources: { icreat: meta, cris: { ...meta } }, syncLog: [] }
}

function generateTrial(random: Random, source: SourceId, sourceId: string, nowMs: number): StoredTrial {
  const twoYears = 730 * DAY
  const changedMs = random.chance(RECENT_SHARE)
    ? nowMs - random.next() * 7 * DAY
    : nowMs - 7 * DAY - random.next() * twoYears
  const historyLength = random.weighted(HISTORY_LENGTHS)
  const firstSeenMs = historyLength <= 1 ? changedMs : changedMs - random.next() * (twoYears / 2)
  const removed = random.chance(REMOVED_SHARE)
  const detailsPending = source === 'cris' && random.chance(CRIS_DETAILS_PENDING_SHARE)
  const registeredMs = firstSeenMs - random.int(0, 3000) * DAY
  const fields =
    source === 'icreat'
      ? icreatFields(random, sourceId)
      : crisFields(random, sourceId, { registeredMs, updatedMs: changedMs - random.int(0, 3) * DAY }, !detailsPending)
  // The sources' own mappings, so facets and sorting see exactly what a sync would store.
  const common = source === 'icreat' ? icreatToCommon(fields) : crisToCommon(fields)
  const history = generateHistory(random, fields, historyLength, firstSeenMs, changedMs, removed)
  const changeKind: ChangeKind = removed ? 'removed' : history.length > 1 ? 'updated' : 'new'
  const trial: StoredTrial = {
    id: `${source}:${sourceId}`,
    source,
    sourceId,
    fields,
    common,
    firstSeenAt: new Date(firstSeenMs).toISOString(),
    changedAt: new Date(changedMs).toISOString(),
    lastSeenAt: new Date(removed ? changedMs : nowMs - 3_600_000).toISOString(),
    removedAt: removed ? new Date(changedMs).toISOString() : null,
    changeKind,
    history,
  }
  // As the sync stores it: only `true` is kept (a stored `false` would be dropped, so re-serialised, by the next sync).
  if (detailsPending) trial.detailsPending = true
  return trial
}

/** Oldest first, as on disk: created, then updates of a few text fields, then (maybe) removed. */
function generateHistory(
  random: Random,
  fields: Record<string, unknown>,
  length: number,
  firstMs: number,
  lastMs: number,
  removed: boolean,
): HistoryEntry[] {
  const history: HistoryEntry[] = []
  const textFields = Object.keys(fields).filter(
    (k) => typeof fields[k] === 'string' && k !== 'trial_id' && k !== '과제번호',
  )
  for (let i = 0; i < length; i++) {
    const at = new Date(length === 1 ? lastMs : firstMs + ((lastMs - firstMs) * i) / (length - 1)).toISOString()
    if (i === 0) history.push({ at, kind: 'created', changes: [] })
    else if (i === length - 1 && removed) history.push({ at, kind: 'removed', changes: [] })
    else {
      const changes = Array.from({ length: random.int(1, 3) }, () => {
        const field = random.pick(textFields)
        const to = String(fields[field])
        return { field, from: to.slice(0, Math.max(1, to.length - random.int(1, 12))), to }
      })
      history.push({ at, kind: 'updated', changes })
    }
  }
  return history
}
