// The ledger import wizard and the exports in a real browser: a messy 台账 as offices keep it
// (title row, unit row, synonym headers, merged 园区 cells, a 合计 row, an impossible date) goes
// through preview, one mapping change and the import; a second import changes nothing; the
// ledger export opens in exceljs with its title and 合计; undo takes the projects away again.
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest'
import { dispatch } from '../../electron/handlers/dispatch'
import { type AppServer, screenshot, startAppServer } from '../support/app-server'
import { type Browser, browserTestsEnabled, launchBrowser } from '../support/browser'
import { chooseOption, clickWhenStill, downloaded, motionDone } from '../support/ui'

const FILE_NAME = '2024年招商项目台账.xlsx'
const NAMES = ['济南智能装备产业园项目', '槐荫医药研发中心项目', '长清新材料项目']
const BAD_DATE_ROW = 8

/** Rows 5–9 (Excel numbering): three projects, one impossible date, a 合计 row. */
async function messyLedger(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.addWorksheet('填报说明').addRow(['总投资单位为万元'])
  const ws = wb.addWorksheet('2024台账')
  ws.addRow(['槐荫区2024年招商引资项目台账'])
  ws.mergeCells(1, 1, 1, 11)
  ws.addRow(['单位：万元', null, null, null, null, null, null, null, null, '填报日期：2024-12-31'])
  ws.addRow([])
  // 对接人 is no synonym of any field: the test maps it to 责任人 by hand.
  ws.addRow(['序号', '项目名称', '投资主体', '所属区县', '所属园区', '产业类别', '计划总投资（万元）', '项目状态', '签约日期', '对接人', '备注'])
  ws.addRow([1, NAMES[0], '山东巨能液压有限公司', '槐荫区', '西城科创园', '高端装备', 50000, '在建', new Date(Date.UTC(2024, 2, 15)), '张伟', '已开工'])
  ws.addRow([2, NAMES[1], '北京康泰医药科技股份有限公司', '槐荫区', null, '生物医药', 8000, '已签约', '2024年5月6日', '张伟', null])
  ws.addRow([3, NAMES[2], '上海新材集团有限公司', '长清区', '大学科技园', '新材料', 12000, '洽谈中', null, '张伟', null])
  ws.addRow([4, '坏日期项目', '乙公司', '槐荫区', null, null, null, '签约', '2024-13-45', null, null])
  ws.addRow(['合计', null, null, null, null, null, 70000, null, null, null, null])
  // One park for the first two projects, written once as offices do.
  ws.mergeCells('E5:E6')
  return Buffer.from(await wb.xlsx.writeBuffer())
}

describe.skipIf(!browserTestsEnabled())('ledger import and export in the browser', () => {
  let app: AppServer
  let browser: Browser
  let page: Page
  let ledger: Buffer
  const errors: string[] = []

  async function api<T = any>(method: string, input: unknown): Promise<T> {
    const result = await dispatch({ ctx: app.backend.ctx, backend: app.backend, shell: 'test' }, method, input)
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
    return result.value as T
  }
  const go = (hash: string) => page.evaluate((target) => (window.location.hash = target), hash)
  const settled = () => motionDone(page)
  const count = (key: string) => page.getByTestId(`ledger-count-${key}`).locator('.ant-statistic-content-value').textContent()
  const upload = (buffer: Buffer, name = FILE_NAME) =>
    page.locator('[data-testid=ledger-file] input[type=file], input[type=file]').first().setInputFiles({ name, mimeType: 'application/octet-stream', buffer })
  const liveProjects = async () =>
    (await app.backend.ctx.db.selectFrom('project').select('name').where('deletedAt', 'is', null).execute()).map((p) => p.name).sort()

  beforeAll(async () => {
    app = await startAppServer()
    // A district and the person in charge exist already: the welcome offer stays away and 对接人 resolves.
    await api('district-create', { name: '槐荫区' })
    await api('user-create', { name: '张伟', role: 'staff' })
    ledger = await messyLedger()
    browser = await launchBrowser()
    page = await browser.context.newPage()
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(app.server.url)
  })
  beforeEach((context) => onTestFailed(() => screenshot(page, `failed-ledger-${context.task.name.slice(0, 40)}`).then(() => undefined)))
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('explains a file that is not a spreadsheet', async () => {
    await go('#/projects')
    await page.getByTestId('project-import').click()
    await page.getByText('点击或拖入台账文件').waitFor()
    await screenshot(page, 'ledger-1-file-zh')
    await upload(Buffer.from('这不是表格'), '台账.xlsx')
    await page.getByTestId('ledger-file-error').waitFor()
    expect((await page.getByTestId('ledger-file-error').textContent())!.length).toBeGreaterThan(4)
    await upload(Buffer.from('x'), '台账.pdf')
    await page.getByTestId('ledger-file-error').getByText('不是 .xlsx 或 .csv 文件', { exact: false }).waitFor()
  })

  it('reads the messy ledger, maps 对接人 to 责任人 and previews the counts and the bad row', async () => {
    await upload(ledger)
    await page.getByTestId('ledger-mapping').waitFor()
    await expect(page.getByTestId('ledger-sheet').textContent()).resolves.toContain('2024台账')
    const mapped = (letter: string) => page.getByTestId(`ledger-map-${letter}`).locator('.ant-select-content, .ant-select-selection-item').first().textContent()
    await expect(mapped('C')).resolves.toBe('投资方')
    await expect(mapped('E')).resolves.toBe('所属园区')
    await expect(mapped('G')).resolves.toBe('总投资')
    await expect(mapped('J')).resolves.toBe('忽略')
    // The '单位：万元' line's unit stands beside the amount column alone, not beside 对接人.
    const unit = (letter: string) => page.locator('tr', { has: page.getByTestId(`ledger-map-${letter}`) }).locator('td').last().textContent()
    await expect(unit('G')).resolves.toBe('万元')
    await expect(unit('J')).resolves.toBe('')
    await settled()
    await screenshot(page, 'ledger-2-mapping-zh')

    await page.getByTestId('ledger-map-J').click()
    await page.keyboard.type('责任人')
    await chooseOption(page, '责任人')
    await page.getByTestId('ledger-map-apply').click()
    await expect.poll(() => mapped('J')).toBe('责任人')
    await expect(unit('J')).resolves.toBe('')
    // Kept for next month's file.
    await page.getByTestId('ledger-template-save').click()
    await page.getByPlaceholder('如：长清区月报格式').fill('槐荫月报')
    await page.getByPlaceholder('如：长清区月报格式').press('Enter')
    await page.getByText('已保存模板“槐荫月报”').waitFor()

    await page.getByTestId('ledger-map-next').click()
    await page.getByTestId('ledger-counts').waitFor()
    expect(await count('create')).toBe('3')
    expect(await count('error')).toBe('1')
    expect(await count('update')).toBe('0')
    await expect(page.getByTestId('ledger-totals').textContent()).resolves.toBe('台账合计 7.00 亿元，数据行合计 7.00 亿元')
    // A small database is copied whole before the import (db/ledger-import/apply.ts, preImportBackupOf).
    expect(await page.getByTestId('ledger-pre-import-backup').textContent()).toMatch(/^导入前会自动备份整个数据库（\d+ KB）。$/)
    await page.getByTestId('ledger-row-filter').getByText('错误').click()
    const badRow = page.locator('[data-testid=ledger-rows] .ant-table-row').first()
    expect(await badRow.locator('td').first().textContent()).toBe(String(BAD_DATE_ROW))
    expect(await badRow.textContent()).toContain('坏日期项目')
    await page.getByTestId('ledger-row-filter').getByText('全部行').click()
    await settled()
    await screenshot(page, 'ledger-3-preview-zh')
    // Nothing was written by previewing.
    expect(await liveProjects()).toEqual([])
  })

  it('downloads the problem list', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ledger-download-errors').click()])
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await downloaded(download)) as never)
    const text = JSON.stringify(wb.worksheets[0]!.getSheetValues())
    expect(text).toContain(String(BAD_DATE_ROW))
  })

  it('imports after confirming to skip the bad row, and the projects appear in the table', async () => {
    await expect(page.getByTestId('ledger-confirm').isDisabled()).resolves.toBe(true)
    await page.getByTestId('ledger-skip-errors').click()
    await page.getByTestId('ledger-confirm').click()
    await page.getByTestId('ledger-result').getByText('导入完成').waitFor()
    await settled()
    await screenshot(page, 'ledger-4-result-zh')
    expect(await liveProjects()).toEqual([...NAMES].sort())
    const owner = await app.backend.ctx.db
      .selectFrom('project')
      .innerJoin('user', 'user.id', 'project.ownerId')
      .select('user.name')
      .where('project.name', '=', NAMES[2]!)
      .executeTakeFirst()
    expect(owner?.name).toBe('张伟')

    await page.getByTestId('ledger-view-projects').click()
    for (const name of NAMES) await page.locator('.ant-table-row', { hasText: name }).waitFor()
  })

  it('exports the 项目台账 from the table with its title row and 合计', async () => {
    await page.getByTestId('project-export').click()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByText('项目台账（.xlsx）').click()])
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/)
    await page.getByText(`已导出“${download.suggestedFilename()}”`, { exact: false }).waitFor()
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await downloaded(download)) as never)
    const ws = wb.worksheets[0]!
    expect(String(ws.getRow(1).getCell(1).value)).toContain('台账')
    // The 合计 row ('合计（3个）') under the 总投资 column's header.
    let investmentColumn = -1
    let total: unknown = null
    ws.eachRow((row) => {
      const cells = (row.values as unknown[]).map((v) => (v && typeof v === 'object' && 'result' in v ? (v as { result: unknown }).result : v))
      const header = cells.findIndex((v) => typeof v === 'string' && v.startsWith('总投资'))
      if (investmentColumn < 0 && header >= 0) investmentColumn = header
      if (cells.some((v) => typeof v === 'string' && v.startsWith('合计'))) total = cells[investmentColumn]
    })
    // 50000 + 8000 + 12000 万元 = 7亿元.
    expect(Number(total)).toBe(7)
    await page.mouse.move(0, 0)
    await screenshot(page, 'ledger-export-zh')
  })

  it('imports the same file again in English with the saved template: everything unchanged', async () => {
    // The header's switch rather than a reload: out/ may be rebuilt by a parallel build meanwhile.
    await page.getByText('English', { exact: true }).click()
    await go('#/projects/import')
    await page.getByText('Click or drop a ledger file here').waitFor()
    await screenshot(page, 'ledger-1-file-en')
    await upload(ledger)
    await page.getByTestId('ledger-mapping').waitFor()
    await page.getByTestId('ledger-template-load').click()
    // The menu slides in: a click on it while it moves can land beside the template.
    const template = page.locator('.ant-dropdown-menu-item', { hasText: '槐荫月报' })
    await template.waitFor()
    await settled()
    await template.click()
    await expect.poll(() => page.getByTestId('ledger-map-J').textContent()).toBe('Responsible')
    await settled()
    await screenshot(page, 'ledger-2-mapping-en')
    await page.getByTestId('ledger-map-next').click()
    await page.getByTestId('ledger-counts').waitFor()
    expect(await count('unchanged')).toBe('3')
    expect(await count('create')).toBe('0')
    expect(await count('update')).toBe('0')
    await page.getByText('This file was imported 1 time(s) before', { exact: false }).waitFor()
    await settled()
    await screenshot(page, 'ledger-3-preview-en')
    await page.getByTestId('ledger-skip-errors').click()
    await page.getByTestId('ledger-confirm').click()
    await page.getByTestId('ledger-result').getByText('Nothing changed').waitFor()
    await settled()
    await screenshot(page, 'ledger-4-result-en')
  })

  it('undoes the first import from the history: the projects are gone', async () => {
    await page.getByRole('tab', { name: 'Import history' }).click()
    const active = page.locator('[data-testid=ledger-batches] .ant-table-row', { hasText: 'Active' })
    await expect.poll(() => active.count()).toBe(1)
    await settled()
    await screenshot(page, 'ledger-5-batches-en')
    await page.getByText('中文', { exact: true }).click()
    await page.locator('[data-testid=ledger-batches] .ant-table-row', { hasText: '有效' }).getByRole('button', { name: /撤\s*销/ }).click()
    await clickWhenStill(page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }))
    await page.getByText('已撤销：', { exact: false }).waitFor()
    await settled()
    await screenshot(page, 'ledger-5-batches-zh')
    expect(await liveProjects()).toEqual([])
    await go('#/projects')
    await page.getByText('还没有项目', { exact: false }).waitFor()
    expect(errors).toEqual([])
  })
})
