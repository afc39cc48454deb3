import { TrialsError } from '../../errors'
import { CorruptFileError, type DurableFormat } from './format'
import { readJsonDocument, type ElementLine } from './lineLayout'
import { migrate, UnsupportedSchemaError } from './migrate'

/** Migrates and checks a parsed document; a newer app's file is not damage (STORE_UNREADABLE, file left alone). */
export function checkDocument<T>(path: string, raw: Record<string, unknown>, format: DurableFormat<T>): T {
  try {
    return format.parse(migrate(raw, format.migrations, format.schemaVersion))
  } catch (e) {
    if (e instanceof UnsupportedSchemaError && e.newer) {
      throw new TrialsError(
        format.unreadableCode,
        `The ${format.label} ${path} was written by a newer version of Trial Desk. Update the app (or the CLI) to open it.`,
      )
    }
    throw new CorruptFileError(
      `not a Trial Desk ${format.label} (${e instanceof Error ? e.message.slice(0, 200) : 'wrong shape'})`,
    )
  }
}

/**
 * Reads, migrates and checks one file of `format`. Resolves null when the file does not exist; throws
 * CorruptFileError when it is damaged. With `onElement` (line layout only) the large array's elements are handed
 * over one by one, unparsed, and left out of the document (which must then be checked with that in mind). Migration happens in memory: the file is rewritten by the next save.
 */
export async function readDurable<T>(
  path: string,
  format: DurableFormat<T>,
  onElement?: (line: ElementLine) => void,
): Promise<T | null> {
  const read = await readJsonDocument(path, { key: format.lineLayout?.key ?? '', onElement })
  if (read === null) return null
  return checkDocument(path, read.document, format)
}
