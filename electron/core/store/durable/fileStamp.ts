import { promises as fs } from 'node:fs'

/**
 * A file's mtime, size and inode: how a process notices that another one wrote the store since it last read or
 * wrote it (a write changes mtime or size, a rename over it the inode).
 */
export interface FileStamp {
  mtimeMs: number
  size: number
  ino: number
}

/** null when the file does not exist (or cannot be stat'ed). */
export async function fileStampOf(path: string): Promise<FileStamp | null> {
  try {
    const s = await fs.stat(path)
    return { mtimeMs: s.mtimeMs, size: s.size, ino: s.ino }
  } catch {
    return null
  }
}

export const sameFileStamp = (a: FileStamp | null, b: FileStamp | null): boolean =>
  a === b || (a !== null && b !== null && a.mtimeMs === b.mtimeMs && a.size === b.size && a.ino === b.ino)
