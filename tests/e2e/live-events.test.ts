// The event channel in a real browser (browser mode): a write made elsewhere — here a program
// calling the API with the run's secret, as the command line or a second window would — shows on
// an open list page without a reload, and a ledger import shows its progress bar.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest'
import { type AppServer, screenshot, startAppServer } from '../support/app-server'
import { type Browser, browserTestsEnabled, launchBrowser } from '../support/browser'
import { motionDone } from '../support/ui'

describe.skipIf(!browserTestsEnabled())('live events in the browser', () => {
  let app: AppServer
  let browser: Browser
  let page: Page
  const errors: string[] = []

  /** A call from outside the page: the API with the run's secret header, as another program makes it. */
  async function elsewhere<T = { id: string }>(method: string, input: unknown): Promise<T> {
    const response = await fetch(`http://127.0.0.1:${app.server.port}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-crm-token': app.server.token },
      body: JSON.stringify(input),
    })
    const result = (await response.json()) as { ok: boolean; value: T; error?: { message: string } }
    if (!result.ok) throw new Error(`${method}: ${result.error?.message}`)
    return result.value
  }

  beforeAll(async () => {
    app = await startAppServer()
    // A district exists already: the welcome offer stays away.
    await elsewhere('district-create', { name: '槐荫区' })
    await elsewhere('project-create', { name: '已有项目甲' })
    browser = await launchBrowser()
    page = await browser.context.newPage()
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(app.server.url)
    await page.locator('.app-header').waitFor()
  })
  beforeEach((context) => onTestFailed(() => screenshot(page, `failed-events-${context.task.name.slice(0, 40)}`).then(() => undefined)))
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('a project created elsewhere appears in the open project list without a reload', async () => {
    await page.evaluate(() => (window.location.hash = '#/projects'))
    await page.locator('.ant-table-row', { hasText: '已有项目甲' }).waitFor()
    // Survives only if the page is not reloaded.
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true))
    await elsewhere('project-create', { name: '别处新建的巨能液压项目' })
    await page.locator('.ant-table-row', { hasText: '别处新建的巨能液压项目' }).waitFor()
    // A rename elsewhere shows too.
    const [row] = (await elsewhere<{ rows: { id: string; name: string }[] }>('project-list', { text: '巨能液压' })).rows
    await elsewhere('project-update', { id: row!.id, name: '别处改名的巨能液压项目' })
    await page.locator('.ant-table-row', { hasText: '别处改名的巨能液压项目' }).waitFor()
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true)
    expect(errors).toEqual([])
  })

  it('a ledger import shows a progress bar named by what it does', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `${i + 1},进度条测试项目${String(i + 1).padStart(2, '0')},${1000 + i}`)
    const csv = Buffer.from(`\uFEFF序号,项目名称,总投资（万元）\n${rows.join('\n')}\n`, 'utf8')
    await page.evaluate(() => (window.location.hash = '#/projects'))
    await page.getByTestId('project-import').click()
    await page.locator('input[type=file]').first().setInputFiles({ name: '进度台账.csv', mimeType: 'text/csv', buffer: csv })
    await page.getByTestId('ledger-mapping').waitFor()
    await page.getByTestId('ledger-map-next').click()
    await page.getByTestId('ledger-counts').waitFor()
    const bar = page.getByRole('progressbar', { name: /导入台账/ })
    const shown = bar.waitFor()
    await page.getByTestId('ledger-confirm').click()
    await shown
    await page.getByTestId('ledger-result').getByText('导入完成').waitFor()
    await motionDone(page)
    await screenshot(page, 'events-import-progress')
    const label = await bar.getAttribute('aria-label')
    expect(label).toMatch(/^导入台账：/)
  })
})
