import type { ReactNode } from 'react'
import type { TrialSummary } from '../../../../shared/trials'
import { RecruitmentPill } from '../../components/RecruitmentPill'
import { RelativeTime } from '../../components/RelativeTime'
import { RegistryBadges } from '../detail/RegistryLinks'
import { departmentLabel } from '../../i18n/departmentNames'
import type { Translate } from '../../i18n/translate'
import { highlight } from '../../lib/highlight'
import { readersScriptFirst, siteLabel } from '../../lib/readersLanguage'
import type { Language } from '../../../../shared/settings'

export interface ColumnContext {
  t: Translate
  language: Language
  /** The sites the list is filtered by: a row names them first ("서울대학교병원 외 2곳", not another of its sites). */
  selectedSites: ReadonlySet<string>
}

/** One optional column of the list: shown only when some visible row has a value for it. */
export interface TrialColumn {
  id: 'recruitment' | 'phases' | 'sites' | 'conditions' | 'department' | 'source' | 'changedAt'
  header: (t: Translate) => string
  /** False when this row has nothing to show in the column. */
  has: (trial: TrialSummary) => boolean
  cell: (trial: TrialSummary, ctx: ColumnContext) => { content: ReactNode; title?: string }
  /** Names (hospitals, diseases) run to two lines instead of being cut after a few letters in a narrow column. */
  wraps?: true
}

export const TRIAL_COLUMNS: TrialColumn[] = [
  {
    id: 'recruitment',
    header: (t) => t('col.recruitment'),
    has: (trial) => Boolean(trial.recruitment),
    cell: (trial) => ({
      content: trial.recruitment ? <RecruitmentPill status={trial.recruitment} sourceWording={trial.status} /> : null,
    }),
  },
  {
    id: 'phases',
    header: (t) => t('col.phases'),
    has: (trial) => Boolean(trial.phases?.length),
    cell: (trial, { t }) => {
      const text = (trial.phases ?? []).map((p) => t(`trialPhase.${p}`)).join(' · ')
      return { content: text, title: trial.phase ? `${text} (${trial.phase})` : text }
    },
  },
  {
    id: 'sites',
    wraps: true,
    header: (t) => t('col.sites'),
    has: (trial) => Boolean(trial.sites?.length),
    cell: (trial, { t, language, selectedSites }) => {
      const all = trial.sites ?? []
      if (all.length === 0) return { content: null }
      const sites =
        selectedSites.size === 0
          ? all
          : [...all.filter((s) => selectedSites.has(s.name)), ...all.filter((s) => !selectedSites.has(s.name))]
      const first = siteLabel(sites[0], language)
      // On hover: every site, with the registry's own spelling where it differs.
      const title = sites
        .map((s) =>
          s.sourceName && s.sourceName !== s.name
            ? `${siteLabel(s, language)} (${s.sourceName})`
            : siteLabel(s, language),
        )
        .join('\n')
      return {
        content: sites.length > 1 ? t('list.sitesMore', { site: first, count: sites.length - 1 }) : first,
        title,
      }
    },
  },
  {
    id: 'conditions',
    wraps: true,
    header: (t) => t('col.conditions'),
    has: (trial) => Boolean(trial.conditions?.length),
    cell: (trial, { language }) => {
      // The reader's language first: the column is narrow and the second name is often cut.
      const text = readersScriptFirst(trial.conditions ?? [], language).join(', ')
      return { content: highlight(text, trial.matchedTerms), title: text }
    },
  },
  {
    id: 'department',
    wraps: true,
    header: (t) => t('col.department'),
    has: (trial) => Boolean(trial.department),
    cell: (trial, { language }) => {
      const english = trial.department
      if (!english) return { content: null }
      const shown = departmentLabel(english, language)
      return { content: shown, title: shown === english ? english : `${shown} (${english})` }
    },
  },
  {
    id: 'source',
    header: (t) => t('col.source'),
    has: () => true,
    // A trial registered in several registries (one row per trial) carries each registry's badge.
    cell: (trial) => ({ content: <RegistryBadges source={trial.source} linkedIds={trial.linkedIds} compact /> }),
  },
  {
    id: 'changedAt',
    header: (t) => t('col.changedAt'),
    has: () => true,
    cell: (trial) => ({ content: <RelativeTime iso={trial.changedAt} short withDay /> }),
  },
]

/** Columns worth showing for these rows: no column empty for every row, and 출처 only when rows name 2+ registries. */
export function visibleColumns(items: readonly TrialSummary[]): TrialColumn[] {
  const sources = new Set(
    items.flatMap((i) => [i.source, ...(i.linkedIds ?? []).map((id) => id.slice(0, id.indexOf(':')))]),
  )
  return TRIAL_COLUMNS.filter((c) => (c.id === 'source' ? sources.size > 1 : items.some(c.has)))
}
