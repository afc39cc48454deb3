import type { Random } from './prng'
import { paragraph } from './text'
import { INSTITUTIONS } from './vocabulary'

const CITIES = [
  'Seoul',
  'Busan',
  'Incheon',
  'Daegu',
  'Daejeon',
  'Gwangju',
  'Suwon',
  'Goyang',
  'Seongnam',
  'Ulsan',
  'Cheongju',
  'Jeonju',
]
const SITE_STATUSES = ['RECRUITING', 'NOT_YET_RECRUITING', 'ACTIVE_NOT_RECRUITING', 'COMPLETED']

/**
 * What ClinicalTrials.gov's Korean-site studies add to a record (API v2 `protocolSection` shape): a list of sites
 * with contacts and long eligibility criteria, ~10 KB on top of the registry fields, so these records are ~15 KB
 * as stored. Until the CT.gov source lands they ride on CRIS-shaped records (same store, same index paths).
 */
export function ctgovPayload(random: Random): Record<string, unknown> {
  const siteCount = random.int(12, 40)
  const locations = Array.from({ length: siteCount }, (_, i) => {
    const [, facilityEn] = random.zipf(INSTITUTIONS, 1.1)
    return {
      facility: facilityEn,
      city: random.pick(CITIES),
      country: 'Korea, Republic of',
      status: random.pick(SITE_STATUSES),
      contacts: [
        {
          name: `Site Investigator ${i + 1}`,
          role: 'PRINCIPAL_INVESTIGATOR',
          phone: `+82-2-${random.int(1000, 9999)}-${random.int(1000, 9999)}`,
        },
      ],
      geoPoint: { lat: 35 + random.next() * 3, lon: 126 + random.next() * 3 },
    }
  })
  return {
    'ctgov:eligibilityModule': {
      eligibilityCriteria: `Inclusion Criteria:\n\n* ${paragraph(random, 'en', random.int(16, 26))}\n\nExclusion Criteria:\n\n* ${paragraph(random, 'en', random.int(16, 26))}`,
      healthyVolunteers: random.chance(0.1),
      sex: random.pick(['ALL', 'FEMALE', 'MALE']),
      minimumAge: `${random.int(18, 40)} Years`,
      stdAges: ['ADULT', 'OLDER_ADULT'],
    },
    'ctgov:contactsLocationsModule': { locations },
  }
}
