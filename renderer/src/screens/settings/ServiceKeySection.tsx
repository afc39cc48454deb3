import { useEffect, useState, type FormEvent } from 'react'
import type { AppError } from '../../../../shared/errors'
import type { KeyTestResult } from '../../../../shared/ipc'
import type { KeyInfo } from '../../../../shared/settings'
import { ErrorText } from '../../components/ErrorText'
import { useI18n } from '../../i18n/I18nContext'
import { formatNumber } from '../../i18n/format'
import { call, toAppError } from '../../lib/api'

type Notice =
  | { kind: 'saved' | 'cleared' }
  | { kind: 'error'; error: AppError }
  | { kind: 'testing' }
  | { kind: 'tested'; result: KeyTestResult }

/** Paste / clear / test the data.go.kr key. The renderer never reads the key back: only its last 4 characters. */
export function ServiceKeySection({ onKeyChanged }: { onKeyChanged: () => void }) {
  const { t, language } = useI18n()
  const [info, setInfo] = useState<KeyInfo | null>(null)
  const [draft, setDraft] = useState('')
  const [notice, setNotice] = useState<Notice | null>(null)

  useEffect(() => {
    call('getKeyInfo').then(setInfo, (e) => setNotice({ kind: 'error', error: toAppError(e) }))
  }, [])

  const save = async (e: FormEvent) => {
    e.preventDefault()
    const key = draft.trim()
    if (!key) return
    try {
      setInfo(await call('setServiceKey', key))
      setDraft('') // the pasted key does not stay in the page
      setNotice({ kind: 'saved' })
      onKeyChanged()
    } catch (err) {
      setNotice({ kind: 'error', error: toAppError(err) })
    }
  }

  const clear = async () => {
    try {
      setInfo(await call('clearServiceKey'))
      setNotice({ kind: 'cleared' })
      onKeyChanged()
    } catch (err) {
      setNotice({ kind: 'error', error: toAppError(err) })
    }
  }

  const test = async () => {
    setNotice({ kind: 'testing' })
    try {
      setNotice({ kind: 'tested', result: await call('testServiceKey') })
    } catch (err) {
      setNotice({ kind: 'error', error: toAppError(err) })
    }
  }

  return (
    <section className="settings-section" aria-labelledby="key-heading">
      <h2 id="key-heading">{t('settings.key.heading')}</h2>
      <p className="help">{t('settings.key.help')}</p>
      <p className="key-current" data-testid="key-current">
        {info?.isSet ? t('settings.key.current', { last4: info.last4 ?? '' }) : t('settings.key.none')}
      </p>
      <form className="key-form" onSubmit={(e) => void save(e)}>
        <label htmlFor="service-key">{t('settings.key.input')}</label>
        <input
          id="service-key"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" className="button-primary" disabled={!draft.trim()}>
          {t('settings.key.save')}
        </button>
      </form>
      <div className="button-row">
        <button type="button" onClick={() => void test()} disabled={!info?.isSet || notice?.kind === 'testing'}>
          {t('settings.key.test')}
        </button>
        <button type="button" onClick={() => void clear()} disabled={!info?.isSet}>
          {t('settings.key.clear')}
        </button>
      </div>
      <p className="key-notice" role="status">
        {notice?.kind === 'saved' && t('settings.key.saved')}
        {notice?.kind === 'cleared' && t('settings.key.cleared')}
        {notice?.kind === 'testing' && t('settings.key.testing')}
        {notice?.kind === 'error' && <ErrorText error={notice.error} />}
        {notice?.kind === 'tested' && notice.result.sources && notice.result.sources.length > 0 && (
          <span className="key-test-results">
            {notice.result.sources.map((r) => (
              <span key={r.source} className={r.ok ? 'ok-text' : undefined} data-testid={`key-test-${r.source}`}>
                {t(`source.${r.source}`)}:{' '}
                {r.ok ? (
                  t('settings.key.testSourceOk', { count: formatNumber(r.totalCount ?? 0, language) })
                ) : (
                  <ErrorText error={r.error ?? { code: 'INTERNAL', message: '' }} />
                )}
              </span>
            ))}
          </span>
        )}
        {notice?.kind === 'tested' &&
          !notice.result.sources?.length &&
          (notice.result.ok ? (
            <span className="ok-text">
              {notice.result.totalCount !== undefined
                ? t('settings.key.testOk', { count: formatNumber(notice.result.totalCount, language) })
                : t('settings.key.testOkPlain')}
            </span>
          ) : (
            <ErrorText error={notice.result.error ?? { code: 'INTERNAL', message: '' }} />
          ))}
      </p>
    </section>
  )
}
