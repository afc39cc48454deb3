/** Conditions as a source names them → a clean list (CRIS hc_code_kr / hc_code_en: one or several, separated). */

/**
 * Splits "당뇨병; 고혈압" / "Diabetes, Hypertension" / one per line into names; code-only parts are kept as written.
 * A list (ClinicalTrials.gov conditions, MeSH terms) is already one name per element, and its names may hold commas
 * ("Carcinoma, Non-Small-Cell Lung"): elements are kept whole.
 */
export function conditionNamesOf(...values: unknown[]): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const value of values) {
    const whole = Array.isArray(value)
    const parts = whole ? value : [value]
    for (const part of parts) {
      if (typeof part !== 'string') continue
      const text = part.normalize('NFC')
      for (const piece of whole ? [text] : text.split(/\s*(?:[;\n\r|]|,(?![^(]*\)))\s*/)) {
        const name = piece.replace(/\s+/g, ' ').trim()
        const key = name.toLowerCase()
        if (name === '' || seen.has(key)) continue
        seen.add(key)
        out.push(name)
      }
    }
  }
  return out
}
