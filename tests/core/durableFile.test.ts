import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { DurableFileAdapter } from '../../electron/core/store/durable/adapter'
import type { DurableFormat } from '../../electron/core/store/durable/format'
import { lockForWriting } from '../../electron/core/store/durable/lock'
import { readJsonDocument } from '../../electron/core/store/durable/lineLayout'
import { readDurable } from '../../electron/core/store/durable/read'
import { recoverDurable } from '../../electron/core/store/durable/recover'
import { writeDurable } from '../../electron/core/store/durable/write'
import { useTempDir } from '../helpers/tempStore'

const tempDir = useTempDir()

// A second durable file besides the trial store, as the user's own data would be: small, one compact line.
const notesSchema = z.looseObject({
  schemaVersion: z.literal(2),
  notes: z.array(z.object({ id: z.string(), text: z.string() })),
})
type Notes = z.infer<typeof notesSchema>
const NOTES: DurableFormat<Notes> = {
  label: 'notes file',
  schemaVersion: 2,
  migrations: {
    0: (d) => ({ ...d, schemaVersion: 1, notes: d.notes ?? [] }),
    1: (d) => ({
      ...d,
      schemaVersion: 2,
      notes: (d.notes as Array<{ id: string; body: string }>).map((n) => ({ id: n.id, text: n.body })),
    }),
  },
  parse: (raw) => notesSchema.parse(raw),
  empty: () => ({ schemaVersion: 2, notes: [] }),
  afterRecovery: 'Your last note may be missing.',
  startAfresh: 'To start with no notes',
  diskKind: 'userData',
  unreadableCode: 'STORE_UNREADABLE',
}
const read = (path: string) => readDurable(path, NOTES)

describe('a durable JSON file of another format (reused by the user-data store)', () => {
  it('is written compactly and atomically, keeps the previous generation as .bak and reads back through lowdb', async () => {
    const path = join(tempDir(), 'user.json')
    const db = new Low(new DurableFileAdapter(path, NOTES), NOTES.empty())
    await db.read()
    expect(db.data).toEqual({ schemaVersion: 2, notes: [] })
    db.data.notes.push({ id: 'a', text: '첫 메모' })
    await db.write()
    db.data.notes.push({ id: 'b', text: 'second' })
    await db.write()
    expect(readFileSync(path, 'utf8').trimEnd().split('\n')).toHaveLength(1)
    expect((await read(path))!.notes.map((n) => n.id)).toEqual(['a', 'b'])
    expect((await read(`${path}.bak`))!.notes.map((n) => n.id)).toEqual(['a'])
    expect(readdirSync(join(path, '..')).sort()).toEqual(['user.json', 'user.json.bak'])
  })

  it('migrates an older file on open, step by step, without writing it', async () => {
    const path = join(tempDir(), 'user.json')
    writeFileSync(path, JSON.stringify({ schemaVersion: 1, notes: [{ id: 'a', body: 'old field name' }] }))
    const before = readFileSync(path, 'utf8')
    expect(await read(path)).toEqual({ schemaVersion: 2, notes: [{ id: 'a', text: 'old field name' }] })
    expect(readFileSync(path, 'utf8')).toBe(before)
  })

  it('sets a damaged file aside, loads the previous generation and names the kept file and the format', async () => {
    const dir = tempDir()
    const path = join(dir, 'user.json')
    await writeDurable(path, { schemaVersion: 2, notes: [{ id: 'a', text: 'previous' }] }, NOTES)
    await writeDurable(path, { schemaVersion: 2, notes: [{ id: 'b', text: 'damaged later' }] }, NOTES)
    writeFileSync(path, '{"schemaVersion":2,"no')
    const recovered = await recoverDurable(path, NOTES, read, () => new Date('2026-12-01T10:00:00Z'))
    expect(recovered.data.notes).toEqual([{ id: 'a', text: 'previous' }])
    expect(recovered.corruptPath).toBe(`${path}.corrupt-20261201T100000Z`)
    expect(readFileSync(recovered.corruptPath!, 'utf8')).toBe('{"schemaVersion":2,"no')
    expect(recovered.warnings.join(' ')).toMatch(/notes file was damaged.*Your last note may be missing/)
    expect(await read(path)).toEqual(recovered.data)
  })

  it('refuses a file from a newer version without touching it, and a wrong shape counts as damage', async () => {
    const path = join(tempDir(), 'user.json')
    writeFileSync(path, JSON.stringify({ schemaVersion: 7, notes: [] }))
    await expect(recoverDurable(path, NOTES, read)).rejects.toMatchObject({
      code: 'STORE_UNREADABLE',
      message: expect.stringContaining('newer version'),
    })
    expect(existsSync(path)).toBe(true)
    writeFileSync(path, JSON.stringify({ schemaVersion: 2, notes: 'x' }))
    await expect(recoverDurable(path, NOTES, read)).rejects.toMatchObject({
      code: 'STORE_UNREADABLE',
      message: expect.stringContaining('To start with no notes'),
    })
  })

  it('has one writer at a time: a second lock attempt fails at once with STORE_IN_USE and the given message', async () => {
    const path = join(tempDir(), 'user.json')
    const lock = await lockForWriting(path, 'Your notes are being saved by another window.', 'userData')
    await expect(
      lockForWriting(path, 'Your notes are being saved by another window.', 'userData'),
    ).rejects.toMatchObject({ code: 'STORE_IN_USE', message: 'Your notes are being saved by another window.' })
    await lock.release()
    await (await lockForWriting(path, 'x', 'userData')).release()
  })
})

describe('a line-layout file read a chunk at a time', () => {
  it('hands over every element whole with its exact byte range, across chunk boundaries and past a chunk in length', async () => {
    // 4 MB chunks: ~1,000 elements of ~9 KB straddle several boundaries, one of ~5 MB is longer than a chunk, and
    // Hangul (3 bytes a character) makes byte offsets differ from character offsets.
    const notes = Array.from({ length: 1200 }, (_, i) => ({
      id: `n${i}`,
      text: i === 700 ? '긴 메모 '.repeat(500_000) : `메모 ${i} ${'가나다 abc '.repeat(1 + ((i * 37) % 900))}`,
    }))
    const path = join(tempDir(), 'layout.json')
    const lines = notes.map((n, i) => JSON.stringify(n) + (i === notes.length - 1 ? '' : ','))
    writeFileSync(path, `{"schemaVersion":2,"notes":[\n${lines.join('\n')}\n]}\n`)
    const bytes = readFileSync(path)

    const seen: Array<{ text: string; offset: number; bytes: number }> = []
    const read = await readJsonDocument(path, { key: 'notes', onElement: (line) => seen.push(line) })

    expect(read).toEqual({ document: { schemaVersion: 2, notes: [] }, lineLayout: true })
    expect(seen.map((line) => JSON.parse(line.text))).toEqual(notes)
    for (const line of seen) expect(bytes.toString('utf8', line.offset, line.offset + line.bytes)).toBe(line.text)
  })
})
