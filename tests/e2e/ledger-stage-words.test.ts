// Unknown 项目状态 words in the wizard (#11): the mapping step asks what each word means and the
// preview waits for the answers; the answers import the rows with the stage meant and are saved
// in the template, so next month's ledger with the template loaded is not asked again.
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest'
import { dispatch } from '../../electron/handlers/dispatch'
import { type AppServer, screenshot, startAppServer } from '../support/app-server'
import { type Browser, browserTestsEnabled, launchBrowser } from '../support/browser'
import { motionDone } from '../support/ui'

/** 挂牌督办 and 蹲点跟进 are this office's words; no rule knows them. */
async function monthLedger(investment: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('台账')
  ws.addRow(['项目名称', '所属区县', '总投资（亿元）', '项目状态'])
  ws.addRow(['督办装备项目', '槐荫区', investment, '挂牌督办'])
  ws.addRow(['跟进医药项目', '槐荫区', 3, '蹲点跟进'])
  ws.addRow(['在谈物流项目', '槐荫区', 1, '在谈'])
  return Buffer.from(await wb.xlsx.writeBuffer())
}

describe.skipIf(!browserTestsEnabled())('ledger import asks unknown stage words in the browser', () => {
  let app: AppServer
  let browser: Browser
  let page: Page

  const openWizard = async (buffer: Buffer) => {
    await page.evaluate(() => (window.location.hash = '#/projects'))
    await page.getByTestId('project-import').click()
    await page.locator('input[type=file]').first().setInputFiles({ name: '槐荫月报.xlsx', mimeType: 'application/octet-stream', buffer })
    await page.getByTestId('ledger-mapping').waitFor()
  }
  const count = (key: string) => page.getByTestId(`ledger-count-${key}`).locator('.ant-statistic-content-value').textContent()
  /** Picks the stage for a word, then waits until its dropdown has closed and the select shows it:
   * a dropdown still closing would otherwise take the next word's click. */
  const answer = async (word: string, stage: string) => {
    const select = page.getByTestId(`ledger-stage-word-${word}`)
    const open = page.locator('.ant-select-dropdown:visible')
    await select.click()
    await open.locator('.ant-select-item-option', { hasText: stage }).first().click()
    await expect.poll(() => open.count()).toBe(0)
    await expect.poll(() => select.textContent()).toContain(stage)
  }
  const stages = async () =>
    Object.fromEntries((await app.backend.ctx.db.selectFrom('project').select(['name', 'stage']).where('deletedAt', 'is', null).execute()).map((p) => [p.name, p.stage]))

  beforeAll(async () => {
    app = await startAppServer()
    const result = await dispatch({ ctx: app.backend.ctx, backend: app.backend, shell: 'test' }, 'district-create', { name: '槐荫区' })
    if (!result.ok) throw new Error(result.error.message)
    browser = await launchBrowser()
    page = await browser.context.newPage()
    await page.goto(app.server.url)
  })
  beforeEach((context) => onTestFailed(() => screenshot(page, `failed-ledger-words-${context.task.name.slice(0, 40)}`).then(() => undefined)))
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('asks each unknown word, waits for the answers, saves them in the template and imports the stages meant', async () => {
    await openWizard(await monthLedger(2))
    const questions = page.getByTestId('ledger-stage-words')
    await questions.waitFor()
    await expect(questions.textContent()).resolves.toContain('“挂牌督办”表示')
    await expect(questions.textContent()).resolves.toContain('“蹲点跟进”表示')
    // the preview waits: no next step, and the answer is applied only when every word has one
    await expect(page.getByTestId('ledger-map-next').isDisabled()).resolves.toBe(true)
    await answer('挂牌督办', '签约')
    await expect(page.getByTestId('ledger-stage-words-apply').isDisabled()).resolves.toBe(true)
    await answer('蹲点跟进', '在谈')
    await motionDone(page)
    await screenshot(page, 'ledger-stage-words-zh')
    await page.getByTestId('ledger-stage-words-apply').click()
    await questions.waitFor({ state: 'detached' })

    await page.getByTestId('ledger-template-save').click()
    await page.getByPlaceholder('如：长清区月报格式').fill('槐荫督办月报')
    await page.getByPlaceholder('如：长清区月报格式').press('Enter')
    await page.getByText('已保存模板“槐荫督办月报”').waitFor()
    const [template] = await (async () => {
      const listed = await dispatch({ ctx: app.backend.ctx, backend: app.backend, shell: 'test' }, 'ledger-template-list', {})
      if (!listed.ok) throw new Error(listed.error.message)
      return listed.value as { stageWords: Record<string, string> }[]
    })()
    expect(template?.stageWords).toEqual({ 挂牌督办: 'signed', 蹲点跟进: 'negotiating' })

    await page.getByTestId('ledger-map-next').click()
    await page.getByTestId('ledger-counts').waitFor()
    expect(await count('create')).toBe('3')
    expect(await count('error')).toBe('0')
    await page.getByTestId('ledger-confirm').click()
    await page.getByTestId('ledger-result').getByText('导入完成').waitFor()
    expect(await stages()).toEqual({ 督办装备项目: 'signed', 跟进医药项目: 'negotiating', 在谈物流项目: 'negotiating' })
  })

  it('reads next month’s ledger with the template loaded without asking again', async () => {
    await openWizard(await monthLedger(2.5))
    await page.getByTestId('ledger-stage-words').waitFor()
    await page.getByTestId('ledger-template-load').click()
    await page.locator('.ant-dropdown-menu-item', { hasText: '槐荫督办月报' }).click()
    await page.getByTestId('ledger-stage-words').waitFor({ state: 'detached' })
    await expect.poll(() => page.getByTestId('ledger-map-next').isDisabled()).toBe(false)
    await page.getByTestId('ledger-map-next').click()
    await page.getByTestId('ledger-counts').waitFor()
    expect(await count('update')).toBe('1')
    expect(await count('unchanged')).toBe('2')
    expect(await count('error')).toBe('0')
    await page.getByTestId('ledger-confirm').click()
    await page.getByTestId('ledger-result').getByText('导入完成').waitFor()
    expect(await stages()).toEqual({ 督办装备项目: 'signed', 跟进医药项目: 'negotiating', 在谈物流项目: 'negotiating' })
  })
})
