import type { IpcEventMap } from '../../shared/ipc'

/**
 * The core reports a store recovered from corruption as an open warning naming the kept `.corrupt-<ts>` file;
 * the renderer shows it as a banner (no dialog).
 */
export function storeRecoveredEvents(openWarnings: readonly string[]): Array<IpcEventMap['store:recovered']> {
  return (
    openWarnings
      .map((message) => ({ message, corruptPath: corruptPathIn(message) }))
      // A missing main file restored from its .bak has no damaged file to name (corruptPath ''), but the user must know.
      .filter((event) => event.corruptPath !== '' || MAIN_FILE_MISSING.test(event.message))
  )
}

const MAIN_FILE_MISSING = /was missing; its previous copy was loaded/

// "…kept as <path>.corrupt-<stamp> and…"; the user-data folder ("Trial Desk") contains a space.
function corruptPathIn(message: string): string {
  const match = /kept as (.+?\.corrupt-[0-9A-Za-z_-]+)/.exec(message) ?? /(\S+\.corrupt-[0-9A-Za-z_-]+)/.exec(message)
  return match?.[1] ?? ''
}
