import { readFile, writeFile } from 'node:fs/promises'
import type { TrialDesk } from '../../core/trialDesk'
import { TrialsError } from '../../core/errors'
import type { CliIo } from '../cliIo'
import type { FollowingCommand } from '../parseFollowingCommand'
import { renderTable, truncate } from '../textTable'
import { printListResult } from './listCommand'

const printJson = (io: CliIo, value: unknown) => io.out(JSON.stringify(value, null, 2))

/** The following commands (saved searches, watch, note). NOT_FOUND → exit 1, VALIDATION → exit 2 (see runCli). */
export async function runFollowingCommand(desk: TrialDesk, io: CliIo, command: FollowingCommand): Promise<number> {
  const { following } = desk
  switch (command.name) {
    case 'saved-add': {
      const saved = await following.addSavedSearch({
        name: command.savedName,
        query: command.query,
        alerts: command.alerts,
      })
      if (command.json) printJson(io, saved)
      else
        io.out(
          `Saved "${saved.name}"${saved.alerts ? ' (alerts on)' : ''}. "trials saved run ${JSON.stringify(saved.name)}" shows its trials.`,
        )
      return 0
    }
    case 'saved-list': {
      const saved = await following.savedSearches()
      if (command.json) {
        printJson(
          io,
          saved.map(({ name, query, total, changedSinceSeen, alerts, seenAt }) => ({
            name,
            query,
            total,
            changedSinceSeen,
            alerts,
            seenAt,
          })),
        )
      } else if (saved.length === 0) {
        io.out('No saved searches yet. Save one with: trials saved add NAME --q TEXT …')
      } else {
        io.out(
          renderTable(
            ['NAME', 'TRIALS', 'CHANGED SINCE SEEN', 'ALERTS'],
            saved.map((s) => [
              truncate(s.name, 40),
              String(s.total),
              String(s.changedSinceSeen),
              s.alerts ? 'on' : 'off',
            ]),
          ),
        )
      }
      return 0
    }
    case 'saved-run': {
      const { search, result } = await following.runSavedSearch(
        command.savedName,
        { offset: command.offset, limit: command.limit, now: command.now },
        command.markSeen,
      )
      if (!command.json && search.changedSinceSeen > 0)
        io.err(`${search.changedSinceSeen} changed since you last opened "${search.name}".`)
      return printListResult(io, search.query, result, command.json)
    }
    case 'saved-remove':
      await following.removeSavedSearch(command.savedName)
      if (command.json) printJson(io, { removed: command.savedName })
      else io.out(`Removed the saved search "${command.savedName}".`)
      return 0
    case 'saved-export': {
      const text = JSON.stringify(await following.exportSavedSearches(), null, 2)
      if (command.out) {
        await writeFile(command.out, `${text}\n`, 'utf8')
        io.err(`Saved searches written to ${command.out}.`)
      } else {
        io.out(text)
      }
      return 0
    }
    case 'saved-import': {
      let text: string
      try {
        text = await readFile(command.file, 'utf8')
      } catch (e) {
        throw new TrialsError(
          'NOT_FOUND',
          `Cannot read ${command.file} (${(e as NodeJS.ErrnoException).code ?? 'error'}). Check the file name. Nothing was imported.`,
        )
      }
      const result = await following.importSavedSearches(text)
      if (command.json) printJson(io, result)
      else {
        io.out(`Imported ${result.added.length + result.renamed.length}; ${result.unchanged.length} already saved.`)
        for (const { from, to } of result.renamed)
          io.out(`  "${from}" is already saved with another search: imported as "${to}".`)
      }
      return 0
    }
    case 'watch':
    case 'unwatch': {
      await (command.name === 'watch' ? following.watch(command.id) : following.unwatch(command.id))
      if (command.json) printJson(io, { id: command.id.trim(), watched: command.name === 'watch' })
      else
        io.out(
          command.name === 'watch' ? `★ Watching ${command.id.trim()}.` : `No longer watching ${command.id.trim()}.`,
        )
      return 0
    }
    case 'watched': {
      const view = await following.watched()
      if (command.json) {
        printJson(io, view.items)
      } else if (view.items.length === 0) {
        io.out('No watched trials. Watch one with: trials watch ID')
      } else {
        io.out(
          renderTable(
            ['ID', 'STATUS', 'LATEST CHANGE', 'CHANGED', 'TITLE'],
            view.items.map((t) => [
              t.id,
              t.removedAt ? 'removed' : truncate(t.status ?? '', 12),
              t.latestChange?.kind ?? '',
              t.changedAt.slice(0, 10),
              truncate(t.title, 50),
            ]),
          ),
        )
      }
      return 0
    }
    case 'note': {
      const note = await following.setNote(command.id, command.text)
      if (command.json) printJson(io, { id: command.id.trim(), note })
      else
        io.out(
          note === null
            ? `Note on ${command.id.trim()} cleared.`
            : `Note on ${command.id.trim()} saved (${note.length} characters).`,
        )
      return 0
    }
  }
}
