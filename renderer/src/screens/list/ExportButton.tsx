import { useState } from 'react'
import { ErrorText } from '../../components/ErrorText'
import { useI18n } from '../../i18n/I18nContext'
import { formatNumber } from '../../i18n/format'
import { call, toAppError } from '../../lib/api'
import { exportQuery, type ListState } from '../../lib/query'
import type { AppError } from '../../../../shared/errors'

type ExportOutcome = { kind: 'saved'; rows: number; path: string } | { kind: 'cancelled' } | { kind: 'failed'; error: AppError }

/** Exports every page of the current filtered list as CSV, with headers in the UI language. */
export function ExportButton({ state, disabled }: { state: ListState; disabled: boolean }) {
  const { t, language } = useI18n()
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null)

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

  return (
    <span className="export">
      <button type="button" onClick={() => void run()} disabled={disabled || busy}>
        {t('export.button')}
      </button>
      <span className="export-result" role="status">
        {outcome?.kind === 'saved' && t('export.done', { rows: formatNumber(outcome.rows, language), path: outcome.path })}
        {outcome?.kind === 'cancelled' && t('export.cancelled')}
        {outcome?.kind === 'failed' && <ErrorText error={outcome.error} />}
      </span>
    </span>
  )
}
