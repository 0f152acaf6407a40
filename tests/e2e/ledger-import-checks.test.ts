// The import wizard's stops in a real browser: amounts implausible for their unit block the
// import until confirmed, unknown people are created only when ticked, and columns left out are
// named. The ledger: no unit anywhere (50000 read as 亿元), a 责任人 nobody knows, a 建设地点 column.
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest'
import { dispatch } from '../../electron/handlers/dispatch'
import { type AppServer, screenshot, startAppServer } from '../support/app-server'
import { type Browser, browserTestsEnabled, launchBrowser } from '../support/browser'
import { motionDone } from '../support/ui'

async function unitlessLedger(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('台账')
  ws.addRow(['项目名称', '所属区县', '总投资', '项目状态', '责任人', '建设地点'])
  ws.addRow(['港口物流园项目', '槐荫区', 50000, '在谈', '赵新人', '美里湖片区'])
  return Buffer.from(await wb.xlsx.writeBuffer())
}

describe.skipIf(!browserTestsEnabled())('ledger import stops and asks in the browser', () => {
  let app: AppServer
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    app = await startAppServer()
    const result = await dispatch({ ctx: app.backend.ctx, backend: app.backend, shell: 'test' }, 'district-create', { name: '槐荫区' })
    if (!result.ok) throw new Error(result.error.message)
    browser = await launchBrowser()
    page = await browser.context.newPage()
    await page.goto(app.server.url)
  })
  beforeEach((context) => onTestFailed(() => screenshot(page, `failed-ledger-checks-${context.task.name.slice(0, 40)}`).then(() => undefined)))
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('blocks implausible amounts until confirmed, and creates the unknown person only when ticked', async () => {
    await page.evaluate(() => (window.location.hash = '#/projects'))
    await page.getByTestId('project-import').click()
    await page
      .locator('input[type=file]')
      .first()
      .setInputFiles({ name: '台账.xlsx', mimeType: 'application/octet-stream', buffer: await unitlessLedger() })
    await page.getByTestId('ledger-mapping').waitFor()
    await page.getByTestId('ledger-map-next').click()
    await page.getByTestId('ledger-confirmations').waitFor()
    await expect(page.getByTestId('ledger-confirmations').textContent()).resolves.toContain('超过 1000 亿元')
    await expect(page.getByTestId('ledger-new-people').textContent()).resolves.toContain('赵新人')
    await expect(page.getByTestId('ledger-not-imported').textContent()).resolves.toContain('建设地点')
    await expect(page.getByTestId('ledger-confirm').isDisabled()).resolves.toBe(true)
    await motionDone(page)
    await screenshot(page, 'ledger-checks-preview-zh')

    await page.getByTestId('ledger-confirm-amounts').click()
    await page.getByTestId('ledger-create-people').click()
    await expect.poll(() => page.getByTestId('ledger-confirm').isDisabled()).toBe(false)
    await page.getByTestId('ledger-confirm').click()
    await page.getByTestId('ledger-result').getByText('导入完成').waitFor()
    const db = app.backend.ctx.db
    const project = await db.selectFrom('project').select(['name', 'ownerId', 'totalInvestmentYuan']).where('deletedAt', 'is', null).executeTakeFirstOrThrow()
    expect(project.totalInvestmentYuan).toBe(50000 * 100_000_000)
    const owner = await db.selectFrom('user').select('name').where('id', '=', project.ownerId!).executeTakeFirstOrThrow()
    expect(owner.name).toBe('赵新人')
  })
})
