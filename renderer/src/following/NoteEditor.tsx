import { useEffect, useState } from 'react'
import type { AppError } from '../../../shared/errors'
import { ErrorText } from '../components/ErrorText'
import { useI18n } from '../i18n/I18nContext'
import { formatNumber } from '../i18n/format'
import { call, toAppError } from '../lib/api'

/** Mirrors NOTE_MAX_CHARS (shared/following.ts): the renderer imports only types from shared/. */
export const NOTE_MAX = 10_000

/** The private note on a trial: plain text, kept on this computer only, searchable and in the CSV. */
export function NoteEditor({
  id,
  note,
  onSaved,
}: {
  id: string
  note: string | null
  onSaved: (note: string | null) => void
}) {
  const { t, language } = useI18n()
  const [text, setText] = useState(note ?? '')
  const [saving, setSaving] = useState(false)
  const [saved, setSaved] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  // The saved note comes back with the reloaded trial: show it, and keep "Saved" until another trial or an edit.
  useEffect(() => setText(note ?? ''), [id, note])
  useEffect(() => setSaved(false), [id])

  const save = async (next: string | null) => {
    setSaving(true)
    try {
      const result = await call('setNote', id, next)
      setText(result.note ?? '')
      setSaved(true)
      setError(null)
      onSaved(result.note)
    } catch (e) {
      setError(toAppError(e))
    } finally {
      setSaving(false)
    }
  }

  const changed = text !== (note ?? '')
  return (
    <section className="note-editor" aria-labelledby="note-heading">
      <h2 id="note-heading">{t('note.label')}</h2>
      <p className="muted note-hint">{t('note.hint')}</p>
      <textarea
        value={text}
        maxLength={NOTE_MAX}
        rows={5}
        aria-labelledby="note-heading"
        placeholder={t('note.placeholder')}
        onChange={(e) => {
          setText(e.target.value)
          setSaved(false)
        }}
      />
      <div className="note-actions">
        <span className="muted note-count">
          {t('note.count', { count: formatNumber(text.length, language), max: formatNumber(NOTE_MAX, language) })}
        </span>
        {saved && !changed && (
          <span className="note-saved" role="status">
            {t('note.saved')}
          </span>
        )}
        {note !== null && (
          <button type="button" className="button-quiet" disabled={saving} onClick={() => void save(null)}>
            {t('note.clear')}
          </button>
        )}
        <button type="button" className="button-primary" disabled={saving || !changed} onClick={() => void save(text)}>
          {t('note.save')}
        </button>
      </div>
      {error && (
        <p className="inline-error" role="alert">
          <ErrorText error={error} />
        </p>
      )}
    </section>
  )
}
