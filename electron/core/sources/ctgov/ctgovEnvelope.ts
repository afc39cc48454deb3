/**
 * Reads ClinicalTrials.gov answers: a `/studies` page and `/version`. Bodies are sniffed, never trusted by their
 * content-type; an HTML page with HTTP 200 (maintenance) is reported apart so the client can wait and retry.
 */
import { z } from 'zod'
import { sniffBody } from '../../http'

const studySchema = z.looseObject({
  protocolSection: z.looseObject({
    identificationModule: z.looseObject({ nctId: z.string().regex(/^NCT\d{8}$/) }),
  }),
})
export type CtgovStudy = z.infer<typeof studySchema> & Record<string, unknown>

const pageSchema = z.looseObject({
  studies: z.array(z.unknown()),
  nextPageToken: z.string().min(1).optional(),
  totalCount: z.number().int().nonnegative().optional(),
})

const versionSchema = z.looseObject({ apiVersion: z.string().optional(), dataTimestamp: z.string().min(1) })

export interface StudiesPage {
  studies: CtgovStudy[]
  /** Studies without a readable NCT id, skipped. */
  rejected: number
  nextPageToken?: string
  totalCount?: number
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; html: boolean; what: string }

function json(body: string): Parsed<unknown> {
  const sniffed = sniffBody(body)
  if (sniffed.kind === 'json') return { ok: true, value: sniffed.value }
  return {
    ok: false,
    html: sniffed.kind === 'html',
    what: sniffed.kind === 'html' ? 'a web page' : `${sniffed.kind} instead of JSON`,
  }
}

export function parseStudiesPage(body: string): Parsed<StudiesPage> {
  const read = json(body)
  if (!read.ok) return read
  const page = pageSchema.safeParse(read.value)
  if (!page.success) return { ok: false, html: false, what: 'a JSON without a studies list' }
  const studies: CtgovStudy[] = []
  let rejected = 0
  for (const item of page.data.studies) {
    const study = studySchema.safeParse(item)
    if (study.success) studies.push(study.data as CtgovStudy)
    else rejected++
  }
  return {
    ok: true,
    value: { studies, rejected, nextPageToken: page.data.nextPageToken, totalCount: page.data.totalCount },
  }
}

export function parseVersion(body: string): Parsed<{ dataTimestamp: string }> {
  const read = json(body)
  if (!read.ok) return read
  const version = versionSchema.safeParse(read.value)
  if (!version.success) return { ok: false, html: false, what: 'a version answer without dataTimestamp' }
  return { ok: true, value: { dataTimestamp: version.data.dataTimestamp } }
}

export const nctIdOf = (study: CtgovStudy): string => study.protocolSection.identificationModule.nctId
