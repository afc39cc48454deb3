/**
 * Registry text reaches the terminal: escape sequences (colours, window title, cursor moves), BEL and other control
 * characters in titles and fields must never be written raw by `show`, `list` or an error, in text mode.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { terminalSafe } from '../../electron/core/text/terminalSafe'
import { FAKE_ODCLOUD_KEY, loadIcreatFixtureRows } from '../fakes/odcloudServer'
import { useFakeOdcloud } from '../fakes/fakeServers'
import { runCliInProcess } from '../helpers/runCliInProcess'
import { useTempDir } from '../helpers/tempStore'

const tempDir = useTempDir()
const ROWS = loadIcreatFixtureRows()
const HOSTILE_TITLE = '심부전 \x1b[31m붉은\x1b[0m 연구\x07\x1b]0;owned\x07 \x1b[2J\x1b[H끝\x00\x08\u202e역방향\x9b1m'
const HOSTILE_ROWS = ROWS.map((row, i) =>
  i === 0 ? { ...row, 과제명: HOSTILE_TITLE, 연구책임기관: '병원\r덮어쓰기\x1bc' } : row,
)
const fake = await useFakeOdcloud({ rows: HOSTILE_ROWS })
fake.setRows(HOSTILE_ROWS) // (the helper serves `rows` again after each test)
const env = () => ({
  ...fake.env,
  DATA_GO_KR_SERVICE_KEY: FAKE_ODCLOUD_KEY,
  TRIALS_TIMEOUT_MS: '2000',
  TRIALS_RETRY_BASE_MS: '5',
})
const id = `icreat:${String(ROWS[0]['과제번호'])}`
/** Any C0 control but tab and newline, DEL, any C1 control, bidi overrides. */
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/

async function syncedStore(): Promise<string> {
  const store = join(tempDir(), 'trials.json')
  const run = await runCliInProcess(
    ['sync', '--source', 'icreat', '--store', store, '--now', '2026-01-01T00:00:00Z'],
    env(),
  )
  expect(run.code, run.stderr).toBe(0)
  return store
}

describe('CLI text output is safe for a terminal', () => {
  it('show and list write no escape sequence or control character from registry text, and keep the words', async () => {
    const store = await syncedStore()
    const show = await runCliInProcess(['show', id, '--store', store], env())
    const list = await runCliInProcess(
      ['list', '--all', '--store', store, '--q', '붉은', '--now', '2026-01-02T00:00:00Z'],
      env(),
    )
    for (const run of [show, list]) {
      expect(run.code, run.stderr).toBe(0)
      expect(run.stdout).not.toMatch(RAW_CONTROL)
      expect(run.stdout).toContain('붉은')
      expect(run.stdout).toContain('끝')
    }
    expect(show.stdout).toMatch(/심부전 붉은 연구/)
    expect(show.stdout).not.toContain('owned')
  })

  it('JSON output still carries the registry text exactly (escaped by JSON)', async () => {
    const store = await syncedStore()
    const show = await runCliInProcess(['show', id, '--store', store, '--json'], env())
    expect(JSON.parse(show.stdout).fields['과제명']).toBe(HOSTILE_TITLE)
  })

  it('errors quoting a bad id are safe too', async () => {
    const store = await syncedStore()
    const run = await runCliInProcess(['show', 'icreat:\x1b]0;owned\x07X', '--store', store], env())
    expect(run.code).not.toBe(0)
    expect(run.stderr).not.toMatch(RAW_CONTROL)
  })
})

describe('terminalSafe', () => {
  it('drops escape sequences, shows other controls visibly, keeps tabs, newlines and Korean text', () => {
    expect(terminalSafe('a\x1b[1;31mb\x1b[0m\tc\nd')).toBe('ab\tc\nd')
    expect(terminalSafe('제목\x1b]0;title\x07끝')).toBe('제목끝')
    expect(terminalSafe('벨\x07')).toBe('벨\\x07')
    expect(terminalSafe('x\r\ny\rz')).toBe('x\ny\\x0dz')
    expect(terminalSafe('\u202eabc\x9b1m')).toBe('\\u202eabc\\u009b1m')
    // In a JSON document (control characters already escaped by JSON.stringify) it changes nothing but the form.
    const json = JSON.stringify({ title: '\x1b[31m빨강\x07\u202e\x9b' })
    expect(JSON.parse(terminalSafe(json))).toEqual(JSON.parse(json))
  })
})
