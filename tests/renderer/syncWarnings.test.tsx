/** The sync log shows a coded warning in the dictionary's words, and an uncoded one as the core wrote it. */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { loadStore } from '../../electron/core/store/trialStoreFile'
import type { SyncLogEntry } from '../../shared/trials'
import { useTempDir } from '../helpers/tempStore'
import { versionTwoLogEntry } from '../helpers/versionTwoSyncLog'
import { renderApp } from './renderApp'

const tempDir = useTempDir()
const TEXTS = [
  '1234 iCReaT rows had no 과제번호 and were skipped.',
  'Something only the core knows about.',
  'A code from a newer version.',
]

function entryWithWarnings(): SyncLogEntry {
  return {
    id: 'log-warn',
    source: 'icreat',
    trigger: 'manual',
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:05.000Z',
    ok: true,
    fetched: 1200,
    created: 0,
    updated: 0,
    unchanged: 1200,
    removed: 0,
    rejected: 1234,
    warnings: [
      { code: 'ICREAT_ROWS_WITHOUT_ID', values: { count: 1234 }, message: TEXTS[0] },
      { message: TEXTS[1] },
      { code: 'FUTURE_CODE' as never, values: { count: 1 }, message: TEXTS[2] },
    ],
  }
}

/** The same entry as store version 2 wrote it (parallel arrays), read back through the store's migration. */
async function entryFromVersionTwoStore(): Promise<SyncLogEntry> {
  const path = join(tempDir(), 'trials.json')
  const details = [
    { code: 'ICREAT_ROWS_WITHOUT_ID', values: { count: 1234 } },
    null,
    { code: 'FUTURE_CODE', values: { count: 1 } },
  ]
  const old = { ...versionTwoLogEntry('log-warn', TEXTS, details), trigger: 'manual' }
  writeFileSync(path, JSON.stringify({ schemaVersion: 2, trials: [], sources: {}, syncLog: [old] }))
  const { data } = await loadStore(path)
  return data.syncLog[0]
}

async function openLog(language: 'ko' | 'en', entry: SyncLogEntry = entryWithWarnings()) {
  const { user } = await renderApp({ syncLog: [entry], settings: { language } })
  await user.click(screen.getByRole('button', { name: language === 'ko' ? '동기화 기록' : 'Sync log' }))
  return screen.findByRole('table')
}

describe('sync log warnings', () => {
  it('shows a coded warning in Korean with formatted numbers, and uncoded or unknown ones as raw text', async () => {
    const table = await openLog('ko')
    expect(within(table).getByText('과제번호가 없는 iCReaT 행 1,234건을 건너뛰었습니다.')).toBeInTheDocument()
    expect(table).not.toHaveTextContent('had no 과제번호')
    expect(within(table).getByText('Something only the core knows about.')).toBeInTheDocument()
    expect(within(table).getByText('A code from a newer version.')).toBeInTheDocument()
  })

  it('shows the same warning from the English dictionary', async () => {
    const table = await openLog('en')
    expect(within(table).getByText('1,234 iCReaT rows had no 과제번호 and were skipped.')).toBeInTheDocument()
  })

  it('shows an entry from a store of the previous format exactly as one written now', async () => {
    const current = (await openLog('ko')).textContent
    document.body.innerHTML = ''
    const migrated = await entryFromVersionTwoStore()
    expect(migrated).toEqual(entryWithWarnings())
    expect((await openLog('ko', migrated)).textContent).toBe(current)
  })
})
