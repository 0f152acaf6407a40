// The list kit in a real browser: a 200-character name does not stretch any table (cut with an
// ellipsis, whole in a tooltip) at 1280×800 and 1366×768; a list's filters, sort and page are in
// the URL, so Back from a detail page returns to the same list; empty lists say where to act.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest'
import { dispatch } from '../../electron/handlers/dispatch'
import type { HandlerEnv } from '../../electron/handlers/types'
import { type AppServer, screenshot, startAppServer } from '../support/app-server'
import { type Browser, browserTestsEnabled, launchBrowser } from '../support/browser'
import { chooseOption, motionDone } from '../support/ui'

const LONG_NAME = `济南${'高端装备智能制造与新材料产业园'.repeat(13)}项目`.slice(0, 200)
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
] as const

describe.skipIf(!browserTestsEnabled())('the list kit in the browser', () => {
  let app: AppServer
  let browser: Browser
  let page: Page
  const errors: string[] = []

  const api = async <T = { id: string }>(method: string, input: unknown): Promise<T> => {
    const result = await dispatch({ ctx: app.backend.ctx, backend: app.backend, shell: 'test' } as HandlerEnv, method, input)
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
    return result.value as T
  }
  const base = () => app.server.url.replace(/\/\?.*$/, '/')
  const go = async (hash: string) => {
    await page.goto(`${base()}#${hash}`)
    await page.locator('.app-header').waitFor()
  }
  /**
   * How much wider the table is than the card it sits in (0: no sideways scrolling), and whether
   * the page itself scrolls sideways. A stretched table (the 3,700 px bug) fails both.
   */
  const overflow = () =>
    page.evaluate(() => {
      const table = document.querySelector('.server-table .ant-table-content table, .server-table .ant-table-body table')
      const holder = document.querySelector('.server-table')
      const pageWider = document.documentElement.scrollWidth > window.innerWidth
      return { table: table && holder ? Math.max(0, Math.round(table.getBoundingClientRect().width - holder.getBoundingClientRect().width)) : null, pageWider }
    })
  const tableIdle = () => page.locator('.server-table .ant-spin-spinning').waitFor({ state: 'detached' })
  const hashQuery = () => new URL(page.url()).hash.split('?')[1] ?? ''

  beforeAll(async () => {
    app = await startAppServer()
    const district = await api('district-create', { name: '长清区' })
    const park = await api('park-create', { name: `长清${'生物医药'.repeat(20)}产业园`, districtId: district.id, focusIndustries: '生物医药, 医疗器械' })
    const investor = await api('investor-create', { name: `${'山东'.repeat(40)}科技有限公司` })
    const project = await api('project-create', { name: LONG_NAME, parkId: park.id, investorId: investor.id, totalInvestment: '12亿', stage: 'negotiating' })
    for (let index = 1; index <= 24; index += 1) await api('project-create', { name: `配套项目${String(index).padStart(2, '0')}`, totalInvestment: `${index}亿` })
    await api('negotiation-create', { projectId: project.id, happenedOn: '2025-03-01', type: 'visit_in', summary: '洽谈'.repeat(150), nextStep: '报送'.repeat(60) })
    await api('event-create', { name: `2025 ${'济南（北京）投资合作推介会'.repeat(12)}`, type: 'promotion', startOn: '2025-04-01', city: '北京' })
    await api('request-create', { title: `${'新厂房配套用电增容'.repeat(20)}`, category: 'land', projectId: project.id, receivedOn: '2025-05-01' })
    browser = await launchBrowser({ width: 1280, height: 800 })
    page = await browser.context.newPage()
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(app.server.url)
    await page.locator('.app-header').waitFor()
  })
  beforeEach((context) => onTestFailed(() => screenshot(page, `failed-lists-${context.task.name.slice(0, 40)}`).then(() => undefined)))
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  // The parks table shares the width with the district list: it may scroll inside its card.
  const pages = [
    { name: 'projects', hash: '/projects', row: LONG_NAME.slice(0, 6), fits: true },
    { name: 'investors', hash: '/investors', row: '山东山东', fits: true },
    { name: 'negotiations', hash: '/negotiations', row: '洽谈洽谈', fits: true },
    { name: 'events', hash: '/events', row: '推介会', fits: true },
    { name: 'requests', hash: '/requests', row: '用电增容', fits: true },
    { name: 'parks', hash: '/parks', row: '生物医药', fits: false },
  ]

  for (const size of SIZES) {
    it(`keeps every list within the window at ${size.width}×${size.height}`, async () => {
      await page.setViewportSize(size)
      for (const list of pages) {
        await go(list.hash)
        await page.locator('.server-table .ant-table-row', { hasText: list.row }).first().waitFor()
        const measured = await overflow()
        expect({ page: list.name, pageWider: measured.pageWider }).toEqual({ page: list.name, pageWider: false })
        if (list.fits) expect({ page: list.name, table: measured.table }).toEqual({ page: list.name, table: 0 })
        else expect(measured.table).toBeLessThan(400)
        // The long text stays on one line.
        const cell = page.locator('.server-table .ant-table-row', { hasText: list.row }).first().locator('.list-ellipsis').first()
        expect(await cell.evaluate((element) => element.getBoundingClientRect().height)).toBeLessThan(30)
        await motionDone(page)
        await screenshot(page, `lists-${list.name}-${size.width}`)
      }
    })
  }

  it('cuts the long name with an ellipsis and shows it whole in a tooltip', async () => {
    await page.setViewportSize({ width: 1280, height: 800 })
    await go('/projects')
    const cell = page.locator('.server-table .ant-table-row', { hasText: LONG_NAME.slice(0, 6) }).locator('.list-ellipsis').first()
    await cell.waitFor()
    const { height, cut } = await cell.evaluate((element) => ({ height: element.getBoundingClientRect().height, cut: element.scrollWidth > element.clientWidth }))
    expect(cut).toBe(true)
    expect(height).toBeLessThan(30)
    await cell.hover()
    await page.locator('.ant-tooltip:visible', { hasText: LONG_NAME }).waitFor()
    await motionDone(page)
    await screenshot(page, 'lists-projects-tooltip')
  })

  it('keeps filters, sort and page in the URL: Back from a project returns to the same list', async () => {
    await go('/projects')
    await page.getByTestId('filter-text').locator('input').fill('配套项目')
    await expect.poll(() => page.getByTestId('project-summary').textContent()).toContain('共 24 个项目')
    // Sort by total investment, largest first, then the second page of 20.
    const header = page.locator('.ant-table-thead th', { hasText: '总投资' })
    const firstRow = () => page.locator('.server-table .ant-table-row').first().textContent()
    // A loading table takes no clicks (antd covers it while it loads): wait for the rows, as people do.
    await header.click()
    await expect.poll(hashQuery).toContain('sort=totalInvestment&order=asc')
    await expect.poll(firstRow).toContain('配套项目01')
    await tableIdle()
    await header.click()
    await expect.poll(hashQuery).toContain('sort=totalInvestment&order=desc')
    await expect.poll(firstRow).toContain('配套项目24')
    await tableIdle()
    await page.locator('.ant-pagination-options .ant-select').click()
    await chooseOption(page, '20 条/页')
    await tableIdle()
    await page.locator('.ant-pagination-item-2').click()
    await expect.poll(hashQuery).toContain('page=2')
    const query = hashQuery()
    expect(query).toContain('text=%E9%85%8D%E5%A5%97%E9%A1%B9%E7%9B%AE')
    expect(query).toContain('size=20')
    // Page 2 of the largest first: 配套项目04 … 01.
    const first = page.locator('.server-table .ant-table-row').first()
    await expect.poll(() => first.textContent()).toContain('配套项目04')

    await first.getByRole('link').click()
    await page.getByTestId('project-title').waitFor()
    await page.goBack()
    await expect.poll(() => page.locator('.server-table .ant-table-row').first().textContent()).toContain('配套项目04')
    expect(hashQuery()).toBe(query)
    expect(await page.getByTestId('filter-text').locator('input').inputValue()).toBe('配套项目')
    await expect(page.locator('.ant-pagination-item-active').textContent()).resolves.toBe('2')
    await screenshot(page, 'lists-projects-back')
  })

  it('opens the project list filtered from another screen through its URL', async () => {
    await go('/projects?stageOrLibrary=stage%3Anegotiating')
    await expect.poll(() => page.getByTestId('project-summary').textContent()).toContain('共 1 个项目')
  })

  it('points an empty project list to importing the ledger', async () => {
    await go('/projects?text=%E6%B2%A1%E6%9C%89%E8%BF%99%E4%B8%AA')
    await page.getByText('没有符合筛选条件的项目').waitFor()
    // Filtered: the empty state does not offer the import (the filters are what to change).
    expect(await page.getByTestId('project-empty-import').count()).toBe(0)
    for (const row of await app.backend.ctx.db.selectFrom('project').select('id').execute()) await api('project-delete', { id: row.id })
    // Deleted behind the server's back (dispatch, not the page's server): no data-changed event
    // reaches the page, so it starts afresh rather than show its cached list.
    await page.reload()
    await go('/projects')
    await page.getByTestId('project-empty-import').click()
    await expect.poll(() => page.url()).toContain('#/projects/import')
    expect(errors).toEqual([])
  })
})
