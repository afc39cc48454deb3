import type { IpcEventMap } from '../../shared/ipc'

/**
 * The core reports a store recovered from corruption as an open warning naming the kept `.corrupt-<ts>` file;
 * the renderer shows it as a banner (no dialog).
 */
export function storeRecoveredEvents(openWarnings: readonly string[]): Array<IpcEventMap['store:recovered']> {
  return openWarnings
    .map((message) => ({ message, corruptPath: corruptPathIn(message) }))
    .filter((event) => event.corruptPath !== '')
}

// "…kept as <path>.corrupt-<stamp> and…"; the user-data folder ("Trial Desk") contains a space.
function corruptPathIn(message: string): string {
  const match = /kept as (.+?\.corrupt-[0-9A-Za-z_-]+)/.exec(message) ?? /(\S+\.corrupt-[0-9A-Za-z_-]+)/.exec(message)
  return match?.[1] ?? ''
}
