/** Parsing of the following commands: `saved add|list|run|remove|export|import`, `watch`, `unwatch`, `watched`, `note`. */
import { parseArgs } from 'node:util'
import type { SavedQuery } from '../../shared/following'
import type { ListQuery } from '../../shared/trials'
import { TrialsError } from '../core/errors'

export const FOLLOWING_USAGE = `  trials saved add NAME [the list command's filter flags] [--no-alerts]
  trials saved list   [--json]                 saved searches: matching trials, changed since last opened, alerts
  trials saved run    NAME [--json] [--mark-seen] [--offset N] [--limit N] [--now ISO]
  trials saved remove NAME
  trials saved export [--out FILE]             (to share with colleagues)
  trials saved import FILE                     (merges by name; never overwrites)
  trials watch ID | trials unwatch ID | trials watched [--json]
  trials note ID TEXT | trials note ID --clear   (a private note, up to 10,000 characters; never sent anywhere)`

export const FOLLOWING_COMMAND_NAMES = ['saved', 'watch', 'unwatch', 'watched', 'note'] as const
export const SAVED_SUBCOMMANDS = ['add', 'list', 'run', 'remove', 'export', 'import'] as const

interface Common {
  store?: string
  json: boolean
}
export type FollowingCommand =
  | ({ name: 'saved-add'; savedName: string; query: SavedQuery; alerts: boolean } & Common)
  | ({ name: 'saved-list' } & Common)
  | ({
      name: 'saved-run'
      savedName: string
      markSeen: boolean
      offset?: number
      limit?: number
      now?: string
    } & Common)
  | ({ name: 'saved-remove'; savedName: string } & Common)
  | ({ name: 'saved-export'; out?: string } & Common)
  | ({ name: 'saved-import'; file: string } & Common)
  | ({ name: 'watch' | 'unwatch'; id: string } & Common)
  | ({ name: 'watched' } & Common)
  | ({ name: 'note'; id: string; text: string | null } & Common)

export interface ListFlagParser {
  /** The list command's options (filter flags). */
  options: Record<
    string,
    {
      type: 'string' | 'boolean'
      multiple?: boolean
      short?: string
      default?: string | boolean | string[] | boolean[]
    }
  >
  /** Turns parsed list flags into a list query (throws USAGE). */
  toQuery: (values: Record<string, unknown>) => ListQuery
  usage: (message: string) => TrialsError
  parseNow: (value: string | undefined) => Date | undefined
  parseWholeNumber: (flag: string, value: string | undefined) => number | undefined
}

const COMMON = { store: { type: 'string' }, json: { type: 'boolean', default: false } } as const

function parse(args: string[], options: ListFlagParser['options'], usage: ListFlagParser['usage']) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true }) as {
      values: Record<string, unknown>
      positionals: string[]
    }
  } catch (e) {
    throw usage((e as Error).message)
  }
}

function exactly(positionals: string[], count: number, what: string, usage: ListFlagParser['usage']): string[] {
  if (positionals.length !== count) throw usage(what)
  return positionals
}

/** Parses `trials <name> …` for the following commands (argv after the command name). */
export function parseFollowingCommand(
  name: (typeof FOLLOWING_COMMAND_NAMES)[number],
  rest: string[],
  list: ListFlagParser,
): FollowingCommand {
  const { usage } = list
  if (name === 'saved') {
    const [sub, ...args] = rest
    if (!(SAVED_SUBCOMMANDS as readonly string[]).includes(sub ?? '')) {
      throw usage(`"trials saved" needs one of: ${SAVED_SUBCOMMANDS.join(', ')}.`)
    }
    switch (sub as (typeof SAVED_SUBCOMMANDS)[number]) {
      case 'add': {
        const { values, positionals } = parse(
          args,
          { ...list.options, 'no-alerts': { type: 'boolean', default: false } },
          usage,
        )
        const [savedName] = exactly(
          positionals,
          1,
          'saved add needs one NAME (quote it if it has spaces), for example: trials saved add "폐암 2상" --q 폐암',
          usage,
        )
        const { now: _now, offset: _offset, limit: _limit, ...query } = list.toQuery(values)
        return {
          name: 'saved-add',
          savedName,
          query: query satisfies SavedQuery,
          alerts: values['no-alerts'] !== true,
          store: values.store as string | undefined,
          json: values.json === true,
        }
      }
      case 'list': {
        const { values } = parse(args, COMMON, usage)
        return { name: 'saved-list', store: values.store as string | undefined, json: values.json === true }
      }
      case 'run': {
        const { values, positionals } = parse(
          args,
          {
            ...COMMON,
            'mark-seen': { type: 'boolean', default: false },
            offset: { type: 'string' },
            limit: { type: 'string' },
            now: { type: 'string' },
          },
          usage,
        )
        const [savedName] = exactly(
          positionals,
          1,
          'saved run needs one NAME, for example: trials saved run "폐암 2상"',
          usage,
        )
        return {
          name: 'saved-run',
          savedName,
          markSeen: values['mark-seen'] === true,
          offset: list.parseWholeNumber('offset', values.offset as string | undefined),
          limit: list.parseWholeNumber('limit', values.limit as string | undefined),
          now: list.parseNow(values.now as string | undefined)?.toISOString(),
          store: values.store as string | undefined,
          json: values.json === true,
        }
      }
      case 'remove': {
        const { values, positionals } = parse(args, COMMON, usage)
        const [savedName] = exactly(positionals, 1, 'saved remove needs one NAME.', usage)
        return {
          name: 'saved-remove',
          savedName,
          store: values.store as string | undefined,
          json: values.json === true,
        }
      }
      case 'export': {
        const { values, positionals } = parse(args, { ...COMMON, out: { type: 'string' } }, usage)
        exactly(positionals, 0, `Unexpected argument "${positionals[0]}".`, usage)
        return {
          name: 'saved-export',
          out: values.out as string | undefined,
          store: values.store as string | undefined,
          json: values.json === true,
        }
      }
      case 'import': {
        const { values, positionals } = parse(args, COMMON, usage)
        const [file] = exactly(positionals, 1, 'saved import needs one FILE (written by "trials saved export").', usage)
        return { name: 'saved-import', file, store: values.store as string | undefined, json: values.json === true }
      }
    }
  }
  if (name === 'note') {
    const { values, positionals } = parse(rest, { ...COMMON, clear: { type: 'boolean', default: false } }, usage)
    const common = { store: values.store as string | undefined, json: values.json === true }
    if (values.clear) {
      const [id] = exactly(positionals, 1, 'note ID --clear takes no text.', usage)
      return { name: 'note', id, text: null, ...common }
    }
    const [id, text] = exactly(
      positionals,
      2,
      'note needs an ID and the TEXT (quoted), or --clear: trials note icreat:C100001 "환자 의뢰함"',
      usage,
    )
    return { name: 'note', id, text, ...common }
  }
  const { values, positionals } = parse(rest, COMMON, usage)
  const common = { store: values.store as string | undefined, json: values.json === true }
  if (name === 'watched') {
    exactly(positionals, 0, `Unexpected argument "${positionals[0]}".`, usage)
    return { name: 'watched', ...common }
  }
  const [id] = exactly(
    positionals,
    1,
    `${name} needs exactly one trial id, for example: trials ${name} icreat:C100001`,
    usage,
  )
  return { name, id, ...common }
}
