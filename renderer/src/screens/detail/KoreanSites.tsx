import type { SiteRef } from '../../../../shared/clinical'
import type { Language } from '../../../../shared/settings'
import { useI18n } from '../../i18n/I18nContext'
import { cityLabel } from '../../i18n/koreanCities'
import { ctgovValueLabel } from '../../i18n/ctgovValues'
import { siteLabel } from '../../lib/readersLanguage'

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

/** The hospital under its name in the reader's language, with the registry's facility name below when it differs. */
function FacilityCell({
  facility,
  hospital,
  language,
}: {
  facility: string | undefined
  hospital: SiteRef | undefined
  language: Language
}) {
  const shown = hospital ? siteLabel(hospital, language) : facility
  if (!shown) return <td>—</td>
  return (
    <td title={facility} lang={shown === facility ? 'en' : undefined}>
      {shown}
      {facility && shown !== facility && (
        <span className="site-source-name" lang="en">
          {facility}
        </span>
      )}
    </td>
  )
}

/**
 * A ClinicalTrials.gov study's Korean sites with their own recruitment status (a study recruiting elsewhere may have
 * closed every Korean site), and how many sites it has outside Korea. Hospitals and cities are named in the reader's
 * language (서울대학교병원, 서울 for a Korean reader), the registry's own wording beside and on hover.
 */
export function KoreanSites({
  fields,
  sites: hospitals,
}: {
  fields: Readonly<Record<string, unknown>>
  /** The study's normalised sites: each names the facility it was made from (`sourceName`). */
  sites: readonly SiteRef[] | undefined
}) {
  const { t, language } = useI18n()
  const sites = sitesOf(fields.locations)
  const abroad = typeof fields.locationsOutsideKorea === 'number' ? fields.locationsOutsideKorea : 0
  const hospitalOf = (facility: string | undefined) =>
    facility === undefined ? undefined : hospitals?.find((h) => h.sourceName === facility)
  const statusText = (status: string | undefined) =>
    status ? (ctgovValueLabel(status, language, t) ?? status) : t('ctgov.siteStatus.none')
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
                <FacilityCell facility={site.facility} hospital={hospitalOf(site.facility)} language={language} />
                <td
                  lang={site.city && cityLabel(site.city, language) === site.city ? 'en' : undefined}
                  title={site.city}
                >
                  {site.city ? cityLabel(site.city, language) : '—'}
                </td>
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
