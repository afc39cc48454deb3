/**
 * The built renderer in Debian's Chromium, window.api bridged to the real handlers + core + fake odcloud server.
 * Screenshots of every step go to test-results/e2e/ (git-ignored).
 */
import { existsSync } from 'node:fs'
import { mkdir, readFile, rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeCris } from '../fakes/crisServer'
import { startFakeCtgov } from '../fakes/ctgovServer'
import { FAKE_ODCLOUD_KEY, startFakeOdcloud, type FakeOdcloud, type FakeRow } from '../fakes/odcloudServer'
import { buildRenderer } from './support/buildRenderer'
import { addClinicalDetails } from './support/clinicalCrisDetails'
import { createBridge, type Bridge } from './support/bridge'
import { serveDirectory } from './support/staticServer'

const CHROMIUM = '/usr/bin/chromium'
const SHOTS = resolve(__dirname, '..', '..', 'test-results', 'e2e')
const ROWS: FakeRow[] = JSON.parse(
  await readFile(resolve(__dirname, '..', 'fixtures', 'icreat-3074271-rows.json'), 'utf8'),
)

/**
 * Names of one word in the list's wrapping columns (departments such as "Gastroenterology") stay whole: a cell two
 * lines high for a single word means it was broken mid-word.
 */
async function expectOneWordNamesWhole(page: Page): Promise<void> {
  // Run in the page (as text: this project's Node types have no DOM).
  const broken = await page.evaluate<string[]>(`[...document.querySelectorAll('tbody .cell-wrap')]
    .filter((cell) => !/\\s/.test(cell.textContent.trim()))
    .filter((cell) => cell.getClientRects()[0].height > 1.5 * parseFloat(getComputedStyle(cell).lineHeight))
    .map((cell) => cell.textContent)`)
  expect(broken).toEqual([])
}

// Skipping silently would hide a broken renderer: without Chromium this fails unless TRIALS_SKIP_E2E=1 says so.
describe.skipIf(process.env.TRIALS_SKIP_E2E === '1')('Trial Desk in Chromium', () => {
  let browser: Browser
  let site: { url: string; close: () => Promise<void> }
  let rendererDir: string
  const cleanups: Array<() => Promise<unknown>> = []

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `${CHROMIUM} is missing: apt-get install -y --no-install-recommends chromium fonts-nanum (or set TRIALS_SKIP_E2E=1)`,
      )
    }
    await mkdir(SHOTS, { recursive: true })
    rendererDir = await buildRenderer()
    site = await serveDirectory(rendererDir)
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    })
  })

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined)
    await browser?.close()
    await site?.close()
    if (rendererDir) await rm(rendererDir, { recursive: true, force: true })
  })

  /** A fresh page whose window.api is bridged to `bridge`; script errors (CSP violations included) are collected. */
  async function openPage(bridge: Bridge): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({
      viewport: { width: 1280, height: 800 },
      locale: 'ko-KR',
      timezoneId: 'Asia/Seoul',
    })
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    await bridge.attach(page)
    cleanups.push(() => page.close())
    return { page, errors }
  }

  it('goes from an empty first launch to synced, filtered, changed, failed and English', async () => {
    const fake: FakeOdcloud = await startFakeOdcloud({ faults: { perPageCap: 30 } })
    cleanups.push(() => fake.close())
    const bridge = await createBridge({
      env: { ...fake.env, TRIALS_RETRY_BASE_MS: '1', TRIALS_TIMEOUT_MS: '5000' },
      // Only iCReaT is served here (CRIS has its own scenario below).
      settings: { sources: { icreat: { enabled: true }, cris: { enabled: false }, ctgov: { enabled: false } } },
    })
    cleanups.push(() => bridge.close())
    const { page, errors: pageErrors } = await openPage(bridge)
    const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) })

    // 1. Empty first launch explains the key and the first sync.
    await page.goto(site.url)
    await page.getByRole('heading', { name: '아직 저장된 임상시험이 없습니다' }).waitFor()
    await expect(page.getByRole('region', { name: '동기화 상태' }).textContent()).resolves.toContain(
      '아직 동기화하지 않음',
    )
    await shot('01-empty-first-launch')

    // 2. Set the key in Settings; it shows masked; test connection works.
    await page.getByRole('button', { name: '서비스 키 설정하기' }).click()
    await page.getByLabel('서비스 키 붙여넣기').fill(FAKE_ODCLOUD_KEY)
    await page.getByRole('button', { name: '키 저장' }).click()
    await page.getByText(`설정된 키: ••••${FAKE_ODCLOUD_KEY.slice(-4)}`).waitFor()
    await page.getByRole('button', { name: '연결 테스트' }).click()
    await page.getByTestId('key-test-icreat').getByText('iCReaT: 연결됨 (145건)').waitFor()
    await shot('02-settings-key-set')

    // 3. Sync now, with visible progress.
    bridge.setRequestDelay(400)
    await page.getByRole('button', { name: '최근 변경 임상시험' }).click()
    await page.getByRole('button', { name: '지금 동기화' }).first().click()
    const progress = page.getByRole('progressbar', { name: '동기화 진행률' })
    await progress.waitFor()
    await page.getByText(/iCReaT · 목록 \d+ \/ 145/).waitFor()
    await shot('03-sync-progress')
    bridge.setRequestDelay(0)

    // 4. 145 trials listed, all new.
    await page.getByText('1–20 / 145').waitFor({ timeout: 30_000 })
    await expect(progress.count()).resolves.toBe(0)
    await expect(page.locator('tbody tr').count()).resolves.toBe(20)
    await expect(page.locator('tbody .badge-new').count()).resolves.toBe(20)
    await expect(page.getByRole('region', { name: '동기화 상태' }).textContent()).resolves.toMatch(/동기화됨/)
    await shot('04-list-145')

    // 5. Filter by 진료과 (Cardiology, shown as 순환기내과 to a Korean reader: 23 of the 145).
    await page.locator('summary', { hasText: '진료과' }).click()
    await page.getByRole('checkbox', { name: /순환기내과/ }).waitFor()
    await shot('05a-facet-menu')
    await page.getByRole('checkbox', { name: /순환기내과/ }).check()
    await page.getByText('1–20 / 23').waitFor()
    await page.locator('summary', { hasText: '진료과' }).click()
    await expect(page.getByRole('group', { name: '적용된 필터' }).textContent()).resolves.toContain(
      '진료과: 순환기내과',
    )
    await shot('05-filter-department')

    // The filter survives a restart (saved through updateSettings, restored on start).
    await expect
      .poll(async () => {
        const result = await bridge.handlers.getSettings()
        return result.ok ? result.data.lastQuery?.fields : undefined
      })
      .toEqual([{ name: 'department', value: 'Cardiology' }])
    await page.reload()
    await page.getByText('1–20 / 23').waitFor()
    await expect(page.getByRole('group', { name: '적용된 필터' }).textContent()).resolves.toContain(
      '진료과: 순환기내과',
    )

    // 6. Page 2.
    await page.getByRole('button', { name: '2 페이지' }).click()
    await page.getByText('21–23 / 23').waitFor()
    await expect(page.locator('tbody tr').count()).resolves.toBe(3)
    await shot('06-page-2')

    // 7. Open a trial with the keyboard; Esc returns to the same page.
    await page.locator('tbody tr').first().focus()
    await page.keyboard.press('Enter')
    await page.getByRole('region', { name: '변경 이력' }).waitFor()
    await expect(page.getByRole('region', { name: '등록 정보' }).textContent()).resolves.toContain('연구책임기관')
    await shot('07-detail')
    await page.keyboard.press('Escape')
    await page.getByText('21–23 / 23').waitFor()
    // Back on the same row, with a visible focus ring.
    await expect(page.locator(':focus').textContent()).resolves.toContain('C160007')
    await shot('07b-list-after-esc-focus')

    // 8. Second sync with changed rows: Updated badges and the field diff in the history.
    const changed = ROWS.map((row) =>
      row['과제번호'] === 'C100001'
        ? { ...row, 과제명: String(row['과제명']).replace('2008년도', '2018년도'), 연구기간: '1년' }
        : row['과제번호'] === 'C100002' || row['과제번호'] === 'C100004'
          ? { ...row, 연구기간: '2년' }
          : row,
    )
    fake.setRows(changed)
    await page.getByRole('button', { name: '1 페이지' }).click()
    await page.getByRole('button', { name: '지금 동기화' }).click()
    await page.getByText('C100001').waitFor()
    await page.locator('tbody .badge-updated').first().waitFor()
    await page.locator('summary', { hasText: '진료과' }).click()
    await page.getByRole('checkbox', { name: /순환기내과/ }).uncheck()
    await page.locator('summary', { hasText: '변경 유형' }).click()
    await page.getByRole('checkbox', { name: /변경/ }).check()
    await page.locator('summary', { hasText: '변경 유형' }).click()
    await page.getByText('1–3 / 3').waitFor()
    await expect(page.locator('tbody .badge-updated').count()).resolves.toBe(3)
    await shot('08-updated-badges')
    await page.locator('tbody tr', { hasText: 'C100001' }).click()
    const history = page.getByRole('region', { name: '변경 이력' })
    await history.locator('ins', { hasText: '2018년도의' }).waitFor()
    await expect(history.locator('del', { hasText: '2008년도의' }).count()).resolves.toBe(1)
    await expect(history.locator('.change-values').textContent()).resolves.toBe('6개월→1년')
    await shot('09-detail-history-diff')
    await page.keyboard.press('Escape')
    await page.getByText('1–3 / 3').waitFor()

    // 9. A sync against a failing server: the failure shows and the data stays.
    fake.setFaults({ status500OnPage: 1 })
    await page.getByRole('button', { name: '지금 동기화' }).click()
    const status = page.getByRole('region', { name: '동기화 상태' })
    await status.getByText('동기화 실패').waitFor({ timeout: 30_000 })
    await expect(page.getByRole('alert').textContent()).resolves.toContain('iCReaT: 공공데이터 서버에 문제가 있습니다')
    await expect(status.textContent()).resolves.not.toContain('동기화됨')
    await page.getByRole('button', { name: '필터 모두 지우기' }).click()
    await page.getByText('1–20 / 145').waitFor()
    await shot('10-failed-sync-data-stays')

    // Offline: a banner says so, the stored trials stay browsable.
    bridge.emit('net:online', { online: false })
    await page.getByText(/오프라인입니다/).waitFor()
    await page.getByRole('button', { name: '2 페이지' }).click()
    await page.getByText('21–40 / 145').waitFor()
    await shot('10b-offline')
    bridge.emit('net:online', { online: true })
    await page.getByText(/오프라인입니다/).waitFor({ state: 'detached' })
    await page.getByRole('button', { name: '1 페이지' }).click()
    await page.getByRole('button', { name: '동기화 기록' }).click()
    await page.getByRole('radio', { name: '실패만' }).click()
    // The filtered log arrives after the click: wait for it rather than count the unfiltered rows.
    await expect.poll(() => page.locator('tbody tr').count(), { timeout: 10_000 }).toBe(1)
    await shot('11-sync-log-failures')
    fake.resetFaults()

    // 10. CSV export: UTF-8 with BOM, Korean header row.
    await page.getByRole('button', { name: '최근 변경 임상시험' }).click()
    await page.getByRole('button', { name: 'CSV 내보내기' }).click()
    await page.getByText(/145건을 저장했습니다/).waitFor()
    const csv = await readFile(bridge.savedCsvPath, 'utf8')
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(csv.split(/\r?\n/).filter(Boolean)).toHaveLength(146)

    // 11. Switch to English.
    await page.getByRole('button', { name: '설정' }).first().click()
    await page.getByLabel('언어').selectOption('en')
    await page.getByRole('heading', { name: 'Settings' }).waitFor()
    await shot('12-settings-english')
    await page.getByRole('button', { name: 'Recently updated trials' }).click()
    await page.getByText('1–20 of 145').waitFor()
    await expect(page.getByRole('region', { name: 'Sync status' }).textContent()).resolves.toContain('Sync failed')
    await shot('13-list-english')
    await expectOneWordNamesWhole(page)

    // 12. Legible at 1024×768.
    await page.setViewportSize({ width: 1024, height: 768 })
    await shot('14-list-1024x768')
    await expectOneWordNamesWhole(page)
    await page.locator('tbody tr').first().click()
    await page.getByRole('region', { name: 'Change history' }).waitFor()
    await shot('15-detail-1024x768')
    await page.getByRole('button', { name: 'Sync log' }).click()
    await page.getByRole('radio', { name: 'All' }).click()
    await page.locator('tbody tr').nth(2).waitFor()
    await shot('16-sync-log-1024x768')
    await page.getByRole('button', { name: 'Settings' }).first().click()
    await shot('17-settings-1024x768')

    // The key never reaches the page; no script errors (CSP violations included).
    expect(await page.content()).not.toContain(FAKE_ODCLOUD_KEY)
    expect(pageErrors).toEqual([])
  })

  it('shows CRIS trials with pending details and labelled item lists', async () => {
    const odcloud = await startFakeOdcloud()
    cleanups.push(() => odcloud.close())
    const cris = await startFakeCris({ count: 30, serviceKey: FAKE_ODCLOUD_KEY })
    cleanups.push(() => cris.close())
    const bridge = await createBridge({
      env: { ...odcloud.env, TRIALS_CRIS_API: cris.url, TRIALS_RETRY_BASE_MS: '1' },
      // ClinicalTrials.gov has its own scenario. The app takes the CRIS detail budget from Settings.
      settings: {
        crisDetailBudget: 10,
        sources: { icreat: { enabled: true }, cris: { enabled: true }, ctgov: { enabled: false } },
      },
    })
    cleanups.push(() => bridge.close())
    const { page, errors } = await openPage(bridge)
    const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) })

    await page.goto(site.url)
    await page.getByRole('button', { name: '서비스 키 설정하기' }).click()
    await page.getByLabel('서비스 키 붙여넣기').fill(FAKE_ODCLOUD_KEY)
    await page.getByRole('button', { name: '키 저장' }).click()
    await page.getByRole('button', { name: '최근 변경 임상시험' }).click()
    await page.getByRole('button', { name: '지금 동기화' }).first().click()
    await page.getByText('1–20 / 175').waitFor({ timeout: 60_000 })
    await page.locator('summary', { hasText: '출처' }).click()
    await page.getByRole('checkbox', { name: /CRIS/ }).check()
    await page.locator('summary', { hasText: '출처' }).click()
    await page.getByText('1–20 / 30').waitFor()
    // 10 of the 30 got their details in this run; the rest are marked.
    await page.getByRole('radio', { name: '전체' }).click()
    await page.getByRole('combobox', { name: '페이지당' }).selectOption('50')
    await page.getByText('1–30 / 30').waitFor()
    await expect(page.locator('tbody .pending-mark').count()).resolves.toBe(20)
    await shot('20-cris-list-pending')

    await page
      .locator('tbody tr', { hasNot: page.locator('.pending-mark') })
      .first()
      .click()
    const fields = page.getByRole('region', { name: '등록 정보' })
    await fields.getByText('연구제목(국문)').waitFor()
    await expect(fields.textContent()).resolves.toContain('후원기관')
    await expect(page.getByRole('region', { name: '출처 및 이용 조건' }).textContent()).resolves.toContain('공공누리')
    await shot('21-cris-detail')
    expect(errors).toEqual([])
  })

  it('answers the clinician: status pills, what changed, recruiting at a hospital, conditions across languages, referral card', async () => {
    const odcloud = await startFakeOdcloud()
    cleanups.push(() => odcloud.close())
    const cris = await startFakeCris({ count: 60, serviceKey: FAKE_ODCLOUD_KEY })
    cleanups.push(() => cris.close())
    addClinicalDetails(cris)
    const bridge = await createBridge({
      env: { ...odcloud.env, TRIALS_CRIS_API: cris.url, TRIALS_CRIS_DETAIL_BUDGET: '500', TRIALS_RETRY_BASE_MS: '1' },
      settings: { sources: { icreat: { enabled: true }, cris: { enabled: true }, ctgov: { enabled: false } } },
    })
    cleanups.push(() => bridge.close())
    const { page, errors } = await openPage(bridge)
    const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) })

    await page.goto(site.url)
    await page.getByRole('button', { name: '서비스 키 설정하기' }).click()
    await page.getByLabel('서비스 키 붙여넣기').fill(FAKE_ODCLOUD_KEY)
    await page.getByRole('button', { name: '키 저장' }).click()
    await page.getByRole('button', { name: '최근 변경 임상시험' }).click()
    await page.getByRole('button', { name: '지금 동기화' }).first().click()
    await page.getByText('1–20 / 205').waitFor({ timeout: 60_000 })
    // The registry changes: statuses move, titles and phases are revised; the next sync shows what changed.
    cris.churn({ statusChanged: 6, listChanged: 4 })
    await page.getByRole('button', { name: '지금 동기화' }).first().click()
    await page.locator('tbody .change-line').first().waitFor({ timeout: 60_000 })

    // 1. The default list: status pills, the change line under each updated title, 출처 since two sources show.
    await page.locator('summary', { hasText: '변경 유형' }).click()
    await page.getByRole('checkbox', { name: /변경/ }).check()
    await page.locator('summary', { hasText: '변경 유형' }).click()
    await page.locator('tbody .badge-updated').first().waitFor()
    await expect(page.locator('tbody .change-line').first().textContent()).resolves.toMatch(/→|변경/)
    await expect(page.locator('tbody .pill').count()).resolves.toBeGreaterThan(0)
    await shot('30-list-changes-pills')
    await page.getByRole('button', { name: '필터 모두 지우기' }).click()

    // 2. Recruiting only, at one hospital (the menu keeps every status; the site menu has a search box).
    await page.getByRole('checkbox', { name: '모집 중만' }).check()
    await page.locator('summary', { hasText: '연구 실시기관' }).click()
    await page
      .getByRole('checkbox', { name: /서울대학교병원/ })
      .first()
      .check()
    await page.locator('summary', { hasText: '연구 실시기관' }).click()
    await page.getByRole('group', { name: '적용된 필터' }).getByText('모집 중만').waitFor()
    await expect(page.locator('tbody .pill-completed').count()).resolves.toBe(0)
    await shot('31-recruiting-at-site')
    await page.getByRole('button', { name: '필터 모두 지우기' }).click()

    // 3. An English condition finds Korean-only records, with the match marked.
    await page.getByRole('searchbox', { name: '검색' }).fill('diabetes')
    await page.locator('tbody mark').first().waitFor()
    await shot('32-condition-search-highlights')

    // 4. The referral card of a recruiting trial.
    await page.getByRole('searchbox', { name: '검색' }).fill('')
    await page.getByRole('checkbox', { name: '모집 중만' }).check()
    await page
      .locator('tbody tr', { has: page.locator('.pill-recruiting') })
      .first()
      .click()
    const card = page.getByRole('region', { name: '의뢰 요약' })
    await card.getByRole('button', { name: '요약 복사' }).waitFor()
    await shot('33-referral-card')
    await page.setViewportSize({ width: 1024, height: 768 })
    await shot('34-referral-card-1024')
    await page.keyboard.press('Escape')
    await page.locator('tbody tr').first().waitFor()
    await shot('35-list-1024')

    // 5. English.
    await page.getByRole('button', { name: '설정' }).first().click()
    await page.getByRole('combobox', { name: '언어' }).selectOption('en')
    await page.getByRole('button', { name: 'Recently updated trials' }).click()
    await page.locator('tbody tr').first().waitFor()
    await shot('36-list-1024-en')
    await page.setViewportSize({ width: 1280, height: 800 })
    await shot('37-list-en')
    await page
      .locator('tbody tr', { has: page.locator('.pill-recruiting') })
      .first()
      .click()
    await page.getByRole('region', { name: 'Referral summary' }).waitFor()
    await shot('38-referral-card-en')
    expect(errors).toEqual([])
  })

  it('ClinicalTrials.gov: offered on first run without a key; a study with its Korean sites, linked to its CRIS twin', async () => {
    const odcloud = await startFakeOdcloud()
    cleanups.push(() => odcloud.close())
    const cris = await startFakeCris({ count: 1010, serviceKey: FAKE_ODCLOUD_KEY })
    cleanups.push(() => cris.close())
    const ctgov = await startFakeCtgov({ count: 12, foreignCount: 3, crisEvery: 5, seed: 4 })
    cleanups.push(() => ctgov.close())
    const bridge = await createBridge({
      env: {
        ...odcloud.env,
        TRIALS_CRIS_API: cris.url,
        TRIALS_CRIS_DETAIL_BUDGET: '2000',
        TRIALS_CRIS_RATE: '1000',
        TRIALS_CTGOV_API: ctgov.url,
        TRIALS_CTGOV_RATE: '1000',
        TRIALS_RETRY_BASE_MS: '1',
      },
      settings: { sources: { icreat: { enabled: false }, cris: { enabled: true }, ctgov: { enabled: true } } },
    })
    cleanups.push(() => bridge.close())
    const { page, errors } = await openPage(bridge)
    const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true })

    await page.goto(site.url)
    const ctgovNow = page.getByRole('button', { name: 'ClinicalTrials.gov 지금 받기 (키 필요 없음)' })
    await ctgovNow.waitFor()
    await shot('40-first-run-ctgov-offer')
    await ctgovNow.click()
    await page.getByText('1–12 / 12').waitFor({ timeout: 60_000 })

    // With the key, CRIS comes in too; the study naming KCT0001000 is linked to that CRIS record.
    await page.getByRole('button', { name: '설정' }).first().click()
    await page.getByLabel('서비스 키 붙여넣기').fill(FAKE_ODCLOUD_KEY)
    await page.getByRole('button', { name: '키 저장' }).click()
    await page.getByRole('button', { name: '최근 변경 임상시험' }).click()
    await page.getByRole('button', { name: '지금 동기화' }).first().click()
    // 1,010 CRIS + 12 studies, three of which (KCT0001000, 1005, 1010) are one trial with their CRIS twin: 1,019 rows.
    await page
      .getByText(/\/ 1,019/)
      .first()
      .waitFor({ timeout: 60_000 })
    await page.getByRole('radio', { name: '전체' }).click()
    await page.getByRole('searchbox').first().fill('Study 5000001 ')
    await page.locator('tbody tr', { hasText: 'Study 5000001 ' }).first().click()

    const sites = page.getByRole('region', { name: /국내 참여 기관/ })
    await sites.waitFor()
    await expect(sites.locator('[data-testid="korean-site"]').count()).resolves.toBeGreaterThan(0)
    await expect(page.getByTestId('other-registrations').textContent()).resolves.toContain('CRIS KCT0001000')
    await shot('41-ctgov-detail-korean-sites')
    await page.setViewportSize({ width: 1024, height: 768 })
    await shot('42-ctgov-detail-1024')

    await page.getByTestId('other-registrations').getByRole('button').click()
    await page.locator('.detail-id', { hasText: 'KCT0001000' }).waitFor()
    await expect(page.getByTestId('other-registrations').textContent()).resolves.toContain(
      'ClinicalTrials.gov NCT05000001',
    )
    await shot('43-linked-twin-cris-1024')

    // One row per trial: the CRIS record stands for the pair and carries both registry badges.
    await page.getByRole('button', { name: '최근 변경 임상시험' }).click()
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.getByRole('searchbox').first().fill('KCT000100')
    const twinRow = page.locator('tbody tr', { hasText: 'KCT0001000' })
    await twinRow.locator('.registry-badge', { hasText: 'CT.gov' }).waitFor()
    await expect(twinRow.locator('.registry-badge', { hasText: 'CRIS' }).count()).resolves.toBe(1)
    await expect(page.locator('tbody tr', { hasText: 'NCT05000001' }).count()).resolves.toBe(0)
    await expect(page.getByRole('checkbox', { name: '한 임상시험당 한 줄' }).isChecked()).resolves.toBe(true)
    await shot('45-one-row-per-trial')
    await page.getByRole('searchbox').first().fill('')

    await page.getByRole('button', { name: '설정' }).first().click()
    await page.getByRole('combobox', { name: '언어' }).selectOption('en')
    await page.getByRole('button', { name: 'Recently updated trials' }).click()
    await page.getByRole('searchbox').first().fill('Study 5000001 ')
    await page.locator('tbody tr', { hasText: 'Study 5000001 ' }).first().click()
    await page.getByRole('region', { name: /Sites in Korea/ }).waitFor()
    await page.setViewportSize({ width: 1280, height: 800 })
    await shot('44-ctgov-detail-en')
    // The registry's coded values read as words (the codes on hover).
    const registered = page.getByRole('region', { name: 'Registered information' })
    await registered.getByText('Study type').scrollIntoViewIfNeeded()
    await expect(registered.textContent()).resolves.not.toMatch(/\b(INTERVENTIONAL|OBSERVATIONAL)\b/)
    await shot('44b-ctgov-fields-en')
    expect(errors).toEqual([])
  })
})
