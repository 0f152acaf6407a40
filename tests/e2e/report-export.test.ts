// 导出月报 on 报表 in browser mode: the downloaded workbook is the one `export report` writes, for
// the month chosen and the district filtered on screen, and its figures equal the screen's.
import * as XLSX from '@e965/xlsx'
import { describe, expect, it } from 'vitest'
import { appInBrowser } from '../support/app-in-browser'
import { screenshot } from '../support/app-server'
import { browserTestsEnabled } from '../support/browser'
import { chooseOption, downloaded, motionDone } from '../support/ui'

const now = new Date()
const YEAR = now.getFullYear()
const MONTH = now.getMonth() + 1
const FIRST = `${YEAR}-${String(MONTH).padStart(2, '0')}-01`

describe.skipIf(!browserTestsEnabled())('the 月报 from the reports page', () => {
  let districtId = ''
  const ui = appInBrowser('report-export', async (api) => {
    districtId = (await api<{ id: string }>('district-create', { name: '长清区' })).id
    const other = (await api<{ id: string }>('district-create', { name: '平阴县' })).id
    const parkId = (await api<{ id: string }>('park-create', { name: '长清经济开发区', districtId })).id
    const otherPark = (await api<{ id: string }>('park-create', { name: '平阴玫瑰特色产业园', districtId: other })).id
    // Signed this month: two in 长清区 (12.5 + 3.35 亿), one in 平阴县 that the filter leaves out.
    for (const [name, park, amount] of [
      ['齐鲁制药创新药生产基地', parkId, '12.5亿'],
      ['高端装备制造基地', parkId, '3.35亿'],
      ['平阴玫瑰精深加工项目', otherPark, '5.2亿'],
    ] as const) {
      await api('project-create', { name, parkId: park, totalInvestment: amount, stage: 'signed', stageOn: FIRST, reserveOn: FIRST })
    }
  })

  it('downloads the 月报 for the chosen month with the filters on screen, with the screen figures', async () => {
    await ui.go(`/reports/flow?period=month&year=${YEAR}&month=${MONTH}&district=${districtId}`)
    const count = ui.page.getByTestId('flow-signed-count').first()
    await expect.poll(() => count.textContent()).toBe('2')
    const screenSum = await ui.page.getByTestId('flow-signed-sum').first().textContent()
    expect(screenSum).toBe('15.85')

    await ui.page.getByTestId('monthly-export').click()
    const dialog = ui.page.getByRole('dialog')
    await dialog.getByTestId('monthly-export-form').waitFor()
    // The dialog starts on the screen's month; choosing it again shows the picker works.
    await dialog.getByLabel('月份').click()
    await chooseOption(ui.page, `${MONTH}月`)
    await motionDone(ui.page)
    await screenshot(ui.page, 'report-export-monthly-dialog')
    const [download] = await Promise.all([ui.page.waitForEvent('download'), dialog.getByRole('button', { name: /下\s*载/ }).click()])
    expect(download.suggestedFilename()).toBe(`招商引资报表-${YEAR}-${String(MONTH).padStart(2, '0')}.xlsx`)

    const workbook = XLSX.read(await downloaded(download))
    expect(workbook.SheetNames.slice(0, 2)).toEqual(['汇总', '目标完成'])
    const rows = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets['汇总']!, { header: 1, raw: true })
    expect(String(rows[0]![0])).toBe(`长清区${YEAR}年${MONTH}月招商引资工作月报`)
    const header = rows.find((row) => row[0] === '指标')!
    const signed = rows.find((row) => row[0] === '签约项目')!
    const cell = (name: string) => signed[header.indexOf(name)]
    expect(Number(cell('本月项目数'))).toBe(2)
    expect(Number(cell('本月总投资（亿元）')).toFixed(2)).toBe(screenSum)

    // The 新签约项目 sheet lists the same two projects, not the one the filter leaves out.
    const list = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets['新签约项目']!, { header: 1, raw: true }).map((row) => row[1])
    expect(list).toEqual(expect.arrayContaining(['齐鲁制药创新药生产基地', '高端装备制造基地']))
    expect(list).not.toContain('平阴玫瑰精深加工项目')
    await dialog.waitFor({ state: 'hidden' })
    expect(ui.errors).toEqual([])
  })
})
