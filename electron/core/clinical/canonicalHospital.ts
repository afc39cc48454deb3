/**
 * Hospital names → one canonical name per hospital (CRIS sites and sponsors, iCReaT 연구책임기관, ClinicalTrials.gov
 * facility names). The curated table (data/hospitals.ts) decides for the hospitals it knows; for the rest, the rules
 * here clean the name (spacing, corporate prefixes) and it passes through.
 */
import type { SiteRef } from '../../../shared/clinical'
import { HOSPITALS, type HospitalEntry } from './data/hospitals'

/** Leading corporate forms: (재), 재단법인, 의료법인, 학교법인, 사회복지법인, (의), (학), (사) … */
const CORPORATE_PREFIX =
  /^(?:\((?:재|의|학|사|재단|의료|학교|사단)\)|재단법인|의료법인|학교법인|사회복지법인|사단법인|국립대학법인)\s*/
/** A foundation or school corporation's own name in front of the hospital's ("아산사회복지재단 서울아산병원"). */
const OWNER_NAME = /^[^\s]*(?:재단|학원|의료원재단|법인)\s+(?=\S)/

/** The display form of a name nobody curated: one line, single spaces, corporate prefixes removed. */
export function cleanInstitutionName(raw: string): string {
  let s = raw.normalize('NFC').replace(/\s+/g, ' ').trim()
  for (let before = ''; before !== s;) {
    before = s
    s = s.replace(CORPORATE_PREFIX, '').replace(OWNER_NAME, '').trim()
  }
  return s
}

/**
 * The comparison key: the cleaned name in lower case without spaces and punctuation, 대학교 → 대, 의과대학 (부속) and
 * 부속 dropped, "the" and "univ." spelled one way. Two spellings of one hospital share a key.
 */
export function hospitalKey(raw: string): string {
  return cleanInstitutionName(raw)
    .toLowerCase()
    .replace(/\bthe\b/g, '')
    .replace(/\buniv\b\.?/g, 'university')
    .replace(/\bhosp\b\.?/g, 'hospital')
    .replace(/\bst\b\.?/g, 'saint')
    .replace(/'s\b/g, 's')
    .replace(/의과대학\s*부속|의과대학부속|부속/g, '')
    .replace(/대학교/g, '대')
    .replace(/[\s.,·'’()\-_/&]+/g, '')
}

const BY_KEY: ReadonlyMap<string, HospitalEntry> = (() => {
  const map = new Map<string, HospitalEntry>()
  for (const entry of HOSPITALS) {
    for (const spelling of [entry.name, entry.en, ...entry.aliases]) {
      const key = hospitalKey(spelling)
      const other = map.get(key)
      // Two hospitals claiming one spelling would make the table ambiguous; the unit test checks there are none.
      if (!other) map.set(key, entry)
    }
  }
  return map
})()

/** The curated entry for a spelling, if any (also tries each comma-separated part of an English facility name). */
export function findHospital(raw: string): HospitalEntry | undefined {
  const whole = BY_KEY.get(hospitalKey(raw))
  if (whole) return whole
  if (!raw.includes(',')) return undefined
  for (const part of raw.split(',')) {
    const entry = BY_KEY.get(hospitalKey(part))
    if (entry) return entry
  }
  return undefined
}

/**
 * Names repeat thousands of times across a store (one hospital runs hundreds of trials): each distinct spelling is
 * resolved once. Bounded, so a long-running app does not grow it without end.
 */
const MEMO_LIMIT = 50_000
const canonicalMemo = new Map<string, string>()

/** The canonical name (curated, else cleaned) of a hospital or institution; undefined for empty input. */
export function canonicalInstitution(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined
  let name = canonicalMemo.get(raw)
  if (name === undefined) {
    const cleaned = cleanInstitutionName(raw)
    name = cleaned === '' ? '' : (findHospital(cleaned)?.name ?? cleaned)
    if (canonicalMemo.size >= MEMO_LIMIT) canonicalMemo.clear()
    canonicalMemo.set(raw, name)
  }
  return name === '' ? undefined : name
}

/**
 * A site under its canonical name, with its English name and the source's own spelling. The one function every
 * source uses (the ClinicalTrials.gov mapping passes its English facility names here).
 */
export function siteRefOf(raw: unknown): SiteRef | undefined {
  if (typeof raw !== 'string') return undefined
  const sourceName = raw.normalize('NFC').replace(/\s+/g, ' ').trim()
  const name = canonicalInstitution(sourceName)
  if (name === undefined) return undefined
  const nameEn = englishHospitalName(name)
  return nameEn === undefined ? { name, sourceName } : { name, nameEn, sourceName }
}

/** Sites without repeats of one canonical hospital (the first spelling is kept). */
export function distinctSites(sites: readonly (SiteRef | undefined)[]): SiteRef[] {
  const seen = new Set<string>()
  const out: SiteRef[] = []
  for (const site of sites) {
    if (!site || seen.has(site.name)) continue
    seen.add(site.name)
    out.push(site)
  }
  return out
}

const BY_NAME: ReadonlyMap<string, HospitalEntry> = new Map(HOSPITALS.map((entry) => [entry.name, entry]))

/** English name of a canonical hospital name, when curated. */
export function englishHospitalName(canonical: string): string | undefined {
  return BY_NAME.get(canonical)?.en
}
