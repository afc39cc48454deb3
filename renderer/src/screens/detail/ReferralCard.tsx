import { Fragment, useState, type ReactNode } from 'react'
import type { TrialDetail } from '../../../../shared/trials'
import { RecruitmentPill } from '../../components/RecruitmentPill'
import { departmentLabel } from '../../i18n/departmentNames'
import { useI18n } from '../../i18n/I18nContext'
import { siteLabel } from '../../lib/readersLanguage'
import { call } from '../../lib/api'
import { conditionsText, referralFacts, referralSummary } from './referral'

async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) return navigator.clipboard.writeText(text)
  const area = document.createElement('textarea')
  area.value = text
  document.body.append(area)
  area.select()
  document.execCommand('copy')
  area.remove()
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  if (children === undefined || children === null || children === '' || children === false) return null
  return (
    <div className="card-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  )
}

/**
 * Parts joined by " · ", each kept on one line when short (a phone number, "start 22 May 2019"); lines break after
 * a dot.
 */
function Parts({ parts }: { parts: readonly string[] }) {
  return parts.map((part, i) => (
    <Fragment key={i}>
      <span className={part.length <= 24 ? 'nowrap' : undefined}>{part}</span>
      {i < parts.length - 1 && '\u00a0· '}
    </Fragment>
  ))
}

/**
 * The top of the detail, as a referral card: can my patient join, where, who to call. Normalised values in the
 * reader's language; the registry's own wording on hover (status, site names).
 */
export function ReferralCard({ trial }: { trial: TrialDetail }) {
  const { t, language } = useI18n()
  const [copied, setCopied] = useState(false)
  const facts = referralFacts(trial, language)
  const sites = trial.sites ?? []
  const dates = [
    facts.registered && `${t('card.registered')} ${facts.registered}`,
    facts.start && `${t('card.start')} ${facts.start}`,
    facts.end && `${t('card.end')} ${facts.end}`,
    !facts.start && !facts.end && facts.period && `${t('card.period')} ${facts.period}`,
  ].filter((d): d is string => Boolean(d))

  const copy = async () => {
    await copyText(referralSummary(trial, t, language))
    setCopied(true)
  }

  return (
    <section className="referral-card" aria-label={t('card.label')}>
      <dl className="card-facts">
        <Fact label={t('card.status')}>
          {trial.recruitment ? (
            <RecruitmentPill status={trial.recruitment} sourceWording={trial.status} />
          ) : (
            trial.status
          )}
        </Fact>
        <Fact label={t('card.phases')}>{trial.phases?.map((p) => t(`trialPhase.${p}`)).join(' · ')}</Fact>
        <Fact label={t('card.conditions')}>{conditionsText(trial, language)}</Fact>
        <Fact label={t('card.department')}>
          {trial.department && <span title={trial.department}>{departmentLabel(trial.department, language)}</span>}
        </Fact>
        <Fact label={t('card.targetSize')}>{trial.targetSize}</Fact>
        <Fact label={t('card.eligibility')}>{facts.eligibility}</Fact>
        <Fact label={t('card.sites')}>
          {sites.length > 0 && (
            <ul className="card-sites">
              {sites.map((s) => (
                <li key={`${s.name}|${s.sourceName}`} title={s.sourceName !== s.name ? s.sourceName : undefined}>
                  {siteLabel(s, language)}
                </li>
              ))}
            </ul>
          )}
        </Fact>
        <Fact label={t('card.contact')}>{facts.contact && <Parts parts={facts.contact.split(' · ')} />}</Fact>
        <Fact label={t('card.investigator')}>{facts.investigator}</Fact>
        <Fact label={t('card.dates')}>{dates.length ? <Parts parts={dates} /> : undefined}</Fact>
      </dl>
      {facts.openPastEnd && trial.recruitment && (
        <p className="card-warning" role="note">
          {t('card.openPastEnd', { status: t(`recruitment.${trial.recruitment}`), end: facts.end ?? '' })}
        </p>
      )}
      <div className="card-actions">
        <button type="button" className="button-primary" onClick={() => void copy()}>
          {t('card.copy')}
        </button>
        <button type="button" onClick={() => void call('openExternal', trial.attribution.url).catch(() => undefined)}>
          {t('card.registry')} ↗
        </button>
        <span role="status" className="muted">
          {copied ? t('card.copied') : ''}
        </span>
      </div>
    </section>
  )
}
