/**
 * The main process and the user's following, around the REAL core and store files: the one notification after a
 * sync (any trigger, or a CLI sync the app picks up), where its click leads, and user data surviving a recovery.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { openTrialDesk } from '../../electron/core/openTrialDesk'
import { openSettingsStore, settingsPathFor } from '../../electron/core/settings/settingsStore'
import type { Source } from '../../electron/core/sources/source'
import { createMemoryKeyStore } from '../../electron/main/key/serviceKeyStore'
import { followingNoticeText } from '../../electron/main/notify/followingNotice'
import { openLiveTrialDesk } from '../../electron/core/process/liveTrialDesk'
import { createCoreService } from '../../electron/core/process/coreService'
import { createSyncCoordinator, type SyncNotice } from '../../electron/main/sync/syncCoordinator'
import { createFakeSource, icreatRow } from '../fakes/fakeSource'
import { useTempDir } from '../helpers/tempStore'
import { manualScheduler, TEST_KEY } from '../fakes/testApp'

const tempDir = useTempDir()
const sourceConfig = { getServiceKey: () => TEST_KEY, timeoutMs: 1000, env: {} }

const rows = (status: Record<string, string> = {}) => [
  icreatRow('C1', { 과제명: '비소세포 폐암 2상 연구', status: status.C1 ?? '모집중' }),
  icreatRow('C2', { 과제명: '폐암 면역치료 2상', status: status.C2 ?? '모집중' }),
  icreatRow('C3', { 과제명: '심부전 등록 연구', status: status.C3 ?? '모집전' }),
  icreatRow('C4', { 과제명: '폐암 2상 신약', status: '모집중' }),
  icreatRow('C5', { 과제명: '당뇨 코호트', status: '모집중' }),
]

async function appAround(sources: Source[], language: 'ko' | 'en' = 'ko') {
  mkdirSync(join(tempDir(), 'Trial Desk'), { recursive: true })
  const storePath = join(tempDir(), 'Trial Desk', 'trials.json')
  const core = await openLiveTrialDesk({ storePath, open: () => openTrialDesk({ storePath, sources, sourceConfig }) })
  const settings = await openSettingsStore(settingsPathFor(storePath))
  await settings.update({ sources: { cris: { enabled: false } }, language })
  const events: Array<{ event: string; payload: any }> = []
  const notify = vi.fn((_notice: SyncNotice) => undefined)
  const sync = createSyncCoordinator({
    core: createCoreService(Promise.resolve(core)),
    settings,
    keyStore: createMemoryKeyStore(TEST_KEY),
    scheduler: manualScheduler(),
    notify,
    emit: (event, payload) => void events.push({ event, payload }),
  })
  return { storePath, core, sync, notify, events }
}

describe('the notification after a sync', () => {
  it('summarises saved-search counts and names a watched trial whose status changed, in one notification; the click opens the watched view', async () => {
    const icreat = createFakeSource({ rows: rows() })
    const app = await appAround([icreat.source])
    await app.sync.run('manual')
    await app.core.following.addSavedSearch({ name: '폐암 2상', query: { q: '폐암 2상' } })
    await app.core.following.watch('icreat:C3')
    expect(app.notify).not.toHaveBeenCalled()

    icreat.rows = rows({ C1: '모집완료', C2: '모집완료', C3: '모집중' })
    icreat.rows[3] = icreatRow('C4', { 과제명: '폐암 2상 신약', status: '모집중', 진료과: 'Oncology' })
    await app.sync.run('manual')
    expect(app.notify).toHaveBeenCalledTimes(1)
    const notice = app.notify.mock.calls[0][0]
    expect(notice.body).toBe(
      "관심 검색 '폐암 2상' 3건, 관심 임상시험 1건 상태 변경\n'심부전 등록 연구' 모집전 → 모집중",
    )
    notice.onClick()
    expect(app.events.at(-1)).toEqual({ event: 'app:navigate', payload: { screen: 'watched' } })
  })

  it('nothing matched: no notification, also after a manual sync that changed trials', async () => {
    const icreat = createFakeSource({ rows: rows() })
    const app = await appAround([icreat.source])
    await app.sync.run('manual')
    await app.core.following.addSavedSearch({ name: '당뇨', query: { q: '당뇨' } })
    await app.core.following.addSavedSearch({ name: '폐암', query: { q: '폐암' }, alerts: false })
    icreat.rows = rows({ C1: '모집완료' })
    await app.sync.run('manual')
    expect(app.notify).not.toHaveBeenCalled()
  })

  it('a CLI sync the app picks up is announced too; a click on a saved-search-only match opens that search', async () => {
    const icreat = createFakeSource({ rows: rows() })
    const app = await appAround([icreat.source], 'en')
    await app.sync.run('manual')
    await app.core.following.addSavedSearch({ name: 'diabetes', query: { q: '당뇨' } })
    icreat.rows = rows()
    icreat.rows[4] = icreatRow('C5', { 과제명: '당뇨 코호트', status: '모집완료' })
    const cli = await openTrialDesk({ storePath: app.storePath, sources: [icreat.source], sourceConfig })
    await cli.sync({ sources: ['icreat'], trigger: 'cli' })
    const reload = await app.core.refreshIfChangedOnDisk()
    await app.sync.announce(reload!.newEntries, 'cli')
    expect(app.notify).toHaveBeenCalledTimes(1)
    expect(app.notify.mock.calls[0][0]).toMatchObject({
      title: 'Trial Desk — followed',
      body: "Saved search 'diabetes': 1",
    })
    app.notify.mock.calls[0][0].onClick()
    expect(app.events.at(-1)).toEqual({ event: 'app:navigate', payload: { screen: 'saved', savedSearch: 'diabetes' } })
  })

  it('text: at most two searches and three status changes named, the rest counted; removed and restored said so', () => {
    const notice = followingNoticeText(
      {
        saved: [
          { name: 'a', count: 1 },
          { name: 'b', count: 2 },
          { name: 'c', count: 3 },
        ],
        watched: ['x:1', 'x:2', 'x:3', 'x:4', 'x:5'],
        statusChanges: [
          { id: 'x:1', title: '가', kind: 'removed', from: '모집중', to: null },
          { id: 'x:2', title: '나', kind: 'restored', from: null, to: '모집중' },
          { id: 'x:3', title: '다', kind: 'status', from: '모집중', to: '모집완료' },
          { id: 'x:4', title: '라', kind: 'status', from: null, to: '모집중' },
        ],
      },
      'ko',
    )
    expect(notice?.body).toBe(
      [
        "관심 검색 'a' 1건, 관심 검색 'b' 2건, 외 1개 검색, 관심 임상시험 4건 상태 변경, 관심 임상시험 1건 변경",
        "'가' 등록처에서 삭제됨",
        "'나' 다시 등록됨",
        "'다' 모집중 → 모집완료",
        '외 1건',
      ].join('\n'),
    )
    expect(followingNoticeText({ saved: [], watched: [], statusChanges: [] }, 'ko')).toBeNull()
  })
})

describe('user data and a trial-store recovery in the app', () => {
  it('the app reopening a damaged store keeps saved searches, stars and notes, and never writes user-data.json', async () => {
    const icreat = createFakeSource({ rows: rows() })
    const app = await appAround([icreat.source])
    await app.sync.run('manual')
    await app.sync.run('manual')
    await app.core.following.addSavedSearch({ name: '폐암', query: { q: '폐암' } })
    await app.core.following.watch('icreat:C3')
    await app.core.following.setNote('icreat:C3', '환자 B 등록')
    const userDataPath = join(app.storePath, '..', 'user-data.json')
    const before = readFileSync(userDataPath)
    writeFileSync(app.storePath, '{"schemaVersion":1,"trials":[\n{"id":') // power loss while something wrote it
    const reload = await app.core.refreshIfChangedOnDisk()
    expect(reload!.warnings.join(' ')).toMatch(/trial store was damaged/)
    expect(readFileSync(userDataPath)).toEqual(before)
    expect((await app.core.following.savedSearches()).map((s) => s.name)).toEqual(['폐암'])
    expect(app.core.get('icreat:C3')).toMatchObject({ watched: true, note: '환자 B 등록' })
    expect((await app.core.following.watched()).items.map((i) => i.id)).toEqual(['icreat:C3'])
  })
})
