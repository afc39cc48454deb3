/**
 * One trial, several registries: a ClinicalTrials.gov study that names a CRIS number (KCT + 7 digits) in its
 * secondary ids or its org study id is the same trial as that CRIS record. Links go both ways and only between
 * records the store holds (a link inside the app must open something).
 */
import type { SourceId } from '../../../shared/trials'

export const CRIS_NUMBER = /\bKCT\d{7}\b/g

/** Where each source names the other registries' ids for a trial. */
function crisNumbersInCtgov(fields: Readonly<Record<string, unknown>>): string[] {
  const texts: string[] = []
  if (typeof fields.orgStudyId === 'string') texts.push(fields.orgStudyId)
  if (Array.isArray(fields.secondaryIdInfos)) {
    for (const info of fields.secondaryIdInfos) {
      if (!info || typeof info !== 'object') continue
      const { id, link } = info as Record<string, unknown>
      if (typeof id === 'string') texts.push(id)
      if (typeof link === 'string') texts.push(link)
    }
  }
  return [...new Set(texts.flatMap((t) => t.toUpperCase().match(CRIS_NUMBER) ?? []))]
}

export interface LinkableRecord {
  id: string
  source: SourceId
  sourceId: string
  fields: Readonly<Record<string, unknown>>
  removedAt: string | null
}

/** The CRIS numbers a record names as its own in its fields (a ClinicalTrials.gov study's; none for the others). */
export const crisNumbersNamedBy = (record: LinkableRecord): string[] =>
  record.source === 'ctgov' ? crisNumbersInCtgov(record.fields) : []

/**
 * id → the ids of the same trial in other registries, both ways, between active records only. `namedBy` gives the
 * CRIS numbers a record names (a caller holding records without their fields knows them from before).
 */
export function registryLinks(
  records: Iterable<LinkableRecord>,
  namedBy: (record: LinkableRecord) => readonly string[] = crisNumbersNamedBy,
): Map<string, string[]> {
  const active = new Map<string, LinkableRecord>()
  const ctgov: LinkableRecord[] = []
  for (const record of records) {
    if (record.removedAt !== null) continue
    active.set(record.id, record)
    if (record.source === 'ctgov') ctgov.push(record)
  }
  const links = new Map<string, string[]>()
  const add = (from: string, to: string) => {
    const list = links.get(from)
    if (!list) links.set(from, [to])
    else if (!list.includes(to)) list.push(to)
  }
  for (const study of ctgov) {
    for (const crisNumber of namedBy(study)) {
      const crisId = `cris:${crisNumber}`
      if (!active.has(crisId)) continue
      add(study.id, crisId)
      add(crisId, study.id)
    }
  }
  for (const list of links.values()) list.sort()
  return links
}
