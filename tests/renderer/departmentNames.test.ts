import { describe, expect, it } from 'vitest'
import { koreanDepartmentName } from '../../renderer/src/i18n/departmentNames'
import icreatRows from '../fixtures/icreat-3074271-rows.json'

describe('iCReaT departments in Korean', () => {
  it('has a Korean name for every 진료과 in the captured iCReaT rows', () => {
    const departments = new Set((icreatRows as Array<Record<string, unknown>>).map((r) => String(r['진료과'])))
    expect(departments.size).toBeGreaterThan(20)
    for (const english of departments) expect(koreanDepartmentName(english), english).toMatch(/^[가-힣]+$/)
  })

  it('reads the registry’s spelling whatever its capitals and spaces; an unknown one stays as written', () => {
    expect(koreanDepartmentName('Cardiology')).toBe('순환기내과')
    expect(koreanDepartmentName(' infectious Disease ')).toBe('감염내과')
    expect(koreanDepartmentName('Orthopedic surgery')).toBe('정형외과')
    expect(koreanDepartmentName('Space Medicine')).toBeNull()
  })
})
