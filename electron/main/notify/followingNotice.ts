/**
 * The one OS notification a sync gets when it brought something the user follows: counts per saved search (alerts
 * on), watched trials changed, and every watched trial whose status changed, by name. Electron-free.
 */
import type { StatusChange, SyncMatches } from '../../../shared/following'
import type { AppNavigation } from '../../../shared/ipc'
import type { Language } from '../../../shared/settings'

/** Saved searches named in the body; the rest are counted ("외 2개 검색"). */
const NAMED_SEARCHES = 2
/** Status changes named in the body; the rest are counted. */
const NAMED_STATUS_CHANGES = 3
const TITLE_CHARS = 40

export interface FollowingNotice {
  title: string
  body: string
  /** Where a click leads: the watched view when a watched trial changed, else the (first) matching saved search. */
  target: AppNavigation
}

const hasMatches = (m: SyncMatches) => m.saved.length > 0 || m.watched.length > 0

const shortTitle = (title: string) => (title.length > TITLE_CHARS ? `${title.slice(0, TITLE_CHARS - 1)}…` : title)

const WORDS = {
  ko: {
    title: '임상시험 데스크 — 관심 항목',
    search: (name: string, count: number) => `관심 검색 '${name}' ${count.toLocaleString('ko-KR')}건`,
    moreSearches: (n: number) => `외 ${n}개 검색`,
    statusChanged: (n: number) => `관심 임상시험 ${n}건 상태 변경`,
    changed: (n: number) => `관심 임상시험 ${n}건 변경`,
    status: (c: StatusChange) =>
      `'${shortTitle(c.title)}' ${
        c.kind === 'removed'
          ? '등록처에서 삭제됨'
          : c.kind === 'restored'
            ? '다시 등록됨'
            : `${c.from ?? '없음'} → ${c.to ?? '없음'}`
      }`,
    moreStatus: (n: number) => `외 ${n}건`,
  },
  en: {
    title: 'Trial Desk — followed',
    search: (name: string, count: number) => `Saved search '${name}': ${count.toLocaleString('en-US')}`,
    moreSearches: (n: number) => `${n} more ${n === 1 ? 'search' : 'searches'}`,
    statusChanged: (n: number) => `${n} watched ${n === 1 ? 'trial' : 'trials'} changed status`,
    changed: (n: number) => `${n} watched ${n === 1 ? 'trial' : 'trials'} changed`,
    status: (c: StatusChange) =>
      `'${shortTitle(c.title)}' ${
        c.kind === 'removed'
          ? 'removed by the registry'
          : c.kind === 'restored'
            ? 'listed again'
            : `${c.from ?? 'none'} → ${c.to ?? 'none'}`
      }`,
    moreStatus: (n: number) => `${n} more`,
  },
} as const

/** The notification for what a sync brought, or null when it brought nothing the user follows (then none is shown). */
export function followingNoticeText(matches: SyncMatches, language: Language): FollowingNotice | null {
  if (!hasMatches(matches)) return null
  const w = WORDS[language]
  const parts = matches.saved.slice(0, NAMED_SEARCHES).map((s) => w.search(s.name, s.count))
  if (matches.saved.length > NAMED_SEARCHES) parts.push(w.moreSearches(matches.saved.length - NAMED_SEARCHES))
  const statusIds = new Set(matches.statusChanges.map((c) => c.id))
  const otherChanged = matches.watched.filter((id) => !statusIds.has(id)).length
  if (statusIds.size > 0) parts.push(w.statusChanged(statusIds.size))
  if (otherChanged > 0) parts.push(w.changed(otherChanged))
  const named = matches.statusChanges.slice(0, NAMED_STATUS_CHANGES).map(w.status)
  if (matches.statusChanges.length > NAMED_STATUS_CHANGES)
    named.push(w.moreStatus(matches.statusChanges.length - NAMED_STATUS_CHANGES))
  const body = [parts.join(', '), ...named].join('\n')
  const target: AppNavigation =
    matches.watched.length > 0 ? { screen: 'watched' } : { screen: 'saved', savedSearch: matches.saved[0].name }
  return { title: w.title, body, target }
}
