import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openTrialDesk } from '../../electron/core/openTrialDesk'
import { migrate, UnsupportedSchemaError } from '../../electron/core/store/durable/migrate'
import { loadStore, readStoreFile, saveStore } from '../../electron/core/store/trialStoreFile'
import { SCHEMA_VERSION } from '../../electron/core/store/types'
import { createFakeSource } from '../fakes/fakeSource'
import { storedTrial, storeWith } from '../helpers/storeData'
import { useTempDir } from '../helpers/tempStore'

const tempDir = useTempDir()
const sourceConfig = { getServiceKey: () => undefined, timeoutMs: 1000, env: {} }

describe('saving the store', () => {
  it('writes one JSON document with one compact trial per line that loads back equal, and keeps the previous generation as .bak', async () => {
    const path = join(tempDir(), 'trials.json')
    const first = storeWith([storedTrial('C1', { fields: { 과제명: '줄\n바꿈', n: 1 } }), storedTrial('C2')])
    await saveStore(path, first)
    const text = readFileSync(path, 'utf8')
    expect(JSON.parse(text)).toEqual(first)
    const lines = text.trimEnd().split('\n')
    expect(lines).toHaveLength(4)
    expect(JSON.parse(lines[1].replace(/,$/, ''))).toEqual(first.trials[0])
    expect(await readStoreFile(path)).toEqual(first)
    expect(existsSync(`${path}.bak`)).toBe(false)

    const second = storeWith([storedTrial('C1'), storedTrial('C2'), storedTrial('C3')])
    await saveStore(path, second)
    expect(await readStoreFile(path)).toEqual(second)
    expect(await readStoreFile(`${path}.bak`)).toEqual(first)
    // No temp files are left behind.
    expect(readdirSync(join(path, '..')).sort()).toEqual(['trials.json', 'trials.json.bak'])
  })

  it('removes temp files left by a killed writer', async () => {
    const dir = tempDir()
    const path = join(dir, 'trials.json')
    writeFileSync(`${path}.tmp-99999`, '{"half')
    writeFileSync(`${path}.bak.tmp-99999`, '')
    writeFileSync(join(dir, 'other.json.tmp-1'), 'not ours')
    await saveStore(path, storeWith([]))
    expect(readdirSync(dir).sort()).toEqual(['other.json.tmp-1', 'trials.json'])
  })

  it('yields to the event loop while serialising a large store', async () => {
    const path = join(tempDir(), 'trials.json')
    const trials = Array.from({ length: 20_000 }, (_, i) =>
      storedTrial(`C${i}`, { fields: { 과제명: 'x'.repeat(200), n: i } }),
    )
    let ticks = 0
    const timer = setInterval(() => {
      ticks++
    }, 1)
    await saveStore(path, storeWith(trials))
    clearInterval(timer)
    expect(ticks).toBeGreaterThan(1)
    expect((await readStoreFile(path))!.trials).toHaveLength(20_000)
  })
})

describe('opening a damaged store', () => {
  const damaged: Array<[string, string | Buffer]> = [
    ['empty', ''],
    ['NUL-filled', Buffer.alloc(4096)],
    ['truncated JSON', JSON.stringify(storeWith([storedTrial('C9')])).slice(0, 60)],
    ['invalid JSON', '{ not json'],
    ['wrong shape', JSON.stringify({ schemaVersion: 1, trials: 'nope' })],
  ]

  it.each(damaged)(
    '%s file → kept as .corrupt-<ts>, previous generation loaded, warning names the kept file',
    async (_label, content) => {
      const dir = tempDir()
      const path = join(dir, 'trials.json')
      const good = storeWith([storedTrial('C1')])
      await saveStore(path, good)
      await saveStore(path, storeWith([storedTrial('C1'), storedTrial('C2')]))
      writeFileSync(path, content)

      const desk = await openTrialDesk({ storePath: path, sources: [createFakeSource().source], sourceConfig })
      expect(desk.list({ withinDays: null }).total).toBe(1)
      const corrupt = readdirSync(dir).filter((f) => f.startsWith('trials.json.corrupt-'))
      expect(corrupt).toHaveLength(1)
      expect(readFileSync(join(dir, corrupt[0]))).toEqual(Buffer.from(content))
      expect(desk.openWarnings.join(' ')).toContain(corrupt[0])
      // The main file is good again, so the next start needs no recovery.
      expect(await readStoreFile(path)).toEqual(good)
    },
  )

  it.each([
    ['cut inside a trial line', (text: string) => text.slice(0, text.indexOf('\n', text.indexOf('\n') + 1) - 10)],
    ['cut before the closing line', (text: string) => text.slice(0, text.lastIndexOf(']}'))],
    ['a damaged trial line', (text: string) => text.replace('"icreat:C2"', '"icreat:C2')],
    ['data after the closing line', (text: string) => `${text}{"x":1}\n`],
  ])(
    'a one-trial-per-line file %s is detected as damaged and the previous generation loaded',
    async (_label, damage) => {
      const dir = tempDir()
      const path = join(dir, 'trials.json')
      const good = storeWith([storedTrial('C1')])
      await saveStore(path, good)
      await saveStore(path, storeWith([storedTrial('C1'), storedTrial('C2'), storedTrial('C3')]))
      writeFileSync(path, damage(readFileSync(path, 'utf8')))
      const loaded = await loadStore(path)
      expect(loaded.data).toEqual(good)
      expect(loaded.corruptPath).toBeDefined()
    },
  )

  it('still reads a store written as one compact line (earlier versions)', async () => {
    const path = join(tempDir(), 'trials.json')
    const data = storeWith([storedTrial('C1'), storedTrial('C2')])
    writeFileSync(path, JSON.stringify(data))
    expect(await readStoreFile(path)).toEqual(data)
  })

  it('refuses to start empty when the file and its previous generation are both bad (STORE_UNREADABLE)', async () => {
    const dir = tempDir()
    const path = join(dir, 'trials.json')
    writeFileSync(path, Buffer.alloc(100))
    writeFileSync(`${path}.bak`, '{"trunc')
    await expect(loadStore(path)).rejects.toMatchObject({ code: 'STORE_UNREADABLE' })
    await expect(openTrialDesk({ storePath: path, sources: [], sourceConfig })).rejects.toMatchObject({
      code: 'STORE_UNREADABLE',
    })
    expect(readFileSync(path)).toEqual(Buffer.alloc(100)) // nothing deleted or overwritten
  })

  it('refuses to start empty when the file is bad and there is no previous generation', async () => {
    const path = join(tempDir(), 'trials.json')
    writeFileSync(path, '')
    await expect(loadStore(path)).rejects.toMatchObject({ code: 'STORE_UNREADABLE' })
    expect(existsSync(path)).toBe(true)
  })

  it('starts empty on a first run (no file)', async () => {
    const loaded = await loadStore(join(tempDir(), 'trials.json'))
    expect(loaded).toMatchObject({ data: { trials: [], syncLog: [] }, warnings: [] })
  })
})

describe('schema migration', () => {
  it('upgrades a version-0 file (no schemaVersion, sources or syncLog) when loading', async () => {
    const path = join(tempDir(), 'trials.json')
    writeFileSync(path, JSON.stringify({ trials: [storedTrial('C1')] }))
    const loaded = await loadStore(path)
    expect(loaded.data).toMatchObject({ schemaVersion: SCHEMA_VERSION, sources: {}, syncLog: [] })
    expect(loaded.data.trials[0].id).toBe('icreat:C1')
  })

  it('applies migrations in order and rejects versions from the future', () => {
    const table = {
      0: (d: Record<string, unknown>) => ({ ...d, schemaVersion: 1, a: 1 }),
      1: (d: Record<string, unknown>) => ({ ...d, schemaVersion: 2, b: 2 }),
    }
    expect(migrate({}, table, 2)).toEqual({ schemaVersion: 2, a: 1, b: 2 })
    expect(() => migrate({ schemaVersion: 3 }, table, 2)).toThrow(UnsupportedSchemaError)
  })
})

describe('a store from a newer version', () => {
  it('is left untouched and reported as STORE_UNREADABLE with a hint to update', async () => {
    const dir = tempDir()
    const path = join(dir, 'trials.json')
    await saveStore(path, storeWith([]))
    await saveStore(path, storeWith([]))
    writeFileSync(path, JSON.stringify({ ...storeWith([]), schemaVersion: 99 }))
    await expect(loadStore(path)).rejects.toMatchObject({
      code: 'STORE_UNREADABLE',
      message: expect.stringMatching(/newer version/),
    })
    expect(readdirSync(dir).some((f) => f.includes('corrupt'))).toBe(false)
  })
})
