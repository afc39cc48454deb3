import type { IpcEventMap } from '../../shared/ipc'

/**
 * The core reports a store recovered from corruption as an open warning naming the kept `.corrupt-<ts>` file;
 * the renderer shows it as a banner (no dialog).
 */
export function storeRecoveredEvents(openWarnings: readonly string[]): Array<IpcEventMap['store:recovered']> {
  return openWarnings
    .map((message) => ({ message, corruptPath: /(\S+\.corrupt-[^\s'"),]+)/.exec(message)?.[1] ?? '' }))
    .filter((event) => event.corruptPath !== '')
}
