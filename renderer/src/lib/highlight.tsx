import type { ReactNode } from 'react'

/**
 * `text` with every occurrence of `terms` (case-insensitive; the core's matched terms, synonyms included) wrapped
 * in <mark>. Overlapping terms merge into one mark.
 */
export function highlight(text: string, terms: readonly string[] | undefined): ReactNode {
  if (!terms?.length || !text) return text
  const lower = text.toLowerCase()
  const marked = new Uint8Array(text.length)
  for (const term of terms) {
    const needle = term.toLowerCase()
    if (!needle) continue
    for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length))
      marked.fill(1, at, at + needle.length)
  }
  const parts: ReactNode[] = []
  let start = 0
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || marked[i] !== marked[start]) {
      const piece = text.slice(start, i)
      parts.push(marked[start] ? <mark key={start}>{piece}</mark> : piece)
      start = i
    }
  }
  return parts.length === 1 ? parts[0] : parts
}
