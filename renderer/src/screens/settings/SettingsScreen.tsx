import { useEffect, useState } from 'react'
import type { AppInfo } from '../../../../shared/ipc'
import type { Language, PreferredRegistry, Settings } from '../../../../shared/settings'
import type { SourceId } from '../../../../shared/trials'
import { RelativeTime } from '../../components/RelativeTime'
import { SelectField } from '../../components/SelectField'
import { Trans } from '../../components/Trans'
import type { SyncState } from '../../hooks/useSync'
import { useI18n } from '../../i18n/I18nContext'
import { formatBytes, formatNumber } from '../../i18n/format'
import { call } from '../../lib/api'
import { KEYLESS_SOURCES, PREFERRED_REGISTRIES } from '../../lib/sources'
import { PAGE_SIZES, WINDOW_CHOICES, type PageSize, type WindowChoice } from '../../lib/query'
import { ServiceKeySection } from './ServiceKeySection'
import './settings.css'

const LANGUAGES: Language[] = ['ko', 'en']

export function SettingsScreen({
  settings,
  onChange,
  sync,
}: {
  settings: Settings
  onChange: (patch: Partial<Settings>) => void
  sync: SyncState
}) {
  const { t, language } = useI18n()
  const [info, setInfo] = useState<AppInfo | null>(null)

  useEffect(() => {
    call('getAppInfo').then(setInfo, () => setInfo(null))
  }, [sync.dataVersion])

  const storePath = info?.storePath ?? sync.status?.storePath
  const storeBytes = info?.storeBytes ?? sync.status?.storeBytes

  return (
    <div className="settings-screen">
      <h1>{t('settings.title')}</h1>
      <div className="settings-grid">
        <ServiceKeySection onKeyChanged={() => void sync.refresh()} />

        <section className="settings-section" aria-labelledby="schedule-heading">
          <h2 id="schedule-heading">{t('settings.schedule.heading')}</h2>
          <label className="check">
            <input
              type="checkbox"
              checked={settings.schedule.enabled}
              onChange={(e) => onChange({ schedule: { ...settings.schedule, enabled: e.target.checked } })}
            />
            {t('settings.schedule.enabled')}
          </label>
          <label className="field">
            {t('settings.schedule.time')}
            <input
              type="time"
              value={settings.schedule.time}
              disabled={!settings.schedule.enabled}
              onChange={(e) => e.target.value && onChange({ schedule: { ...settings.schedule, time: e.target.value } })}
            />
          </label>
          {settings.schedule.enabled && sync.status?.nextScheduledAt && (
            <p className="muted" data-testid="next-sync">
              <Trans k="sync.nextScheduled" values={{ when: <RelativeTime iso={sync.status.nextScheduledAt} /> }} />
            </p>
          )}
          <h2>{t('settings.sources.heading')}</h2>
          {(Object.keys(settings.sources) as SourceId[]).map((source) => (
            <label key={source} className="check">
              <input
                type="checkbox"
                checked={settings.sources[source]?.enabled ?? true}
                onChange={(e) =>
                  onChange({ sources: { ...settings.sources, [source]: { enabled: e.target.checked } } })
                }
              />
              {t('settings.sources.enabled', { source: t(`source.${source}`) })}
              {KEYLESS_SOURCES.includes(source) && <span className="muted"> · {t('settings.sources.noKey')}</span>}
            </label>
          ))}
          <SelectField<PreferredRegistry>
            label={t('settings.preferredRegistry')}
            value={settings.preferredRegistry}
            options={PREFERRED_REGISTRIES.map((r) => ({ value: r, label: t(`source.${r}`) }))}
            onChange={(preferredRegistry) => onChange({ preferredRegistry })}
          />
          <p className="muted">{t('settings.preferredRegistry.help')}</p>
          <div>
            <button
              type="button"
              disabled={sync.syncing || !settings.sources.ctgov?.enabled}
              onClick={() => void sync.syncNow({ sources: ['ctgov'], fullResync: true })}
            >
              {t('settings.fullResync')}
            </button>
          </div>
          <p className="muted">{t('settings.fullResync.help')}</p>
          <SelectField<number>
            label={t('settings.crisDetailBudget')}
            value={settings.crisDetailBudget}
            disabled={!settings.sources.cris?.enabled}
            options={detailBudgetChoices(settings.crisDetailBudget).map((n) => ({
              value: n,
              label: formatNumber(n, settings.language),
            }))}
            onChange={(crisDetailBudget) => onChange({ crisDetailBudget })}
          />
          <p className="muted">{t('settings.crisDetailBudget.help')}</p>
        </section>

        <section className="settings-section" aria-labelledby="view-heading">
          <h2 id="view-heading">{t('settings.view.heading')}</h2>
          <SelectField<Language>
            label={t('settings.language')}
            value={settings.language}
            options={LANGUAGES.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
            onChange={(language) => onChange({ language })}
          />
          <SelectField<WindowChoice>
            label={t('settings.defaultWindow')}
            value={settings.defaultWithinDays as WindowChoice}
            options={WINDOW_CHOICES.map((d) => ({ value: d, label: t(d === null ? 'window.all' : `window.${d}`) }))}
            onChange={(defaultWithinDays) => onChange({ defaultWithinDays })}
          />
          <SelectField<PageSize>
            label={t('settings.pageSize')}
            value={settings.pageSize as PageSize}
            options={PAGE_SIZES.map((size) => ({ value: size, label: String(size) }))}
            onChange={(pageSize) => onChange({ pageSize })}
          />
        </section>

        <section className="settings-section" aria-labelledby="data-heading">
          <h2 id="data-heading">{t('settings.data.heading')}</h2>
          <dl className="facts">
            <div>
              <dt>{t('settings.data.path')}</dt>
              <dd className="path">{storePath ?? ''}</dd>
            </div>
            <div>
              <dt>{t('settings.data.size')}</dt>
              <dd>{storeBytes !== undefined ? formatBytes(storeBytes, language) : ''}</dd>
            </div>
            <div>
              <dt>{t('settings.data.logFolder')}</dt>
              <dd className="path">{info?.logFolder ?? ''}</dd>
            </div>
          </dl>
          <ul className="plain-list">
            {sync.status?.sources.map((s) => (
              <li key={s.source}>
                {t('settings.data.counts', {
                  source: t(`source.${s.source}`),
                  active: formatNumber(s.counts.active, language),
                  removed: formatNumber(s.counts.removed, language),
                })}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  )
}

/** A development key allows 10,000 calls a day; a CRIS listing takes about 251 of them. */
const DETAIL_BUDGETS = [500, 1000, 2000, 5000, 9000]
function detailBudgetChoices(current: number): number[] {
  return DETAIL_BUDGETS.includes(current) ? DETAIL_BUDGETS : [...DETAIL_BUDGETS, current].sort((a, b) => a - b)
}
