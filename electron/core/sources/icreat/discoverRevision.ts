/**
 * The dataset is republished yearly under a new `uddi:` path. The Swagger document lists one path per upload with the
 * file date in its summary (`…_20240730`); the newest date wins. When the document cannot be read, the last revision
 * that worked (kept in the store) is used, else the 2022 path, with a warning either way.
 */
import { z } from 'zod'
import { isTrialsError } from '../../errors'
import type { FetchContext } from '../source'
import { type HttpClient, sniffBody } from '../../http'
import { ICREAT_FALLBACK_PATH, ICREAT_PATH_PATTERN } from './constants'

export interface Revision {
  path: string
  /** YYYYMMDD from the summary, when it has one. */
  fileDate: string | null
}

export type RevisionOrigin = 'docs' | 'remembered' | 'default'

const operationSchema = z.looseObject({ summary: z.string().optional() })
const swaggerSchema = z.looseObject({
  paths: z.record(z.string(), z.looseObject({ summary: z.string().optional(), get: operationSchema.optional() })),
})

function fileDateOf(summary: string | undefined): string | null {
  const dates = summary ? [...summary.matchAll(/_(\d{8})(?!\d)/g)].map((m) => m[1]) : []
  return dates.at(-1) ?? null
}

/** Revisions listed in a Swagger document, newest first (by file date, then upload stamp). */
export function revisionsFromSwagger(document: unknown): Revision[] {
  const parsed = swaggerSchema.safeParse(document)
  if (!parsed.success) return []
  const revisions = Object.entries(parsed.data.paths).flatMap(([path, item]) => {
    const stamp = ICREAT_PATH_PATTERN.exec(path)
    if (!stamp) return []
    const fileDate = fileDateOf(item.get?.summary ?? item.summary)
    return [{ path, fileDate, sortKey: `${fileDate ?? '00000000'}|${stamp[1] ?? '000000000000'}` }]
  })
  revisions.sort((a, b) => (a.sortKey < b.sortKey ? 1 : a.sortKey > b.sortKey ? -1 : 0))
  return revisions.map(({ path, fileDate }) => ({ path, fileDate }))
}

export interface DiscoveredRevision extends Revision {
  origin: RevisionOrigin
}

export async function discoverRevision(
  http: HttpClient,
  docsUrl: string,
  rememberedPath: unknown,
  warn: FetchContext['warn'],
  signal?: AbortSignal,
): Promise<DiscoveredRevision> {
  let reason: string
  let reasonCode: string
  try {
    const response = await http.getText(docsUrl, { signal })
    const body = sniffBody(response.body)
    const newest = body.kind === 'json' ? revisionsFromSwagger(body.value)[0] : undefined
    if (newest) return { ...newest, origin: 'docs' }
    reason = 'it lists no usable revision'
    reasonCode = 'NO_REVISION'
  } catch (error) {
    // A cancelled sync stops here; any other failure just means "use what we know".
    if (isTrialsError(error) && error.code === 'CANCELLED') throw error
    reason = isTrialsError(error) ? `${error.code}` : 'unreadable'
    reasonCode = isTrialsError(error) ? error.code : 'UNREADABLE'
  }
  const remembered =
    typeof rememberedPath === 'string' && ICREAT_PATH_PATTERN.test(rememberedPath) ? rememberedPath : null
  const path = remembered ?? ICREAT_FALLBACK_PATH
  warn(
    `Could not read the list of iCReaT dataset revisions (${reason}); used ${
      remembered ? 'the last revision that worked' : 'the 2022 revision'
    } (${path}). Newer data may be missing; the next sync will try again.`,
    {
      code: remembered ? 'ICREAT_REVISION_REMEMBERED' : 'ICREAT_REVISION_DEFAULT',
      values: { reason: reasonCode, path },
    },
  )
  return { path, fileDate: null, origin: remembered ? 'remembered' : 'default' }
}
