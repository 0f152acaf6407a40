// The report tabs tell the truth in a real browser: the period stated is the one the backend
// computed (a quarter or month picked in the filter; 期间流量 says which months of which years it
// compares), every amount and percentage column has one precision, 导出本页 on every tab downloads a
// workbook holding exactly the screen's rows and cells under the period and filters, and the print
// header states the same period as the screen.
import { join } from 'node:path'
import * as XLSX from '@e965/xlsx'
import { describe, expect, it } from 'vitest'
import { appInBrowser } from '../support/app-in-browser'
import { ARTIFACTS, screenshot } from '../support/app-server'
import { browserTestsEnabled } from '../support/browser'
import { chooseOption, downloaded, motionDone } from '../support/ui'

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
  let districtId = ''
  const ui = appInBrowser('report-tabs', async (api) => {
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
    // 目标 of 长清区 this year: a count row (2 of 5) beside an amount row (13.75 of 50 亿).
    await api('target-set', { year: YEAR, unitType: 'district', unitId: districtId, indicator: 'signed_projects', value: 5 })
    await api('target-set', { year: YEAR, unitType: 'district', unitId: districtId, indicator: 'signed_amount', value: '50亿' })
  })
  const page = () => ui.page
  const text = async (testId: string) => (await page().getByTestId(testId).first().textContent())?.trim() ?? ''

  /** The body cells of a table as shown (innerText per cell), row by row. */
  const cells = (testId: string) =>
    page()
      .getByTestId(testId)
      .locator('tbody tr.ant-table-row')
      .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.trim())))

  /** Clicks 导出本页 and reads the downloaded workbook's sheets as shown text. */
  async function download(): Promise<{ fileName: string; rows: string[][]; sheets: Record<string, string[][]> }> {
    const [file] = await Promise.all([page().waitForEvent('download'), page().getByTestId('tab-export').click()])
    // Kept beside the screenshots, to open in LibreOffice and look at.
    await file.saveAs(join(ARTIFACTS, `report-tabs-${file.suggestedFilename()}`))
    const workbook = XLSX.read(await downloaded(file))
    const sheets = Object.fromEntries(
      workbook.SheetNames.map((name) => [
        name,
        XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets[name]!, { header: 1, raw: false, defval: '' }).map((row) => row.map(String)),
      ]),
    )
    return { fileName: file.suggestedFilename(), rows: sheets[workbook.SheetNames[0]!]!, sheets }
  }

  it('states the period the backend computed for the quarter or month picked, and which months 期间流量 compares', async () => {
    await ui.go('/reports/funnel')
    await expect.poll(() => text('report-period')).toBe('统计期间：全部时间（不限日期）')

    await page().getByTestId('period-mode').click()
    await chooseOption(page(), '季度')
    const q1 = (QUARTER - 1) * 3 + 1
    await expect
      .poll(() => text('report-period'))
      .toBe(`统计期间：${YEAR}年第${QUARTER}季度（${YEAR}-${pad(q1)}-01 至 ${YEAR}-${pad(q1 + 2)}-${lastDay(YEAR, q1 + 2)}）`)

    await page().getByTestId('period-mode').click()
    await chooseOption(page(), '月份')
    await expect.poll(() => text('report-period')).toBe(`统计期间：${YEAR}年${MONTH}月（${YEAR}-${pad(MONTH)}-01 至 ${YEAR}-${pad(MONTH)}-${lastDay(YEAR, MONTH)}）`)

    // 全部时间 on 期间流量 is this year so far against the same months of last year, and says so.
    await ui.go('/reports/flow')
    await expect.poll(() => text('flow-period')).toBe(`${soFar(YEAR)} 与 ${soFar(YEAR - 1)}相比`)
    await ui.go(`/reports/flow?period=quarter&year=${YEAR}&quarter=${QUARTER}`)
    await expect.poll(() => text('flow-period')).toBe(`${YEAR}年第${QUARTER}季度 与 ${YEAR - 1}年第${QUARTER}季度相比`)
    await motionDone(page())
    await screenshot(page(), 'report-tabs-flow-period')
    expect(ui.errors).toEqual([])
  })

  it('gives every amount and percentage column one precision', async () => {
    const amount = /^[+-]?\d{1,3}(,\d{3})*\.\d{2}$/
    const pct = /^([+-]?\d+\.\d{2}%|—)$/

    await ui.go(`/reports/flow?period=month&year=${YEAR}&month=${MONTH}`)
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

    await ui.go('/reports/breakdown')
    await page().getByTestId('breakdown-table').locator('tbody tr.ant-table-row').first().waitFor()
    for (const row of await cells('breakdown-table')) expect(row[2]).toMatch(amount)

    await ui.go('/reports/funnel')
    await page().getByTestId('funnel-stages').locator('tbody tr.ant-table-row').first().waitFor()
    const funnel = await cells('funnel-stages')
    for (const row of funnel) {
      expect(row[2]).toMatch(amount)
      expect(row[3]).toMatch(/^(—|→ \S+ (\d+\.\d{2}%|—))$/)
    }
    expect(funnel.map((row) => row[2])).toContain('3.50')
  })

  it('exports each tab as shown: the same rows and cells, under the period and the filters', async () => {
    // 期间流量 of this month in 长清区: the title rows carry the period compared and the district.
    await ui.go(`/reports/flow?period=month&year=${YEAR}&month=${MONTH}&district=${districtId}`)
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
    await ui.go('/reports/breakdown')
    await page().getByTestId('breakdown-table').locator('tbody tr.ant-table-row').first().waitFor()
    const breakdownScreen = await cells('breakdown-table')
    const headers = await page().getByTestId('breakdown-table').locator('thead th').allInnerTexts()
    const breakdown = await download()
    expect(breakdown.rows.slice(0, 4).map((row) => row[0])).toEqual(['分组', '统计期间：全部时间（不限日期）', '分组：区县', '筛选：无（全部项目）'])
    expect(breakdown.rows[4]).toEqual(headers.map((h) => h.trim()))
    expect(breakdown.rows.slice(5).map((row) => row.map(same))).toEqual(breakdownScreen.map((row) => row.map(same)))
    expect(breakdown.rows.at(-1)![0]).toBe('合计')

    // 漏斗 of this month: the stage table as shown.
    await ui.go(`/reports/funnel?period=month&year=${YEAR}&month=${MONTH}`)
    await page().getByTestId('funnel-stages').locator('tbody tr.ant-table-row').first().waitFor()
    const funnelScreen = await cells('funnel-stages')
    const funnel = await download()
    expect(funnel.rows[1]![0]).toBe(await text('report-period'))
    expect(funnel.rows.slice(4).map((row) => row.map(same))).toEqual(funnelScreen.map((row) => row.map(same)))

    // 活跃度 of this month: the ranking as shown, the index with its two decimals.
    await ui.go(`/reports/activity?period=month&year=${YEAR}&month=${MONTH}`)
    await page().getByTestId('activity-table').locator('tbody tr.ant-table-row').first().waitFor()
    const activityScreen = await cells('activity-table')
    const activity = await download()
    expect(activity.rows[1]![0]).toBe(await text('activity-period'))
    expect(activity.rows.slice(4).map((row) => row.map(same))).toEqual(activityScreen.map((row) => row.map(same)))
    for (const row of activityScreen) expect(row.at(-1)).toMatch(/^\d+\.\d{2}$/)

    // Look at the workbook as an office would print it.
    await screenshot(page(), 'report-tabs-funnel')
    expect(ui.errors).toEqual([])
  })

  it('exports 目标, 异常 and 比率 as shown, under what they state and the filters', async () => {
    // 目标 of 长清区: a count row and an amount row, each cell as on screen.
    await ui.go(`/reports/targets?district=${districtId}`)
    await page().getByTestId('targets-table').locator('tbody tr.ant-table-row').nth(1).waitFor()
    const targetsScreen = await cells('targets-table')
    const targetHeaders = (await page().getByTestId('targets-table').locator('thead th').allInnerTexts()).map((h) => h.trim())
    const targets = await download()
    expect(targets.fileName).toMatch(/^目标-\d{8}\.xlsx$/)
    expect(targets.rows.slice(0, 3).map((row) => row[0])).toEqual(['目标', await text('targets-period'), '筛选：区县：长清区'])
    expect(targets.rows[3]).toEqual(targetHeaders)
    expect(targets.rows.slice(4)).toEqual(targetsScreen)
    expect(targetsScreen.map((row) => row.slice(2, 4))).toEqual([
      ['2', '5'],
      ['13.75', '50.00'],
    ])

    // 异常 · 签约未开工: the two projects signed a year ago, as listed, with what the list says of itself.
    await ui.go('/reports/exceptions')
    await page().getByTestId('exception-table').locator('tbody tr.ant-table-row').nth(1).waitFor()
    const exceptionsScreen = await cells('exception-table')
    const exceptionHeaders = (await page().getByTestId('exception-table').locator('thead th').allInnerTexts()).map((h) => h.trim())
    const exceptions = await download()
    expect(exceptions.rows[1]![0]).toMatch(/^签约未开工（阈值 3 个月）：统计至 \d{4}-\d{2}-\d{2}，共 2 条$/)
    expect(exceptions.rows[2]![0]).toBe('筛选：无（全部项目）')
    expect(exceptions.rows[3]).toEqual(exceptionHeaders)
    expect(exceptions.rows.slice(4).map((row) => row.map(same))).toEqual(exceptionsScreen.map((row) => row.map(same)))
    expect(exceptionsScreen.map((row) => row[0]).sort()).toEqual(['平阴玫瑰精深加工项目', '新能源汽车零部件产业园'])

    // 比率 of this month: one row per rate card (the card's rate, numerator and denominator), and
    // 当年策划、当年开工、当年投产 on a sheet of its own.
    await ui.go(`/reports/rates?period=month&year=${YEAR}&month=${MONTH}`)
    await expect.poll(() => text('rates-period')).toContain(`${YEAR}年${MONTH}月`)
    const rateCards = await page()
      .locator('[data-testid^="rate-"]')
      .evaluateAll((cards) =>
        cards.map((card) => {
          const value = card.querySelector('.report-stat-value') as HTMLElement
          const [numerator, denominator] = [...card.querySelectorAll('.report-stat-sub > :not(.report-stat-unit)')].map((part) => (part as HTMLElement).innerText.trim())
          return [(card.querySelector('.ant-typography') as HTMLElement).innerText.trim(), value.innerText.trim(), numerator, denominator]
        }),
      )
    const rates = await download()
    expect(rates.rows.slice(0, 3).map((row) => row[0])).toEqual(['比率', await text('rates-period'), '筛选：无（全部项目）'])
    expect(rates.rows[3]).toEqual(['指标', '比率', '分子', '分母', '单位'])
    expect(rates.rows.slice(4).map((row) => row.slice(0, 4).map(same))).toEqual(rateCards.map((row) => row.map(same)))
    expect(rates.rows.slice(4).map((row) => row[0])).toEqual(['履约率', '落地率', '开工率', '投产率', '资金到位率'])
    const sameYear = Object.entries(rates.sheets).find(([name]) => name.includes('当年策划'))
    expect(sameYear?.[1][1]![0]).toBe((await page().getByTestId('same-year').locator('.ant-space').first().innerText()).replace(/\s+/g, '　'))
    await motionDone(page())
    await screenshot(page(), 'report-tabs-rates')
    expect(ui.errors).toEqual([])
  })

  it('prints the period the tab states, not one guessed from the filter', async () => {
    // The print dialog would block a headless browser: count the calls instead.
    await page().evaluate(() => {
      ;(window as unknown as { printed: number }).printed = 0
      window.print = () => void ((window as unknown as { printed: number }).printed += 1)
    })
    // 全部时间 on 期间流量 is this year so far against last year's same months: the print says so too.
    await ui.go('/reports/flow')
    await expect.poll(() => text('flow-period')).toBe(`${soFar(YEAR)} 与 ${soFar(YEAR - 1)}相比`)
    await page().getByTestId('print-open').click()
    await page().getByTestId('print-header').waitFor()
    await expect.poll(() => text('print-period')).toBe(`${soFar(YEAR)} 与 ${soFar(YEAR - 1)}相比`)
    await page().emulateMedia({ media: 'print' })
    expect(await page().getByTestId('print-period').isVisible()).toBe(true)
    await screenshot(page(), 'report-tabs-print-flow')
    await page().emulateMedia({ media: 'screen' })
    // 打印 opens the dialog once the charts have drawn, and then makes its URL plain print view
    // (print=1 without the request to print): leave only after that, or on a loaded machine that
    // late step lands after the next page was opened and takes the browser back to 期间流量.
    await expect.poll(() => page().evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1)

    // A month on 漏斗: the header follows the tab and the filter to the computed dates.
    await ui.go(`/reports/funnel?period=month&year=${YEAR}&month=${MONTH}&print=1`)
    const stated = `统计期间：${YEAR}年${MONTH}月（${YEAR}-${pad(MONTH)}-01 至 ${YEAR}-${pad(MONTH)}-${lastDay(YEAR, MONTH)}）`
    await expect.poll(() => text('print-period')).toBe(stated)
    expect(await text('report-period')).toBe(stated)
    await page().getByTestId('print-close').click()
    await page().getByTestId('print-header').waitFor({ state: 'detached' })
    expect(ui.errors).toEqual([])
  })
})
