/**
 * One row per trial on the list screen: a CRIS record and the ClinicalTrials.gov study naming it are one row (the
 * preferred registry's record, from the settings) with both registry badges; the toolbar checkbox lists both records.
 */
import { act, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { StoredTrial } from '../../electron/core/store/types'
import type { RecruitmentStatus } from '../../shared/trials'
import crisDetail from '../fixtures/cris/detail.json'
import { makeTrials, NOW, storedTrial } from './testTrials'
import { renderApp } from './renderApp'

const changedAt = new Date(NOW.getTime() - 30 * 60_000).toISOString()

function linkedPair(crisStatus?: string, ctgovRecruitment?: RecruitmentStatus): StoredTrial[] {
  const crisFields = crisDetail as unknown as Record<string, unknown>
  return [
    storedTrial({
      source: 'cris',
      sourceId: 'KCT0000131',
      fields: crisStatus ? { ...crisFields, recruitment_status_kr: crisStatus } : crisFields,
      changedAt,
    }),
    storedTrial({
      source: 'ctgov',
      sourceId: 'NCT05000131',
      fields: {
        nctId: 'NCT05000131',
        briefTitle: 'A linked study',
        secondaryIdInfos: [{ id: 'KCT0000131', type: 'REGISTRY' }],
      },
      extraCommon: { title: 'A linked study', ...(ctgovRecruitment ? { recruitment: ctgovRecruitment } : {}) },
      changedAt,
    }),
  ]
}

const rowOf = (text: string) => screen.getByText(text).closest('tr')!

describe('one row per trial', () => {
  it('lists a linked pair once with both registry badges, and both records when unticked', async () => {
    const { user, backend } = await renderApp({ trials: [...linkedPair(), ...makeTrials(2)] })
    const row = (await screen.findByText('KCT0000131')).closest('tr')!
    expect(within(row).getByText('CRIS')).toHaveClass('registry-badge')
    expect(within(row).getByText('CT.gov')).toHaveAttribute('title', 'ClinicalTrials.gov')
    expect(screen.queryByText('NCT05000131')).not.toBeInTheDocument()
    expect(screen.getByText('3건')).toBeInTheDocument()
    expect(backend.calls.filter((c) => c.name === 'listTrials').at(-1)?.args[0]).toMatchObject({
      preferredRegistry: 'cris',
    })

    const toggle = screen.getByRole('checkbox', { name: '한 임상시험당 한 줄' })
    expect(toggle).toBeChecked()
    await user.click(toggle)
    expect(await screen.findByText('NCT05000131')).toBeInTheDocument()
    expect(screen.getByText('4건')).toBeInTheDocument()
    expect(backend.calls.filter((c) => c.name === 'listTrials').at(-1)?.args[0]).toMatchObject({
      oneRowPerTrial: false,
    })
    // Each record still names the other registration.
    expect(within(rowOf('NCT05000131')).getByText('CRIS')).toHaveClass('registry-badge')
    expect(within(rowOf('KCT0000131')).getByText('CT.gov')).toHaveClass('registry-badge')
  })

  it('shows the study as the row when ClinicalTrials.gov is the preferred registry (English)', async () => {
    await renderApp({
      trials: [...linkedPair(), ...makeTrials(2)],
      settings: { preferredRegistry: 'ctgov', language: 'en' },
    })
    const row = (await screen.findByText('NCT05000131')).closest('tr')!
    expect(within(row).getByText('CRIS')).toHaveClass('registry-badge')
    expect(screen.queryByText('KCT0000131')).not.toBeInTheDocument()
    expect(screen.getByRole('checkbox', { name: 'One row per trial' })).toBeChecked()
  })

  it.each([
    ['disagree', '모집전', true],
    ['agree', '모집중', false],
  ] as const)(
    'gives each other registration’s status in the detail; says so only when the registries %s',
    async (_, crisStatus, warns) => {
      const { user } = await renderApp({
        trials: linkedPair(crisStatus, 'recruiting'),
        settings: { defaultWithinDays: null },
      })
      await user.click((await screen.findByText('KCT0000131')).closest('tr')!)
      const others = await screen.findByTestId('other-registrations')
      expect(await within(others).findByText('모집 중')).toHaveClass('pill-recruiting')
      if (warns) expect(await screen.findByText(/등록처마다 모집 상태가 다릅니다/)).toHaveAttribute('role', 'note')
      else {
        await act(async () => undefined) // the status comparison renders after the twin's status arrives
        expect(screen.queryByText(/등록처마다 모집 상태가 다릅니다/)).not.toBeInTheDocument()
      }
    },
  )
})
