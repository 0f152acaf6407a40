// The report tabs tell the truth in a real browser: the period stated is the one the backend
// computed (a quarter or month picked in the filter; 期间流量 says which months of which years it
// compares), every amount and percentage column has one precision, and 导出本页 on 漏斗, 期间流量,
// 分组 and 活跃度 downloads a workbook holding exactly the screen's rows and cells under the period and filters.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import * as XLSX from '@e965/xlsx'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest'
import { ARTIFACTS, type AppServer, callApp, screenshot, startAppServer } from '../support/app-server'
import { type Browser, browserTestsEnabled, launchBrowser } from '../support/browser'
import { chooseOption, motionDone } from '../support/ui'

const now = new Date()
const YEAR = now.getFullYear()
const MONTH = now.getMonth() + 1
const QUARTER = Math.floor(now.getMonth() / 3) + 1
const pad = (n: number) => String(n).padStart(2, '0')
const lastDay = (year: number, month: number) => pad(new Date(year, month, 0).getDate())

/** What 全部时间 means on 期间流量: this year up to the current month ('2026年1–11月'). */
const soFar = (year: number) => (MONTH === 12 ? `${year}年` : MONTH === 1 ? `${year}年1月` : `${year}年1–${MONTH}月`)

/** Screen text and the workbook's shown text as one comparable string: '+2' / '2', '—' / ''. */
const same = (text: string) => text.trim().replace(/^\+/, '').replace(/^—$/, '')

describe.skipIf(!browserTestsEnabled())('report tabs: stated period, one precision per column, 导出本页', () => {
  let app: AppServer
  let browser: Browser
  let page: Page
  const errors: string[] = []
  let districtId = ''

  const api = <T>(method: string, input: unknown) => callApp<T>(app, method, input)
  const go = (hash: string) => page.evaluate((target) => (window.location.hash = target), hash)
  const text = async (testId: string) => (await page.getByTestId(testId).first().textContent())?.trim() ?? ''

  /** The body cells of a table as shown (innerText per cell), row by row. */
  const cells = (testId: string) =>
    page
      .getByTestId(testId)
      .locator('tbody tr.ant-table-row')
      .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.trim())))

  /** Clicks 导出本页 and reads the downloaded workbook's one sheet as shown text. */
  async function download(): Promise<{ fileName: string; rows: string[][] }> {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('tab-export').click()])
    // Kept beside the screenshots, to open in LibreOffice and look at.
    await file.saveAs(join(ARTIFACTS, `report-tabs-${file.suggestedFilename()}`))
    const workbook = XLSX.read(await readFile((await file.path())!))
    const sheet = workbook.Sheets[workbook.SheetNames[0]!]!
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: false, defval: '' }).map((row) => row.map(String))
    return { fileName: file.suggestedFilename(), rows }
  }

  beforeAll(async () => {
    app = await startAppServer()
    districtId = (await api<{ id: string }>('district-create', { name: '长清区' })).id
    const other = (await api<{ id: string }>('district-create', { name: '平阴县' })).id
    const parkId = (await api<{ id: string }>('park-create', { name: '长清经济开发区', districtId })).id
    const otherPark = (await api<{ id: string }>('park-create', { name: '平阴玫瑰特色产业园', districtId: other })).id
    const first = `${YEAR}-${pad(MONTH)}-01`
    const lastYear = `${YEAR - 1}-${pad(MONTH)}-01`
    // 3.5亿 (alone at 在谈) is the amount a column must show as '3.50' beside '13.75'.
    for (const [name, park, amount, stage, on] of [
      ['齐鲁制药创新药生产基地', parkId, '12.5亿', 'signed', first],
      ['高端装备制造基地', parkId, '1.25亿', 'signed', first],
      ['新能源汽车零部件产业园', parkId, '8亿', 'signed', lastYear],
      ['平阴玫瑰精深加工项目', otherPark, '5.2亿', 'signed', lastYear],
      ['冷链物流分拨中心', otherPark, '3.5亿', 'negotiating', first],
    ] as const) {
      await api('project-create', { name, parkId: park, totalInvestment: amount, stage, stageOn: on, reserveOn: on })
    }
    browser = await launchBrowser({ width: 1280, height: 800 })
    page = await browser.context.newPage()
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(app.server.url)
    await page.getByRole('menuitem', { name: '工作台' }).waitFor()
  })
  beforeEach((context) => onTestFailed(() => screenshot(page, `failed-report-tabs-${context.task.name.slice(0, 40)}`).then(() => undefined)))
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('states the period the backend computed for the quarter or month picked, and which months 期间流量 compares', async () => {
    await go('/reports/funnel')
    await expect.poll(() => text('report-period')).toBe('统计期间：全部时间（不限日期）')

    await page.getByTestId('period-mode').click()
    await chooseOption(page, '季度')
    const q1 = (QUARTER - 1) * 3 + 1
    await expect
      .poll(() => text('report-period'))
      .toBe(`统计期间：${YEAR}年第${QUARTER}季度（${YEAR}-${pad(q1)}-01 至 ${YEAR}-${pad(q1 + 2)}-${lastDay(YEAR, q1 + 2)}）`)

    await page.getByTestId('period-mode').click()
    await chooseOption(page, '月份')
    await expect.poll(() => text('report-period')).toBe(`统计期间：${YEAR}年${MONTH}月（${YEAR}-${pad(MONTH)}-01 至 ${YEAR}-${pad(MONTH)}-${lastDay(YEAR, MONTH)}）`)

    // 全部时间 on 期间流量 is this year so far against the same months of last year, and says so.
    await go('/reports/flow')
    await expect.poll(() => text('flow-period')).toBe(`${soFar(YEAR)} 与 ${soFar(YEAR - 1)}相比`)
    await go(`/reports/flow?period=quarter&year=${YEAR}&quarter=${QUARTER}`)
    await expect.poll(() => text('flow-period')).toBe(`${YEAR}年第${QUARTER}季度 与 ${YEAR - 1}年第${QUARTER}季度相比`)
    await motionDone(page)
    await screenshot(page, 'report-tabs-flow-period')
    expect(errors).toEqual([])
  })

  it('gives every amount and percentage column one precision', async () => {
    const amount = /^[+-]?\d{1,3}(,\d{3})*\.\d{2}$/
    const pct = /^([+-]?\d+\.\d{2}%|—)$/

    await go(`/reports/flow?period=month&year=${YEAR}&month=${MONTH}`)
    // The month's own answer is on screen (not the quarter's, left from the test before).
    await expect.poll(() => text('flow-period')).toBe(`${YEAR}年${MONTH}月 与 ${YEAR - 1}年${MONTH}月相比`)
    const signedRow = async () => (await cells('flow-table')).find((row) => row[0] === '签约')?.slice(1, 5)
    await expect.poll(signedRow).toEqual(['2', '13.75', '2', '13.20'])
    const flow = await cells('flow-table')
    expect(flow.length).toBe(5)
    for (const row of flow) {
      for (const i of [2, 4, 7]) expect(row[i]).toMatch(amount)
      for (const i of [6, 8]) expect(row[i]).toMatch(pct)
    }

    await go('/reports/breakdown')
    await page.getByTestId('breakdown-table').locator('tbody tr.ant-table-row').first().waitFor()
    for (const row of await cells('breakdown-table')) expect(row[2]).toMatch(amount)

    await go('/reports/funnel')
    await page.getByTestId('funnel-stages').locator('tbody tr.ant-table-row').first().waitFor()
    const funnel = await cells('funnel-stages')
    for (const row of funnel) {
      expect(row[2]).toMatch(amount)
      expect(row[3]).toMatch(/^(—|→ \S+ (\d+\.\d{2}%|—))$/)
    }
    expect(funnel.map((row) => row[2])).toContain('3.50')
  })

  it('exports each tab as shown: the same rows and cells, under the period and the filters', async () => {
    // 期间流量 of this month in 长清区: the title rows carry the period compared and the district.
    await go(`/reports/flow?period=month&year=${YEAR}&month=${MONTH}&district=${districtId}`)
    // Last year 长清区 signed one (8亿) of the two: the filtered answer is on screen.
    await expect.poll(() => text('flow-signed-last-count')).toBe('1')
    const compared = await text('flow-period')
    const flowScreen = await cells('flow-table')
    const flow = await download()
    expect(flow.fileName).toMatch(/^期间流量-\d{8}\.xlsx$/)
    expect(flow.rows[0]![0]).toBe('期间流量')
    expect(flow.rows[1]![0]).toBe(compared)
    expect(flow.rows[2]![0]).toBe('筛选：区县：长清区')
    const flowHeader = 3
    expect(flow.rows[flowHeader]).toEqual(['节点', '本期 · 项目数', '本期 · 总投资（亿元）', '去年同期 · 项目数', '去年同期 · 总投资（亿元）', '同比 · 项目数增减', '同比 · 项目数增幅', '同比 · 总投资增减（亿元）', '同比 · 总投资增幅'])
    expect(flow.rows.slice(flowHeader + 1).map((row) => row.map(same))).toEqual(flowScreen.map((row) => row.map(same)))

    // 分组 by district, all time: every district row and the 合计 row.
    await go('/reports/breakdown')
    await page.getByTestId('breakdown-table').locator('tbody tr.ant-table-row').first().waitFor()
    const breakdownScreen = await cells('breakdown-table')
    const headers = await page.getByTestId('breakdown-table').locator('thead th').allInnerTexts()
    const breakdown = await download()
    expect(breakdown.rows.slice(0, 4).map((row) => row[0])).toEqual(['分组', '统计期间：全部时间（不限日期）', '分组：区县', '筛选：无（全部项目）'])
    expect(breakdown.rows[4]).toEqual(headers.map((h) => h.trim()))
    expect(breakdown.rows.slice(5).map((row) => row.map(same))).toEqual(breakdownScreen.map((row) => row.map(same)))
    expect(breakdown.rows.at(-1)![0]).toBe('合计')

    // 漏斗 of this month: the stage table as shown.
    await go(`/reports/funnel?period=month&year=${YEAR}&month=${MONTH}`)
    await page.getByTestId('funnel-stages').locator('tbody tr.ant-table-row').first().waitFor()
    const funnelScreen = await cells('funnel-stages')
    const funnel = await download()
    expect(funnel.rows[1]![0]).toBe(await text('report-period'))
    expect(funnel.rows.slice(4).map((row) => row.map(same))).toEqual(funnelScreen.map((row) => row.map(same)))

    // 活跃度 of this month: the ranking as shown, the index with its two decimals.
    await go(`/reports/activity?period=month&year=${YEAR}&month=${MONTH}`)
    await page.getByTestId('activity-table').locator('tbody tr.ant-table-row').first().waitFor()
    const activityScreen = await cells('activity-table')
    const activity = await download()
    expect(activity.rows[1]![0]).toBe(await text('activity-period'))
    expect(activity.rows.slice(4).map((row) => row.map(same))).toEqual(activityScreen.map((row) => row.map(same)))
    for (const row of activityScreen) expect(row.at(-1)).toMatch(/^\d+\.\d{2}$/)

    // Look at the workbook as an office would print it.
    await screenshot(page, 'report-tabs-funnel')
    expect(errors).toEqual([])
  })
})
