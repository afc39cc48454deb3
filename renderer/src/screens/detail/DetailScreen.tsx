import { useEffect, useRef, useState } from 'react'
import type { SourceId } from '../../../../shared/trials'
import { ChangeBadge } from '../../components/ChangeBadge'
import { ErrorText } from '../../components/ErrorText'
import { RelativeTime } from '../../components/RelativeTime'
import { Trans } from '../../components/Trans'
import { useApiQuery } from '../../hooks/useApiQuery'
import { call } from '../../lib/api'
import { useI18n } from '../../i18n/I18nContext'
import { ctgovValueLabel } from '../../i18n/ctgovValues'
import { fieldLabel, isMessageKey } from '../../i18n/translate'
import { FieldValue } from './FieldValue'
import { groupFields } from './fieldGroups'
import { HistoryTimeline } from './HistoryTimeline'
import { ReferralCard } from './ReferralCard'
import { KoreanSites } from './KoreanSites'
import { OtherRegistrations, RegistryBadges } from './RegistryLinks'
import { NoteEditor } from '../../following/NoteEditor'
import { StarButton } from '../../following/StarButton'
import './detail.css'

/**
 * The registry's required attribution. The registry's own (Korean) wording is what the licence asks for, so it is
 * always shown; an English reader also gets it translated first.
 */
function AttributionText({ source, text }: { source: string; text: string }) {
  const { t, language } = useI18n()
  const key = `attribution.${source}`
  if (language === 'ko' || !isMessageKey(key)) return <p>{text}</p>
  return (
    <>
      <p>{t(key)}</p>
      <p className="muted" lang="ko">
        {text}
      </p>
    </>
  )
}

type WordsFor = (code: string) => string | null

function FieldRows({
  fields,
  names,
  wordsFor,
}: {
  fields: Record<string, unknown>
  names: string[]
  wordsFor?: WordsFor
}) {
  const { t } = useI18n()
  return (
    <dl className="fields">
      {names.map((name) => (
        <div key={name} className="field-row">
          <dt title={name}>{fieldLabel(t, name)}</dt>
          <dd>
            <FieldValue value={fields[name]} wordsFor={wordsFor} />
          </dd>
        </div>
      ))}
    </dl>
  )
}

/** Every registry field, grouped, each once; empty ones behind "빈 항목 n개 보기". */
function GroupedFieldList({ fields, source }: { fields: Record<string, unknown>; source: SourceId }) {
  const { t, language } = useI18n()
  // ClinicalTrials.gov's coded values (INTERVENTIONAL, PHASE2, …) in words; the other registries write words.
  const wordsFor: WordsFor | undefined = source === 'ctgov' ? (code) => ctgovValueLabel(code, language, t) : undefined
  const [showEmpty, setShowEmpty] = useState(false)
  const { groups, empty } = groupFields(fields)
  return (
    <>
      {groups.map(({ group, names }) => (
        <div key={group} className="field-group">
          <h3>{t(`detail.group.${group}`)}</h3>
          <FieldRows fields={fields} names={names} wordsFor={wordsFor} />
        </div>
      ))}
      {empty.length > 0 && (
        <div className="field-group">
          <button
            type="button"
            className="button-link"
            aria-expanded={showEmpty}
            onClick={() => setShowEmpty(!showEmpty)}
          >
            {t(showEmpty ? 'detail.hideEmpty' : 'detail.showEmpty', { count: empty.length })}
          </button>
          {showEmpty && <FieldRows fields={fields} names={empty} wordsFor={wordsFor} />}
        </div>
      )}
    </>
  )
}

export function DetailScreen({
  id,
  dataVersion,
  onBack,
  onFollowingChanged,
  onOpen,
}: {
  id: string
  dataVersion: number
  onBack: () => void
  /** After a star or a note changed here (the sidebar's counts and this trial reload). */
  onFollowingChanged?: () => void
  /** Opens another trial in the app (the same trial's record in another registry). */
  onOpen?: (id: string) => void
}) {
  const { t } = useI18n()
  const { data: trial, error } = useApiQuery('getTrial', [id], [id, dataVersion])
  const heading = useRef<HTMLHeadingElement>(null)

  // Screen readers and keyboard users land on the title.
  useEffect(() => heading.current?.focus(), [trial?.id])

  return (
    <article className="detail-screen">
      <button type="button" className="button-quiet back" onClick={onBack}>
        ← {t('detail.back')}
      </button>
      {error && (
        <p className="inline-error" role="alert">
          <ErrorText error={error} />
        </p>
      )}
      {!trial && !error && <p className="loading">{t('common.loading')}</p>}
      {trial && (
        <>
          <header className="detail-header">
            <div className="detail-meta">
              <ChangeBadge kind={trial.changeKind} />
              <span className="detail-id">{trial.sourceId}</span>
              <RegistryBadges source={trial.source} linkedIds={trial.linkedIds} />
              {trial.detailsPending && <span className="pending-mark">{t('list.detailsPending')}</span>}
              {onFollowingChanged && (
                <StarButton
                  watched={Boolean(trial.watched)}
                  onToggle={() =>
                    void call(trial.watched ? 'unwatchTrial' : 'watchTrial', trial.id).then(
                      onFollowingChanged,
                      () => undefined,
                    )
                  }
                />
              )}
            </div>
            <h1 ref={heading} tabIndex={-1}>
              {trial.title}
            </h1>
            {trial.titleEn && trial.titleEn !== trial.title && (
              <p className="title-en" lang="en">
                {trial.titleEn}
              </p>
            )}
            <dl className="detail-dates">
              <div>
                <dt>{t('detail.firstSeen')}</dt>
                <dd>
                  <RelativeTime iso={trial.firstSeenAt} withDay />
                </dd>
              </div>
              <div>
                <dt>{t('detail.lastChanged')}</dt>
                <dd>
                  <RelativeTime iso={trial.changedAt} withDay />
                </dd>
              </div>
              <div>
                <dt>{t('detail.lastSeen')}</dt>
                <dd>
                  <RelativeTime iso={trial.lastSeenAt} withDay />
                </dd>
              </div>
            </dl>
            {trial.removedAt && (
              <p className="notice">
                <Trans k="detail.removedNotice" values={{ when: <RelativeTime iso={trial.removedAt} /> }} />
              </p>
            )}
            {trial.detailsPending && <p className="notice">{t('detail.detailsPending')}</p>}
            {onOpen && (
              <OtherRegistrations
                linkedIds={trial.linkedIds}
                recruitment={trial.recruitment}
                dataVersion={dataVersion}
                onOpen={onOpen}
              />
            )}
          </header>
          <ReferralCard trial={trial} />
          {trial.source === 'ctgov' && <KoreanSites fields={trial.fields} sites={trial.sites} />}

          <div className="detail-body">
            <section className="detail-fields" aria-labelledby="fields-heading">
              <h2 id="fields-heading">{t('detail.fields')}</h2>
              <GroupedFieldList fields={trial.fields} source={trial.source} />
            </section>
            <aside className="detail-side">
              {onFollowingChanged && (
                <NoteEditor id={trial.id} note={trial.note ?? null} onSaved={onFollowingChanged} />
              )}
              <section aria-labelledby="history-heading">
                <h2 id="history-heading">{t('detail.history')}</h2>
                <HistoryTimeline history={trial.history} />
              </section>
              <section className="attribution" aria-labelledby="attribution-heading">
                <h2 id="attribution-heading">{t('detail.attribution')}</h2>
                <AttributionText source={trial.source} text={trial.attribution.text} />
                <p>{t('detail.licence', { licence: trial.attribution.licence })}</p>
                <button
                  type="button"
                  className="button-link"
                  onClick={() => void call('openExternal', trial.attribution.url).catch(() => undefined)}
                >
                  {t('detail.openSource')} ↗
                </button>
              </section>
            </aside>
          </div>
        </>
      )}
    </article>
  )
}
