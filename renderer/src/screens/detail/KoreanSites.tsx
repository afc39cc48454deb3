import { useI18n } from '../../i18n/I18nContext'
import { isMessageKey } from '../../i18n/translate'

interface Site {
  facility?: string
  city?: string
  status?: string
}

function sitesOf(value: unknown): Site[] {
  if (!Array.isArray(value)) return []
  return value
    .filter((v): v is Record<string, unknown> => !!v && typeof v === 'object')
    .map((v) => ({
      facility: typeof v.facility === 'string' ? v.facility : undefined,
      city: typeof v.city === 'string' ? v.city : undefined,
      status: typeof v.status === 'string' ? v.status : undefined,
    }))
}

/**
 * A ClinicalTrials.gov study's Korean sites with their own recruitment status (a study recruiting elsewhere may have
 * closed every Korean site), and how many sites it has outside Korea.
 */
export function KoreanSites({ fields }: { fields: Readonly<Record<string, unknown>> }) {
  const { t } = useI18n()
  const sites = sitesOf(fields.locations)
  const abroad = typeof fields.locationsOutsideKorea === 'number' ? fields.locationsOutsideKorea : 0
  const statusText = (status: string | undefined) => {
    if (!status) return t('ctgov.siteStatus.none')
    const key = `ctgov.status.${status}`
    return isMessageKey(key) ? t(key) : status
  }
  return (
    <section className="korean-sites" aria-labelledby="korean-sites-heading">
      <h2 id="korean-sites-heading">{t('ctgov.koreanSites', { count: sites.length })}</h2>
      {sites.length > 0 && (
        <table className="sites-table">
          <thead>
            <tr>
              <th scope="col">{t('ctgov.site.facility')}</th>
              <th scope="col">{t('ctgov.site.city')}</th>
              <th scope="col">{t('ctgov.site.status')}</th>
            </tr>
          </thead>
          <tbody>
            {sites.map((site, i) => (
              <tr key={`${site.facility ?? ''}-${i}`} data-testid="korean-site">
                <td lang="en">{site.facility ?? '—'}</td>
                <td lang="en">{site.city ?? '—'}</td>
                <td className={`site-status site-status-${(site.status ?? 'none').toLowerCase()}`}>
                  {statusText(site.status)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {abroad > 0 && <p className="muted">{t('ctgov.sitesAbroad', { count: abroad })}</p>}
    </section>
  )
}
