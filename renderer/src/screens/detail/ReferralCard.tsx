import { useState, type ReactNode } from 'react'
import type { TrialDetail } from '../../../../shared/trials'
import { RecruitmentPill } from '../../components/RecruitmentPill'
import { useI18n } from '../../i18n/I18nContext'
import { call } from '../../lib/api'
import { referralFacts, referralSummary } from './referral'

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
  if (children === undefined || children === null || children === '') return null
  return (
    <div className="card-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  )
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
  ].filter(Boolean)

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
        <Fact label={t('card.conditions')}>{trial.conditions?.join(', ')}</Fact>
        <Fact label={t('card.targetSize')}>{trial.targetSize}</Fact>
        <Fact label={t('card.eligibility')}>{facts.eligibility}</Fact>
        <Fact label={t('card.sites')}>
          {sites.length > 0 && (
            <ul className="card-sites">
              {sites.map((s) => (
                <li key={`${s.name}|${s.sourceName}`} title={s.sourceName !== s.name ? s.sourceName : undefined}>
                  {(language === 'en' && s.nameEn) || s.name}
                </li>
              ))}
            </ul>
          )}
        </Fact>
        <Fact label={t('card.contact')}>{facts.contact}</Fact>
        <Fact label={t('card.investigator')}>{facts.investigator}</Fact>
        <Fact label={t('card.dates')}>{dates.length ? dates.join(' · ') : undefined}</Fact>
      </dl>
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
