// What an officer types stays as typed until the app has said what is wrong with it: an impossible
// date followed by Enter keeps its text and shows the field error (antd's picker cleared it and the
// form saved without it); a saved-view name or a ledger template name over its limit is refused
// with a count, not cut at the limit while typing.
import { describe, expect, it } from 'vitest'
import { appInBrowser } from '../support/app-in-browser'
import { screenshot } from '../support/app-server'
import { browserTestsEnabled } from '../support/browser'
import { motionDone } from '../support/ui'

describe.skipIf(!browserTestsEnabled())('typed text is kept and named, never dropped or cut', () => {
  const ui = appInBrowser('typed-input', async (api) => {
    // A district and a person exist: the welcome steps stay away.
    await api('district-create', { name: '长清区' })
    const user = await api<{ id: string }>('user-create', { name: '张伟', role: 'staff' })
    await api('session-set-user', { userId: user.id })
  })
  const projectCount = async () => (await ui.api<{ total: number }>('project-list', {})).total

  it('keeps an impossible date typed before Enter and names it, and saves nothing', async () => {
    const { page } = ui
    await ui.go('/projects')
    await page.getByTestId('project-add').click()
    const dialog = page.getByRole('dialog', { name: '新建项目' })
    await dialog.getByLabel('项目名称').fill('济南新材料产业园项目')
    const plan = dialog.getByLabel('计划签约')
    await plan.fill('2024-02-30')
    await plan.press('Enter')
    await dialog.getByText('计划签约日期不是有效日期：没有 2024-02-30 这一天，请检查月份和日期').waitFor()
    expect(await plan.inputValue()).toBe('2024-02-30')
    await motionDone(page)
    await screenshot(page, 'typed-date-enter')
    // Enter again, and 保存: still refused, still there, nothing saved.
    await plan.press('Enter')
    await dialog.getByRole('button', { name: /保\s*存/ }).click()
    await dialog.getByText('计划签约日期不是有效日期', { exact: false }).waitFor()
    expect(await plan.inputValue()).toBe('2024-02-30')
    expect(await projectCount()).toBe(0)
    // A real day, then Enter: taken, and the form saves with it.
    await plan.fill('2024-02-29')
    await plan.press('Tab')
    await expect.poll(() => dialog.getByText('不是有效日期', { exact: false }).count()).toBe(0)
    await dialog.getByRole('button', { name: /保\s*存/ }).click()
    await dialog.waitFor({ state: 'detached' })
    const [project] = await ui.app.backend.ctx.db.selectFrom('project').select(['name', 'planSignedOn']).execute()
    expect(project).toEqual({ name: '济南新材料产业园项目', planSignedOn: '2024-02-29' })
    expect(ui.errors).toEqual([])
  })

  it('refuses a saved-view name over 40 characters with a count, keeping it whole', async () => {
    const { page } = ui
    await ui.go('/projects')
    await page.reload()
    await page.getByTestId('project-views').click()
    await page.getByText('保存当前视图…').click()
    const dialog = page.getByRole('dialog', { name: '保存视图' })
    const name = dialog.getByLabel('视图名称')
    const long = '长清区高端装备在谈项目'.repeat(5) // 55 characters
    await name.fill(long)
    await expect.poll(() => name.inputValue()).toBe(long)
    await dialog.getByText('视图名称不能超过40个字').waitFor()
    await dialog.getByText('55 / 40').waitFor()
    await dialog.getByRole('button', { name: /保\s*存/ }).click()
    await dialog.getByText('视图名称不能超过40个字').waitFor()
    expect(await page.evaluate(() => localStorage.getItem('crm-projects-views') ?? '')).not.toContain('长清区高端装备在谈项目')
    await screenshot(page, 'typed-view-name')
    await name.fill('长清区在谈')
    await dialog.getByRole('button', { name: /保\s*存/ }).click()
    await dialog.waitFor({ state: 'detached' })
    await page.getByTestId('project-views').click()
    await page.getByRole('menuitem', { name: '长清区在谈' }).waitFor()
    await page.keyboard.press('Escape')
    expect(ui.errors).toEqual([])
  })

  it('refuses a ledger template name over 50 characters with a count, keeping it whole', async () => {
    const { page } = ui
    await ui.go('/projects')
    await page.reload()
    await page.getByTestId('project-import').click()
    await page
      .locator('input[type=file]')
      .first()
      .setInputFiles({ name: '长清区台账.csv', mimeType: 'text/csv', buffer: Buffer.from('项目名称,总投资（亿元）,所属园区\n高端装备制造基地,3.5,长清经济开发区\n') })
    await page.getByTestId('ledger-mapping').waitFor()
    await page.getByTestId('ledger-template-save').click()
    const name = page.getByPlaceholder('如：长清区月报格式')
    const long = '长清区每月上报的项目台账格式'.repeat(4) // 56 characters
    await name.fill(long)
    await expect.poll(() => name.inputValue()).toBe(long)
    await page.getByTestId('ledger-template-name-error').filter({ hasText: '模板名称不能超过50个字' }).waitFor()
    await page.getByText('56 / 50').waitFor()
    await name.press('Enter')
    await motionDone(page)
    await screenshot(page, 'typed-template-name')
    expect(await ui.api<unknown[]>('ledger-template-list', {})).toEqual([])
    await name.fill('长清区月报')
    await name.press('Enter')
    await page.getByText('已保存模板“长清区月报”').waitFor()
    expect(ui.errors).toEqual([])
  })
})
