import { useEffect, useState } from 'react'
import { ErrorText } from '../../components/ErrorText'
import { Toast } from '../../components/Toast'
import { useI18n } from '../../i18n/I18nContext'
import { formatNumber } from '../../i18n/format'
import { call, toAppError } from '../../lib/api'
import { exportQuery, type ListState } from '../../lib/query'
import type { AppError } from '../../../../shared/errors'

type ExportOutcome =
  { kind: 'saved'; rows: number; path: string } | { kind: 'cancelled' } | { kind: 'failed'; error: AppError }

/**
 * Exports every page of the current filtered list as CSV, with headers in the UI language. The outcome is a toast
 * ("폴더 열기" shows the file); it goes away when the filters change, since it described the list as it was.
 */
export function ExportButton({ state, disabled }: { state: ListState; disabled: boolean }) {
  const { t, language } = useI18n()
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null)

  useEffect(() => setOutcome(null), [state])

  const run = async () => {
    setBusy(true)
    setOutcome(null)
    try {
      const result = await call('exportCsv', { query: exportQuery(state), language })
      setOutcome(result.path ? { kind: 'saved', rows: result.rows, path: result.path } : { kind: 'cancelled' })
    } catch (e) {
      setOutcome({ kind: 'failed', error: toAppError(e) })
    } finally {
      setBusy(false)
    }
  }

  const dismiss = () => setOutcome(null)
  return (
    <>
      <button type="button" onClick={() => void run()} disabled={disabled || busy}>
        {t('export.button')}
      </button>
      {outcome?.kind === 'saved' && (
        <Toast
          onDismiss={dismiss}
          actions={
            <button type="button" onClick={() => void call('showExportedFile', outcome.path).catch(() => undefined)}>
              {t('export.openFolder')}
            </button>
          }
        >
          {t('export.done', { rows: formatNumber(outcome.rows, language), path: outcome.path })}
        </Toast>
      )}
      {outcome?.kind === 'cancelled' && <Toast onDismiss={dismiss}>{t('export.cancelled')}</Toast>}
      {outcome?.kind === 'failed' && (
        <Toast tone="error" onDismiss={dismiss}>
          <ErrorText error={outcome.error} />
        </Toast>
      )}
    </>
  )
}
