import { parseArgs } from 'node:util'
import {
  CHANGE_KINDS,
  LIST_SORTS,
  PREFERRED_REGISTRIES,
  SOURCE_IDS,
  type ChangeKind,
  type ListQuery,
  type ListSort,
  type PreferredRegistry,
  type SourceId,
} from '../../shared/trials'
import { TrialsError } from '../core/errors'
import {
  FOLLOWING_COMMAND_NAMES,
  FOLLOWING_USAGE,
  parseFollowingCommand,
  type FollowingCommand,
} from './parseFollowingCommand'

export const USAGE_TEXT = `Trial Desk (임상시험 데스크) command line

  trials sync   [--source icreat|cris|ctgov|all] [--store FILE] [--now ISO] [--allow-mass-removal] [--full-resync] [--json]
  trials list   [--store FILE] [--within-days N | --all] [--now ISO] [--q TEXT] [--source S] [--kind new|updated|removed]
                [--field NAME=VALUE]... [--recruiting] [--include-removed] [--sort changed|title|id|sourceUpdated]
                [--all-rows | --prefer cris|ctgov] [--offset N] [--limit N] [--json]
  trials show   ID [--store FILE] [--json]
  trials status [--store FILE] [--json]
${FOLLOWING_USAGE}

--field filters: recruitment=recruiting (or 모집중), phase=phase2 (or 2상, "Phase 2"), site=서울대병원 (every
spelling of the hospital), condition=당뇨 (every synonym), sponsor=…, institution=…, department=…, or a column
name of the registry (진료과=Cardiology). The same name repeated: either value; different names: all of them.
--recruiting: only trials a patient can still join (recruiting, not yet recruiting, enrolling by invitation).
One row per trial: a trial registered in CRIS and on ClinicalTrials.gov is listed once, as its CRIS record (--prefer
ctgov: as the study), with the other registration beside its id; --all-rows lists every registry's record.

The service key for sync is read from DATA_GO_KR_SERVICE_KEY (ClinicalTrials.gov, ctgov, needs none). The store defaults to the desktop app's data folder
(TRIALS_STORE or --store to use another file).`

interface Common {
  store?: string
  json: boolean
}
export type CliCommand =
  | ({ name: 'help' } & Common)
  | ({ name: 'sync'; sources: SourceId[] | 'all'; now?: Date; allowMassRemoval: boolean; fullResync: boolean } & Common)
  | ({ name: 'list'; query: ListQuery } & Common)
  | ({ name: 'show'; id: string } & Common)
  | ({ name: 'status' } & Common)
  | FollowingCommand

const usage = (message: string) =>
  new TrialsError('USAGE', `${message}\nRun "trials --help" for the commands and their options.`)

const COMMON_OPTIONS = {
  store: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const

const OPTIONS = {
  sync: {
    ...COMMON_OPTIONS,
    source: { type: 'string' },
    now: { type: 'string' },
    'allow-mass-removal': { type: 'boolean', default: false },
    'full-resync': { type: 'boolean', default: false },
  },
  list: {
    ...COMMON_OPTIONS,
    'within-days': { type: 'string' },
    all: { type: 'boolean', default: false },
    now: { type: 'string' },
    q: { type: 'string' },
    source: { type: 'string', multiple: true },
    kind: { type: 'string', multiple: true },
    field: { type: 'string', multiple: true },
    recruiting: { type: 'boolean', default: false },
    'include-removed': { type: 'boolean', default: false },
    sort: { type: 'string' },
    'all-rows': { type: 'boolean', default: false },
    prefer: { type: 'string' },
    offset: { type: 'string' },
    limit: { type: 'string' },
  },
  show: COMMON_OPTIONS,
  status: COMMON_OPTIONS,
} as const

type CommandName = keyof typeof OPTIONS

function parseNow(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined
  const ms = Date.parse(value)
  if (Number.isNaN(ms)) throw usage(`--now must be a date and time such as 2026-01-31T09:00:00Z (got "${value}").`)
  return new Date(ms)
}

function parseWholeNumber(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value.trim())) throw usage(`--${flag} must be a whole number (got "${value}").`)
  return Number(value)
}

function parseSource(value: string): SourceId {
  if (!(SOURCE_IDS as readonly string[]).includes(value))
    throw usage(`Unknown source "${value}". Use ${SOURCE_IDS.join(', ')}.`)
  return value as SourceId
}

function parseKind(value: string): ChangeKind {
  if (!(CHANGE_KINDS as readonly string[]).includes(value))
    throw usage(`Unknown change kind "${value}". Use ${CHANGE_KINDS.join(', ')}.`)
  return value as ChangeKind
}

function parseField(value: string): { name: string; value: string } {
  const at = value.indexOf('=')
  if (at <= 0) throw usage(`--field needs NAME=VALUE, for example --field 진료과=Cardiology (got "${value}").`)
  return { name: value.slice(0, at).trim(), value: value.slice(at + 1) }
}

const SORTS: readonly ListSort[] = LIST_SORTS

function listQueryFrom(v: Record<string, unknown>): ListQuery {
  const withinDays = v['within-days'] as string | undefined
  if (withinDays !== undefined && v.all) throw usage('Use either --within-days N or --all, not both.')
  const days = withinDays === undefined ? undefined : Number(withinDays)
  if (days !== undefined && !(Number.isFinite(days) && days > 0))
    throw usage(`--within-days must be a number of days above 0 (got "${withinDays}").`)
  const sort = v.sort as string | undefined
  if (sort !== undefined && !SORTS.includes(sort as ListSort))
    throw usage(`--sort must be one of ${SORTS.join(', ')} (got "${sort}").`)
  const now = parseNow(v.now as string | undefined)
  const prefer = v.prefer as string | undefined
  if (prefer !== undefined && !PREFERRED_REGISTRIES.includes(prefer as PreferredRegistry)) {
    throw usage(`--prefer must be one of ${PREFERRED_REGISTRIES.join(', ')} (got "${prefer}").`)
  }
  if (prefer !== undefined && v['all-rows'] === true)
    throw usage('--prefer chooses the one row of a linked trial; it cannot go with --all-rows.')
  const query: ListQuery = {
    withinDays: v.all ? null : days,
    now: now?.toISOString(),
    q: v.q as string | undefined,
    sources: (v.source as string[] | undefined)?.map(parseSource),
    kinds: (v.kind as string[] | undefined)?.map(parseKind),
    fields: (v.field as string[] | undefined)?.map(parseField),
    recruitingOnly: v.recruiting === true ? true : undefined,
    includeRemoved: v['include-removed'] === true,
    sort: sort as ListSort | undefined,
    oneRowPerTrial: v['all-rows'] === true ? false : undefined,
    preferredRegistry: prefer as PreferredRegistry | undefined,
    offset: parseWholeNumber('offset', v.offset as string | undefined),
    limit: parseWholeNumber('limit', v.limit as string | undefined),
  }
  // Undefined members would still reach the core's strict validation as keys: drop them.
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) as ListQuery
}

/** Turns argv (after `trials`) into a command, or throws a USAGE TrialsError. */
export function parseCommand(argv: string[]): CliCommand {
  const [name, ...rest] = argv
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') return { name: 'help', json: false }
  if ((FOLLOWING_COMMAND_NAMES as readonly string[]).includes(name)) {
    if (rest.includes('--help') || rest.includes('-h')) return { name: 'help', json: false }
    return parseFollowingCommand(name as (typeof FOLLOWING_COMMAND_NAMES)[number], rest, {
      options: OPTIONS.list,
      toQuery: listQueryFrom,
      usage,
      parseNow,
      parseWholeNumber,
    })
  }
  if (!(name in OPTIONS)) throw usage(`Unknown command "${name}".`)
  let parsed: { values: Record<string, unknown>; positionals: string[] }
  try {
    parsed = parseArgs({ args: rest, options: OPTIONS[name as CommandName], allowPositionals: true, strict: true })
  } catch (e) {
    throw usage((e as Error).message)
  }
  const { values: v, positionals } = parsed
  const common: Common = { store: v.store as string | undefined, json: v.json === true }
  if (v.help) return { name: 'help', ...common }
  if (name !== 'show' && positionals.length > 0) throw usage(`Unexpected argument "${positionals[0]}".`)
  switch (name as CommandName) {
    case 'sync': {
      const source = (v.source as string | undefined) ?? 'all'
      return {
        name: 'sync',
        ...common,
        sources: source === 'all' ? 'all' : [parseSource(source)],
        now: parseNow(v.now as string | undefined),
        allowMassRemoval: v['allow-mass-removal'] === true,
        fullResync: v['full-resync'] === true,
      }
    }
    case 'list':
      return { name: 'list', ...common, query: listQueryFrom(v) }
    case 'show':
      if (positionals.length !== 1)
        throw usage('show needs exactly one trial id, for example: trials show icreat:C100001')
      return { name: 'show', ...common, id: positionals[0] }
    case 'status':
      return { name: 'status', ...common }
  }
}
