/** Plain-text tables for the terminal. Hangul and other wide characters take two columns. */

const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u

export function displayWidth(text: string): number {
  let width = 0
  for (const ch of text.normalize('NFC')) width += WIDE.test(ch) ? 2 : 1
  return width
}

export function truncate(text: string, max: number): string {
  const clean = text.normalize('NFC').replace(/\s+/g, ' ').trim()
  if (displayWidth(clean) <= max) return clean
  let out = ''
  for (const ch of clean) {
    if (displayWidth(out + ch) > max - 1) break
    out += ch
  }
  return `${out}…`
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)))

export function renderTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))))
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i])))
      .join('  ')
      .trimEnd()
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}
