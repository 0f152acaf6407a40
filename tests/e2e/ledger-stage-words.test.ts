// Unknown 项目状态 words in the wizard (#11): the mapping step asks what each word means and the
// preview waits for the answers; the answers import the rows with the stage meant and are saved
// in the template, so next month's ledger with the template loaded is not asked again.
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { appInBrowser } from '../support/app-in-browser'
import { screenshot } from '../support/app-server'
import { browserTestsEnabled } from '../support/browser'
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
  const ui = appInBrowser('ledger-words', async (api) => {
    await api('district-create', { name: '槐荫区' })
  })

  const openWizard = async (buffer: Buffer) => {
    await ui.go('/projects')
    await ui.page.getByTestId('project-import').click()
    await ui.page.locator('input[type=file]').first().setInputFiles({ name: '槐荫月报.xlsx', mimeType: 'application/octet-stream', buffer })
    await ui.page.getByTestId('ledger-mapping').waitFor()
  }
  const count = (key: string) => ui.page.getByTestId(`ledger-count-${key}`).locator('.ant-statistic-content-value').textContent()
  /** Picks the stage for a word, then waits until its dropdown has closed and the select shows it:
   * a dropdown still closing would otherwise take the next word's click. */
  const answer = async (word: string, stage: string) => {
    const select = ui.page.getByTestId(`ledger-stage-word-${word}`)
    const open = ui.page.locator('.ant-select-dropdown:visible')
    await select.click()
    await open.locator('.ant-select-item-option', { hasText: stage }).first().click()
    await expect.poll(() => open.count()).toBe(0)
    await expect.poll(() => select.textContent()).toContain(stage)
  }
  const stages = async () =>
    Object.fromEntries((await ui.app.backend.ctx.db.selectFrom('project').select(['name', 'stage']).where('deletedAt', 'is', null).execute()).map((p) => [p.name, p.stage]))

  it('asks each unknown word, waits for the answers, saves them in the template and imports the stages meant', async () => {
    await openWizard(await monthLedger(2))
    const questions = ui.page.getByTestId('ledger-stage-words')
    await questions.waitFor()
    await expect(questions.textContent()).resolves.toContain('“挂牌督办”表示')
    await expect(questions.textContent()).resolves.toContain('“蹲点跟进”表示')
    // the preview waits: no next step, and the answer is applied only when every word has one
    await expect(ui.page.getByTestId('ledger-map-next').isDisabled()).resolves.toBe(true)
    await answer('挂牌督办', '签约')
    await expect(ui.page.getByTestId('ledger-stage-words-apply').isDisabled()).resolves.toBe(true)
    await answer('蹲点跟进', '在谈')
    await motionDone(ui.page)
    await screenshot(ui.page, 'ledger-stage-words-zh')
    await ui.page.getByTestId('ledger-stage-words-apply').click()
    await questions.waitFor({ state: 'detached' })

    await ui.page.getByTestId('ledger-template-save').click()
    await ui.page.getByPlaceholder('如：长清区月报格式').fill('槐荫督办月报')
    await ui.page.getByPlaceholder('如：长清区月报格式').press('Enter')
    await ui.page.getByText('已保存模板“槐荫督办月报”').waitFor()
    const [template] = await ui.api<{ stageWords: Record<string, string> }[]>('ledger-template-list', {})
    expect(template?.stageWords).toEqual({ 挂牌督办: 'signed', 蹲点跟进: 'negotiating' })

    await ui.page.getByTestId('ledger-map-next').click()
    await ui.page.getByTestId('ledger-counts').waitFor()
    expect(await count('create')).toBe('3')
    expect(await count('error')).toBe('0')
    await ui.page.getByTestId('ledger-confirm').click()
    await ui.page.getByTestId('ledger-result').getByText('导入完成').waitFor()
    expect(await stages()).toEqual({ 督办装备项目: 'signed', 跟进医药项目: 'negotiating', 在谈物流项目: 'negotiating' })
  })

  it('reads next month’s ledger with the template loaded without asking again', async () => {
    await openWizard(await monthLedger(2.5))
    await ui.page.getByTestId('ledger-stage-words').waitFor()
    await ui.page.getByTestId('ledger-template-load').click()
    await ui.page.locator('.ant-dropdown-menu-item', { hasText: '槐荫督办月报' }).click()
    await ui.page.getByTestId('ledger-stage-words').waitFor({ state: 'detached' })
    await expect.poll(() => ui.page.getByTestId('ledger-map-next').isDisabled()).toBe(false)
    await ui.page.getByTestId('ledger-map-next').click()
    await ui.page.getByTestId('ledger-counts').waitFor()
    expect(await count('update')).toBe('1')
    expect(await count('unchanged')).toBe('2')
    expect(await count('error')).toBe('0')
    await ui.page.getByTestId('ledger-confirm').click()
    await ui.page.getByTestId('ledger-result').getByText('导入完成').waitFor()
    expect(await stages()).toEqual({ 督办装备项目: 'signed', 跟进医药项目: 'negotiating', 在谈物流项目: 'negotiating' })
  })
})
