/** Messages a clinician reads about ClinicalTrials.gov failures. Each names the next step. */
export const CTGOV_SERVICE = 'ClinicalTrials.gov'

export const ctgovMessages = {
  rateLimited: () =>
    `${CTGOV_SERVICE} asked the app to slow down (HTTP 429) and kept refusing after several waits. Nothing from this sync was saved. Sync again in a few minutes; if it keeps happening, lower TRIALS_CTGOV_RATE (default 1 request per second).`,
  rejected: (sentence: string) =>
    `${CTGOV_SERVICE} rejected the app's request: "${sentence}". Nothing was changed. This usually means ClinicalTrials.gov changed its API; please report this message.`,
  htmlPage: () =>
    `${CTGOV_SERVICE} sent a web page instead of data, several times (probably maintenance). Nothing was changed; try again later.`,
  unreadable: (what: string) =>
    `${CTGOV_SERVICE} sent an answer the app cannot read (${what}). Nothing was changed; try again later, and report it if it keeps happening.`,
  pagingLoop: () =>
    `${CTGOV_SERVICE} kept sending pages past the announced total. Nothing was changed; try again later, and report it if it keeps happening.`,
} as const
