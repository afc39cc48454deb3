/** A record a sync holds without diffing it: its small parts in memory, its fields and history read when asked. */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isRecordStub, recordStubFrom, wholeRecord } from '../../electron/core/store/recordStub'
import { numberPrintedInFreshProcess } from '../helpers/freshNodeProcess'
import { readingWith, storedTrial } from '../helpers/storeData'

describe('a record stub', () => {
  const whole = storedTrial('C1', {
    fields: { 과제번호: 'C1', 과제명: '과제 C1', 요약: '대장암 환자에서' },
    detailsPending: true,
    history: [{ at: '2026-01-01T00:00:00.000Z', kind: 'created', changes: [] }],
  })

  it('is the record in every respect, reading its fields and history only when asked', () => {
    let reads = 0
    const stub = recordStubFrom(
      whole,
      readingWith(() => {
        reads++
        return structuredClone(whole)
      }),
    )
    expect(reads).toBe(0)
    expect(stub.common).toBe(whole.common)
    expect(stub.detailsPending).toBe(true)
    expect(isRecordStub(stub)).toBe(true)
    expect(isRecordStub(whole)).toBe(false)
    expect(JSON.stringify(stub)).toBe(JSON.stringify(whole))
    expect({ ...stub }).toEqual(whole)
    expect(wholeRecord(stub)).toEqual(whole)
    expect(wholeRecord(whole)).toBe(whole)
    expect(reads).toBeGreaterThan(0)
  })

  it('read whole, keeps its own small parts: a record changed in memory (a migration) is not undone by the file', () => {
    const migrated = { ...whole, common: { ...whole.common, recruitment: 'recruiting' as const } }
    const stub = recordStubFrom(
      migrated,
      readingWith(() => structuredClone(whole)),
    )
    expect(wholeRecord(stub)).toEqual(migrated)
    expect(Object.keys(wholeRecord(stub))).toEqual(Object.keys(whole))
  })

  it('every stub reads through the same two accessors, each its own record (one shape for 100,000 stubs: an accessor made per stub nearly doubled their memory)', () => {
    const other = storedTrial('C2', { fields: { 과제번호: 'C2', 과제명: '과제 C2' } })
    const first = recordStubFrom(
      whole,
      readingWith(() => structuredClone(whole)),
    )
    const second = recordStubFrom(
      other,
      readingWith(() => structuredClone(other)),
    )
    const accessor = (stub: object, name: string) => Object.getOwnPropertyDescriptor(stub, name)?.get
    expect(accessor(first, 'fields')).toBeTypeOf('function')
    expect(accessor(second, 'fields')).toBe(accessor(first, 'fields'))
    expect(accessor(second, 'history')).toBe(accessor(first, 'history'))
    expect(first.fields['과제명']).toBe('과제 C1')
    expect(second.fields['과제명']).toBe('과제 C2')
  })

  it('made from another stub, copies its small parts without reading it', () => {
    let reads = 0
    const first = recordStubFrom(
      whole,
      readingWith(() => {
        reads++
        return whole
      }),
    )
    const second = recordStubFrom(
      first,
      readingWith(() => whole),
    )
    expect(reads).toBe(0)
    expect(Object.keys(second)).toEqual(Object.keys(whole))
    expect(second.fields).toBe(whole.fields)
  })

  it("made with a string pool, is the same record, takes over the parsed one's small parts, and shares repeated strings", () => {
    const parsed = JSON.parse(JSON.stringify(whole)) as typeof whole
    const before = JSON.stringify(parsed)
    const pool = new Map<string, string>()
    const stub = recordStubFrom(
      parsed,
      readingWith(() => whole),
      pool,
    )
    expect(JSON.stringify(stub)).toBe(before)
    expect(JSON.stringify(parsed)).toBe(before)
    expect(stub.common).toBe(parsed.common) // not laid out anew
    expect(pool.has(whole.changedAt)).toBe(true)
    expect(pool.has(whole.id)).toBe(false) // one record's own
  })

  it('keeps where its record lies out of sight: a spread or serialised copy is a plain whole record', () => {
    const stub = recordStubFrom(
      whole,
      readingWith(() => structuredClone(whole)),
    )
    const copy = { ...stub }
    expect(isRecordStub(copy)).toBe(false)
    expect(Object.getOwnPropertySymbols(copy)).toEqual([])
    expect(Reflect.ownKeys(JSON.parse(JSON.stringify(stub)) as object)).toEqual(Object.keys(whole))
    expect(copy.fields).toEqual(whole.fields)
  })

  it('made with a string pool, 20,000 stubs of records parsed one by one take far less memory', () => {
    // In a fresh process (a collection before each measure): every record names the same hospital, conditions and
    // sync timestamps, as a store's records do, and JSON.parse gives each occurrence a string of its own.
    const stubModule = join(__dirname, '..', '..', 'electron', 'core', 'store', 'recordStub.ts')
    const heapPerStub = (withPool: boolean) => {
      const script = `
        const { recordStubFrom } = require(${JSON.stringify(stubModule)})
        const line = (i) => JSON.stringify({ id: 'cris:KCT' + i, source: 'cris', sourceId: 'KCT' + i, fields: {},
          common: { title: 'Trial ' + i, conditions: ['Diabetes Mellitus, Type 2', '제2형 당뇨병'],
            sites: [{ name: '서울대학교병원', nameEn: 'Seoul National University Hospital' }], status: 'recruiting' },
          firstSeenAt: '2026-01-01T00:00:00.000Z', changedAt: '2026-03-01T00:00:00.000Z',
          lastSeenAt: '2026-09-01T00:00:00.000Z', removedAt: null, changeKind: 'updated', history: [] })
        const pool = ${withPool ? 'new Map()' : 'undefined'}
        gc(); const before = process.memoryUsage().heapUsed
        const stubs = []
        for (let i = 0; i < 20000; i++) stubs.push(recordStubFrom(JSON.parse(line(i)), { source: null, offset: 0, length: 0 }, pool))
        gc(); console.log((process.memoryUsage().heapUsed - before) / stubs.length)`
      return numberPrintedInFreshProcess(script, ['--expose-gc'])
    }
    const plain = heapPerStub(false)
    const pooled = heapPerStub(true)
    expect(plain).toBeGreaterThan(0)
    expect(pooled).toBeLessThan(plain * 0.8)
  })
})
