/** Messages a clinician reads about CRIS failures. Each names the next step; none ever contains the service key. */
import type { SyncWarning } from '../../../../shared/trials'

export const CRIS_SERVICE = 'CRIS (data.go.kr 3033869)'

/** How many trial ids a warning names before "…". */
export const WARNING_TRIAL_IDS = 5

function trialIdList(trialIds: readonly string[]): string {
  return `${trialIds.slice(0, WARNING_TRIAL_IDS).join(', ')}${trialIds.length > WARNING_TRIAL_IDS ? ', …' : ''}`
}

export const crisMessages = {
  quota: () =>
    `The daily call limit of your data.go.kr service key was reached while syncing ${CRIS_SERVICE} (a development key allows 10,000 calls a day). Nothing from this sync was saved. Try again tomorrow, or ask data.go.kr for an operating account (운영계정) with a higher limit.`,
  rateLimited: () =>
    `${CRIS_SERVICE} refused calls because more were sent per second than your data.go.kr service key allows. Nothing from this sync was saved. Wait a minute and sync again; if it keeps happening, lower TRIALS_CRIS_RATE (default 10 per second).`,
  auth: (code: string) =>
    `The data.go.kr service key was rejected by ${CRIS_SERVICE} (code ${code}). Check the key in Settings (or DATA_GO_KR_SERVICE_KEY) and that 활용신청 for dataset 3033869 is approved; approval can take an hour.`,
  providerError: (code: string, name: string) =>
    `${CRIS_SERVICE} answered with error ${code} (${name}). Nothing was changed; try again later, and report it if it keeps happening.`,
  requestRejected: (code: string, name: string) =>
    `${CRIS_SERVICE} rejected the app's request with error ${code} (${name}). Nothing was changed; please report this.`,
  notFound: (trialId: string) => `${CRIS_SERVICE} has no trial ${trialId}. Check the number (e.g. KCT0000145).`,
  unreadable: (what: string) =>
    `${CRIS_SERVICE} sent an answer the app cannot read (${what}). The registry may be under maintenance; nothing was changed. Try again later, and report it if it keeps happening.`,
  /** One warning for all of them: a registry clean-up can leave hundreds listed without details. */
  detailsMissing: (trialIds: readonly string[]) =>
    `${CRIS_SERVICE} listed ${trialIds.length} trial(s) but has no details for them yet (${trialIdList(trialIds)}); they show their list fields and their details will be asked for again next sync.`,
  stillPending: (count: number, budget: number) =>
    `${count} CRIS trials are listed but still wait for their details (at most ${budget} per sync); the next syncs will fetch them.`,
  shortListing: (got: number, total: number) =>
    `${CRIS_SERVICE} announced ${total} trials but the listing ended after ${got}; the registry may have changed during the sync.`,
} as const

/** The same warnings as codes and values for the renderer's dictionaries (see SYNC_WARNING_CODES). */
export const crisWarnings = {
  detailsMissing: (trialIds: readonly string[]): SyncWarning => ({
    code: 'CRIS_DETAILS_MISSING',
    values: { count: trialIds.length, trialIds: trialIdList(trialIds) },
  }),
  stillPending: (count: number, budget: number): SyncWarning => ({
    code: 'CRIS_DETAILS_PENDING',
    values: { count, budget },
  }),
  shortListing: (got: number, total: number): SyncWarning => ({
    code: 'CRIS_SHORT_LISTING',
    values: { received: got, expected: total },
  }),
} as const
