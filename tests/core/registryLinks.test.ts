/**
 * Linking one trial across registries: a ClinicalTrials.gov study naming a CRIS number (secondary id or org study id)
 * and that CRIS record link to each other, in `show`, only while both are stored and active.
 */
import { describe, expect, it } from 'vitest'
import { registryLinks, type LinkableRecord } from '../../electron/core/linking/registryLinks'

const record = (id: string, fields: Record<string, unknown> = {}, removedAt: string | null = null): LinkableRecord => {
  const [source, sourceId] = id.split(':') as [LinkableRecord['source'], string]
  return { id, source, sourceId, fields, removedAt }
}

describe('registry links', () => {
  it('links a study to the CRIS record its secondary ids name, both ways', () => {
    const links = registryLinks([
      record('cris:KCT0001234'),
      record('ctgov:NCT05000001', { secondaryIdInfos: [{ id: 'KCT0001234', type: 'REGISTRY', domain: 'CRIS' }] }),
      record('ctgov:NCT05000002', { secondaryIdInfos: [{ id: 'ABC-1', type: 'OTHER' }] }),
    ])
    expect(links.get('ctgov:NCT05000001')).toEqual(['cris:KCT0001234'])
    expect(links.get('cris:KCT0001234')).toEqual(['ctgov:NCT05000001'])
    expect(links.has('ctgov:NCT05000002')).toBe(false)
  })

  it('finds the number in the org study id and in free text around it, in any case', () => {
    const links = registryLinks([
      record('cris:KCT0009999'),
      record('cris:KCT0000042'),
      record('ctgov:NCT05000003', { orgStudyId: 'kct0009999' }),
      record('ctgov:NCT05000004', { secondaryIdInfos: [{ id: 'CRIS: KCT0000042 (Korea)' }] }),
    ])
    expect(links.get('ctgov:NCT05000003')).toEqual(['cris:KCT0009999'])
    expect(links.get('ctgov:NCT05000004')).toEqual(['cris:KCT0000042'])
  })

  it('does not link to a CRIS number the store lacks, nor to removed records', () => {
    const links = registryLinks([
      record('cris:KCT0000001', {}, '2026-11-01T00:00:00Z'),
      record('ctgov:NCT05000005', { secondaryIdInfos: [{ id: 'KCT0000001' }] }),
      record('ctgov:NCT05000006', { secondaryIdInfos: [{ id: 'KCT0000777' }] }),
    ])
    expect(links.size).toBe(0)
  })

  it('a CRIS record named by two studies links to both', () => {
    const links = registryLinks([
      record('cris:KCT0000500'),
      record('ctgov:NCT05000008', { orgStudyId: 'KCT0000500' }),
      record('ctgov:NCT05000007', { secondaryIdInfos: [{ id: 'KCT0000500' }] }),
    ])
    expect(links.get('cris:KCT0000500')).toEqual(['ctgov:NCT05000007', 'ctgov:NCT05000008'])
  })
})
