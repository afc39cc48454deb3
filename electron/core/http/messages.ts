/**
 * Messages a clinician reads (CLI output, the sync log, the renderer's fallback text). Each names the next step.
 * `service` is a human label such as "iCReaT (data.go.kr 3074271)".
 */
export const KEY_HELP = 'Check the key in Settings (or DATA_GO_KR_SERVICE_KEY)'

export const httpMessages = {
  noKey: (service: string) =>
    `No data.go.kr service key is set, so ${service} cannot be synced. Enter your key in Settings (or set DATA_GO_KR_SERVICE_KEY); you can get one free at https://www.data.go.kr after 활용신청 for the dataset.`,
  auth: (service: string) =>
    `The data.go.kr service key was rejected by ${service}. ${KEY_HELP} and that 활용신청 for this dataset is approved; approval can take an hour.`,
  quota: (service: string) =>
    `The data.go.kr call limit for this service key was reached (${service}). Try again tomorrow, or ask data.go.kr for a higher limit (운영계정).`,
  timeout: (service: string, seconds: number) =>
    `${service} did not answer within ${seconds} seconds. Check the internet connection and try again later.`,
  network: (service: string, host: string) =>
    `Could not connect to ${service} (${host}). Check the internet connection or the hospital proxy, then try again.`,
  server: (service: string, status: number) =>
    `${service} had a problem on its side (HTTP ${status}). Nothing was changed; try again later.`,
  badResponse: (service: string, detail: string) =>
    `${service} sent an answer the app cannot read (${detail}). The registry may be under maintenance; nothing was changed. Try again later, and report it if it keeps happening.`,
  cancelled: (service: string) => `The sync of ${service} was cancelled. Nothing was changed.`,
  internal: (service: string, detail: string) =>
    `Unexpected problem while talking to ${service} (${detail}). Nothing was changed; please report this.`,
} as const
