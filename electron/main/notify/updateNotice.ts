import type { Language } from '../../../shared/settings'
import type { SyncLogEntry } from '../../../shared/trials'

/** Trials that a user would call "updated": new, changed or back after removal, in successful syncs only. */
export function countChangedTrials(entries: readonly SyncLogEntry[]): number {
  return entries.filter((e) => e.ok).reduce((n, e) => n + e.created + e.updated + (e.restored ?? 0), 0)
}

export function updateNoticeText(count: number, language: Language): { title: string; body: string } {
  return language === 'ko'
    ? { title: '임상시험 데스크', body: `임상시험 ${count.toLocaleString('ko-KR')}건이 갱신되었습니다` }
    : { title: 'Trial Desk', body: `${count.toLocaleString('en-US')} ${count === 1 ? 'trial' : 'trials'} updated` }
}
