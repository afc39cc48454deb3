/**
 * Following in Chromium: the sidebar with counts, unseen marks, the watched view, a note in the detail, and the
 * notification text the coordinator recorded — at 1280 and 1024 px, in Korean and English. Screenshots go to
 * test-results/e2e/following-*.png (git-ignored).
 */
import { existsSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FAKE_ODCLOUD_KEY, startFakeOdcloud, type FakeRow } from '../fakes/odcloudServer'
import { buildRenderer } from './support/buildRenderer'
import { createBridge } from './support/bridge'
import { serveDirectory } from './support/staticServer'

const CHROMIUM = '/usr/bin/chromium'
const SHOTS = resolve(__dirname, '..', '..', 'test-results', 'e2e')
const ROWS: FakeRow[] = JSON.parse(
  await readFile(resolve(__dirname, '..', 'fixtures', 'icreat-3074271-rows.json'), 'utf8'),
)

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)

describe.skipIf(process.env.TRIALS_SKIP_E2E === '1')('Following in Chromium', () => {
  let browser: Browser
  let site: { url: string; close: () => Promise<void> }
  let rendererDir: string
  const cleanups: Array<() => Promise<unknown>> = []

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (or set TRIALS_SKIP_E2E=1)`)
    await mkdir(SHOTS, { recursive: true })
    rendererDir = await buildRenderer()
    site = await serveDirectory(rendererDir)
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    })
  })

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined)
    await browser?.close()
    await site?.close()
    if (rendererDir) await rm(rendererDir, { recursive: true, force: true })
  })

  it('shows saved-search counts, unseen marks, the watched view, a note, and one notification for what a sync brought', async () => {
    const fake = await startFakeOdcloud()
    cleanups.push(() => fake.close())
    const bridge = await createBridge({
      env: { ...fake.env, TRIALS_RETRY_BASE_MS: '1', TRIALS_TIMEOUT_MS: '5000' },
      settings: {
        sources: { icreat: { enabled: true }, cris: { enabled: false }, ctgov: { enabled: false } },
        defaultWithinDays: null,
      },
    })
    cleanups.push(() => bridge.close())
    await bridge.handlers.setServiceKey(FAKE_ODCLOUD_KEY)
    expect(await bridge.handlers.startSync()).toMatchObject({ ok: true })
    const cardiology = ROWS.filter((r) => r['진료과'] === 'Cardiology').map((r) => r['과제번호'] as string)
    await bridge.handlers.addSavedSearch({
      name: '심장내과 전체',
      query: { withinDays: null, fields: [{ name: 'department', value: 'Cardiology' }] },
    })
    await bridge.handlers.addSavedSearch({
      name: '혈액내과',
      query: { withinDays: null, fields: [{ name: 'department', value: 'Hematology' }] },
    })
    await bridge.handlers.watchTrial(`icreat:${cardiology[0]}`)
    await bridge.handlers.watchTrial('icreat:C100002')
    await bridge.handlers.setNote(`icreat:${cardiology[0]}`, '김○○ 환자 의뢰함 (외래 3/12). 다음 방문 때 동의서 설명.')

    const page = await browser.newPage({
      viewport: { width: 1280, height: 800 },
      locale: 'ko-KR',
      timezoneId: 'Asia/Seoul',
    })
    cleanups.push(() => page.close())
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await bridge.attach(page)
    const shot = (name: string) => page.screenshot({ path: join(SHOTS, `following-${name}.png`) })
    await page.goto(site.url)
    const sidebar = page.getByRole('navigation', { name: '관심 항목' })
    await sidebar.getByRole('button', { name: /^심장내과 전체/ }).waitFor()

    // A sync changes three Cardiology trials (one of them watched).
    const changed = new Set(cardiology.slice(0, 3))
    fake.setRows(
      ROWS.map((r) => (changed.has(r['과제번호'] as string) ? { ...r, 연구기간: '2027.01.01 ~ 2029.12.31' } : r)),
    )
    expect(await bridge.handlers.startSync()).toMatchObject({ ok: true, data: [{ updated: 3 }] })
    await sidebar.getByLabel('마지막으로 본 뒤 3건 변경').waitFor()
    await page.getByTitle('마지막으로 본 뒤 변경됨').first().waitFor()
    expect(await page.getByTitle('마지막으로 본 뒤 변경됨').count()).toBe(3)
    await shot('01-sidebar-counts-unseen-1280-ko')

    // The notification, as the coordinator recorded it (manual syncs too): one, for what the sync brought.
    expect(bridge.notices).toHaveLength(1)
    expect(bridge.notices[0].body).toBe("관심 검색 '심장내과 전체' 3건, 관심 임상시험 1건 변경")

    // Opening the saved search: its changed rows stay marked until "모두 확인함".
    await sidebar.getByRole('button', { name: /^심장내과 전체/ }).click()
    await page.getByRole('heading', { level: 1, name: '관심 검색: 심장내과 전체' }).waitFor()
    await shot('02-saved-search-open-1280-ko')

    // Narrow window: the sidebar becomes a menu.
    await page.setViewportSize({ width: 1024, height: 768 })
    await page.getByRole('button', { name: /☰ 관심 항목/ }).click()
    await shot('03-menu-1024-ko')
    await page.getByRole('button', { name: /☰ 관심 항목/ }).click()

    // The watched view, then a watched trial's detail with its note.
    await page.setViewportSize({ width: 1280, height: 800 })
    await sidebar.getByRole('button', { name: /관심 임상시험/ }).click()
    await page.getByRole('heading', { level: 1, name: '관심 임상시험' }).waitFor()
    await shot('04-watched-1280-ko')
    await page.getByText('김○○ 환자 의뢰함').first().click()
    await page.getByRole('textbox', { name: '내 메모' }).waitFor()
    expect(await page.getByRole('textbox', { name: '내 메모' }).inputValue()).toContain('김○○ 환자 의뢰함')
    await shot('05-note-in-detail-1280-ko')

    // English, 1024 px: watched view and detail.
    await bridge.handlers.updateSettings({ language: 'en' })
    await page.setViewportSize({ width: 1024, height: 768 })
    await page.reload()
    await page.getByRole('button', { name: /☰ Following/ }).click()
    await shot('06-menu-1024-en')
    await page
      .getByRole('button', { name: /Watched/ })
      .first()
      .click()
    await page.getByRole('heading', { level: 1, name: 'Watched trials' }).waitFor()
    await shot('07-watched-1024-en')
    await page.setViewportSize({ width: 1280, height: 800 })
    await page
      .getByRole('navigation', { name: 'Following' })
      .getByRole('button', { name: /^Recently updated trials/ })
      .click()
    await page
      .getByRole('navigation', { name: 'Following' })
      .getByRole('button', { name: /^혈액내과/ })
      .waitFor()
    await shot('08-sidebar-1280-en')

    // The notification text as recorded, shown the way the OS shows it (title over body).
    const notice = bridge.notices[0]
    await writeFile(join(SHOTS, 'following-notification.txt'), `${notice.title}\n${notice.body}\n`, 'utf8')
    // A blank page: the app's Content-Security-Policy would drop the card's inline styles.
    await page.goto('about:blank')
    await page.setContent(`<html><body style="margin:0;background:#e9edf2;font-family:'NanumGothic',sans-serif">
      <div style="margin:24px;width:380px;background:#fff;border-radius:10px;box-shadow:0 6px 20px rgba(0,0,0,.18);padding:14px 16px">
        <div style="font-size:12px;color:#5b6472">Trial Desk · 알림 (기록된 그대로)</div>
        <div style="font-weight:700;margin-top:4px">${escapeHtml(notice.title)}</div>
        <div style="white-space:pre-wrap;margin-top:4px">${escapeHtml(notice.body)}</div>
      </div></body></html>`)
    await page.setViewportSize({ width: 440, height: 160 })
    await shot('09-notification-ko')
    expect(errors).toEqual([])
  }, 180_000)
})
