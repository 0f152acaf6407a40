// Every empty list says what is missing and offers, right there, the action that fills it: on a new
// office's database an officer who lands on any list is one click from its first record.
import { describe, expect, it } from 'vitest'
import { appInBrowser } from '../support/app-in-browser'
import { screenshot } from '../support/app-server'
import { browserTestsEnabled } from '../support/browser'
import { motionDone } from '../support/ui'

/** Lists whose empty state opens the list's own 新建 dialog: where, and the action (the dialog's title). */
const CREATES_IN_PLACE = [
  { path: '/investors', dialog: '新建客商' },
  { path: '/negotiations', dialog: '新建洽谈记录' },
  { path: '/requests', dialog: '登记诉求' },
  { path: '/events', dialog: '新建活动' },
  { path: '/parks', dialog: '新建园区' },
  { path: '/settings/targets', dialog: '设定目标' },
]

describe.skipIf(!browserTestsEnabled())('empty lists point to their action', () => {
  const ui = appInBrowser('empty-states', async (api) => {
    // A district and a person exist (the welcome steps stay away); nothing else does.
    await api('district-create', { name: '长清区' })
    const user = await api<{ id: string }>('user-create', { name: '张伟', role: 'staff' })
    await api('session-set-user', { userId: user.id })
  })

  for (const { path, dialog } of CREATES_IN_PLACE) {
    it(`${path}: the empty state's action opens ${dialog}`, async () => {
      const { page } = ui
      await ui.go(path)
      // The action inside the empty state says what the dialog is called (the page's 新建 button
      // says it too, outside the empty state); waiting for it also waits for the page's own list.
      await page.locator('.ant-empty:visible').getByText(dialog, { exact: true }).click()
      const opened = page.getByRole('dialog', { name: dialog })
      await opened.waitFor()
      await motionDone(page)
      await page.keyboard.press('Escape')
      await opened.waitFor({ state: 'hidden' })
    })
  }

  it('the empty project list leads to 导入台账', async () => {
    const { page } = ui
    await ui.go('/projects')
    await page.getByTestId('project-empty-import').click()
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/projects/import')
  })

  it('an empty 目标 report leads to where targets are set', async () => {
    const { page } = ui
    await ui.go('/reports/targets')
    await page.getByTestId('targets-empty-set').click()
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/settings/targets')
    await page.getByTestId('target-add').waitFor()
    await screenshot(page, 'empty-settings-targets')
  })

  it('an empty 标签 list offers 新建标签', async () => {
    const { page } = ui
    await ui.go('/settings/catalog')
    const tags = page.locator('.ant-card').filter({ has: page.getByTestId('tag-add') })
    await tags.getByTestId('empty-action').click()
    await page.getByRole('dialog').waitFor()
    await page.keyboard.press('Escape')
    await page.getByRole('dialog').waitFor({ state: 'hidden' })
    expect(ui.errors).toEqual([])
  })
})
