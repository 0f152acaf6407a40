// The shell and its cross-cutting features in a real browser: the first user from the header,
// the language switch, Ctrl+K search by pinyin initials, the reminders badge; then events,
// requests (advanced to 办结), the settings tabs and the recycle bin.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest'
import { todayIso } from '../../db/domain/dates'
import { dispatch } from '../../electron/handlers/dispatch'
import type { HandlerEnv } from '../../electron/handlers/types'
import { type AppServer, screenshot, startAppServer } from '../support/app-server'
import { type Browser, browserTestsEnabled, launchBrowser } from '../support/browser'
import { chooseOption, clickWhenStill, pickSearched, saveDialog } from '../support/ui'

const daysAgo = (days: number) => {
  const day = new Date()
  day.setDate(day.getDate() - days)
  return todayIso(day)
}

// Screens are shot in both languages (two reloads each): slower than the project's default timeout.
describe.skipIf(!browserTestsEnabled())('the shell in the browser', { timeout: 300_000 }, () => {
  let app: AppServer
  let browser: Browser
  let page: Page
  let env: HandlerEnv
  let projectId = ''
  const errors: string[] = []

  /** Calls the API as the app would, and fails loudly when the setup itself is wrong. */
  const api = async <T = { id: string }>(method: string, input: unknown): Promise<T> => {
    const result = await dispatch(env, method, input)
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
    return result.value as T
  }

  const setLanguage = async (language: 'zh' | 'en') => {
    await page.evaluate((value) => localStorage.setItem('crm-language', value), language)
    await page.reload()
    await page.locator('.app-header').waitFor()
  }

  /** The current screen in Chinese and in English, then back to Chinese. */
  const shots = async (name: string, ready: (language: 'zh' | 'en') => Promise<unknown>) => {
    await ready('zh')
    await screenshot(page, `${name}-zh`)
    await setLanguage('en')
    await ready('en')
    await screenshot(page, `${name}-en`)
    await setLanguage('zh')
    await ready('zh')
  }

  const go = async (hash: string) => {
    await page.goto(`${app.server.url.replace(/\/\?.*$/, '/')}#${hash}`)
    await page.locator('.app-header').waitFor()
  }

  beforeAll(async () => {
    app = await startAppServer()
    env = { ctx: app.backend.ctx, backend: app.backend, shell: 'test' }
    browser = await launchBrowser()
    page = await browser.context.newPage()
    page.on('pageerror', (error) => errors.push(error.message))
  })
  beforeEach((context) =>
    onTestFailed(async () => {
      console.error('page errors:', errors)
      await screenshot(page, `failed-shell-${context.task.name.slice(0, 40)}`)
    }),
  )
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('offers to create the first user from the header, then shows their name', async () => {
    await page.goto(app.server.url)
    await page.getByTestId('user-create-first').click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('姓名').fill('王晓明')
    await saveDialog(dialog)
    await page.getByTestId('user-switcher').getByText('王晓明').waitFor()
    const session = await api<{ user: { name: string } | null }>('session-get', {})
    expect(session.user?.name).toBe('王晓明')
    await page.getByText('从空白开始').click()
    await screenshot(page, 'shell-header-zh')
  })

  it('switches the language to English and back, antd locale included', async () => {
    await go('/events')
    await page.locator('input[placeholder="开始日期"]').waitFor()
    await page.getByTestId('language-switch').getByText('English').click()
    await page.getByRole('menuitem', { name: 'Workbench' }).waitFor()
    await page.getByRole('button', { name: /New event/ }).waitFor()
    // The RangePicker's placeholder comes from antd's own locale.
    await page.locator('input[placeholder="Start date"]').waitFor()
    expect(await page.evaluate(() => localStorage.getItem('crm-language'))).toBe('en')
    await screenshot(page, 'shell-header-en')
    await page.getByTestId('language-switch').getByText('中文').click()
    await page.getByRole('menuitem', { name: '工作台' }).waitFor()
    await page.locator('input[placeholder="开始日期"]').waitFor()
  })

  it('counts a next step that fell due yesterday on the menu and in the header', async () => {
    const project = await api('project-create', { name: '巨能液压数控设备项目', totalInvestment: '12.5亿' })
    projectId = project.id
    await api('negotiation-create', {
      happenedOn: daysAgo(3),
      type: 'visit_in',
      projectId,
      summary: '企业来访，商谈数控设备生产线落地长清',
      nextStep: '寄送园区用地方案',
      nextDueOn: daysAgo(1),
    })
    await page.reload()
    await expect.poll(() => page.getByTestId('nav-due-badge').textContent(), { timeout: 20_000 }).toContain('1')
    await expect.poll(() => page.locator('.app-header .ant-badge').first().textContent(), { timeout: 20_000 }).toContain('1')
    await page.getByTestId('reminders-bell').click()
    await page.getByText('寄送园区用地方案').waitFor()
    await screenshot(page, 'shell-reminders-zh')
    await page.keyboard.press('Escape')
  })

  it('finds the project by pinyin initials with Ctrl+K, and Enter opens it', async () => {
    await go('/events')
    await page.keyboard.press('Control+k')
    const box = page.getByTestId('global-search-input')
    await box.waitFor()
    // Type only once the dialog has focused its box (it focuses after the open animation).
    await expect.poll(() => box.evaluate((element) => element === document.activeElement)).toBe(true)
    await box.pressSequentially('jnyy')
    await expect.poll(() => box.inputValue()).toBe('jnyy')
    const hit = page.getByTestId('global-search-hit').filter({ hasText: '巨能液压数控设备项目' })
    await hit.waitFor()
    await screenshot(page, 'shell-search-zh')
    await box.press('Enter')
    await expect.poll(() => page.url(), { timeout: 20_000 }).toContain(`#/projects/${projectId}`)

    await setLanguage('en')
    await page.keyboard.press('Control+k')
    await page.getByTestId('global-search-input').pressSequentially('巨能')
    await page.getByTestId('global-search-hit').first().waitFor()
    // A Chinese match is framed by the API and drawn as <mark>, never as HTML.
    await expect.poll(() => page.locator('.global-search mark').first().textContent(), { timeout: 20_000 }).toBe('巨能')
    await screenshot(page, 'shell-search-en')
    await page.keyboard.press('Escape')
    await setLanguage('zh')
  })

  it('creates an event that links the project, and shows it on the detail page', async () => {
    await go('/events')
    await page.getByText('还没有招商活动').waitFor()
    await screenshot(page, 'events-empty-zh')
    await page.getByTestId('event-add').click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('活动名称').fill('2024 济南（北京）投资合作推介会')
    await dialog.getByLabel('城市').fill('北京')
    await dialog.getByLabel('主办单位').fill('济南市投资促进局')
    await dialog.getByLabel('签约项目').click()
    await pickSearched(page, dialog.getByLabel('签约项目'), '巨能', '巨能液压数控设备项目')
    await saveDialog(dialog)
    const row = page.locator('.ant-table-row', { hasText: '2024 济南（北京）投资合作推介会' })
    await row.waitFor()
    expect(await row.textContent()).toContain('北京')
    await shots('events-list', (language) => page.getByText(language === 'zh' ? '签约仪式' : 'New event').first().or(page.locator('.ant-table-row')).first().waitFor())

    await row.getByRole('link').click()
    await page.getByRole('link', { name: '巨能液压数控设备项目' }).waitFor()
    await shots('events-detail', () => page.getByRole('link', { name: '巨能液压数控设备项目' }).waitFor())
  })

  it('registers a request and advances it to 办结', async () => {
    await go('/requests')
    await page.getByText('还没有企业诉求').waitFor()
    await page.getByTestId('request-add').click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('诉求标题').fill('新厂房配套用电增容')
    await dialog.getByLabel('项目', { exact: true }).click()
    await pickSearched(page, dialog.getByLabel('项目', { exact: true }), '巨能', '巨能液压数控设备项目')
    await dialog.getByLabel('诉求内容').fill('二期厂房投产前需增容至 2000 千伏安')
    await saveDialog(dialog)
    const row = page.locator('.ant-table-row', { hasText: '新厂房配套用电增容' })
    await row.waitFor()
    await shots('requests-list', () => page.locator('.ant-table-row').first().waitFor())

    await row.getByRole('link').click()
    await page.getByTestId('request-advance').click()
    const advance = page.getByRole('dialog')
    await advance.getByLabel('状态').click()
    await chooseOption(page, '办结')
    await saveDialog(advance)
    await page.getByText('已推进到“办结”').waitFor()
    await page.locator('.ant-steps-item-process, .ant-steps-item-active').filter({ hasText: '办结' }).first().waitFor()
    const stored = await app.backend.ctx.db.selectFrom('request').select(['status', 'resolvedOn']).executeTakeFirstOrThrow()
    expect(stored.status).toBe('resolved')
    expect(stored.resolvedOn).toBe(todayIso())
    await shots('requests-detail', () => page.locator('.ant-steps').waitFor())
  })

  it('deletes a tag and restores it from the recycle bin', async () => {
    await api('tag-create', { name: '专精特新', color: '#1f5fbf' })
    await api('tag-create', { name: '瞪羚企业' })
    const top = await api('industry-create', { name: '高端装备' })
    await api('industry-create', { name: '数控机床', parentId: top.id })
    await go('/settings/catalog')
    await page.getByTestId('tag-delete-专精特新').click()
    await clickWhenStill(page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }))
    await page.getByText('已删除“专精特新”').waitFor()
    await expect.poll(() => page.locator('.ant-table-row', { hasText: '专精特新' }).count(), { timeout: 20_000 }).toBe(0)

    await page.getByRole('tab', { name: '回收站' }).click()
    await page.locator('.ant-table-row', { hasText: '专精特新' }).waitFor()
    await shots('settings-recycle', () => page.locator('.ant-table-row', { hasText: '专精特新' }).waitFor())
    await page.getByTestId('recycle-restore-专精特新').click()
    await page.getByText('已恢复“专精特新”').waitFor()

    await page.getByRole('tab', { name: '产业与标签' }).click()
    await page.locator('.ant-table-row', { hasText: '专精特新' }).waitFor()
    await shots('settings-catalog', () => page.locator('.ant-table-row', { hasText: '数控机床' }).waitFor())
  })

  it('shows the other settings tabs in both languages', async () => {
    const district = await api('district-create', { name: '长清区' })
    await api('target-set', { year: new Date().getFullYear(), unitType: 'district', unitId: district.id, indicator: 'signed_amount', value: '150亿' })
    await api('target-set', { year: new Date().getFullYear(), unitType: 'district', unitId: district.id, indicator: 'signed_projects', value: 40 })
    await go('/settings/me')
    await shots('settings-me', () => page.getByTestId('me-user-select').waitFor())
    await go('/settings/users')
    await shots('settings-users', () => page.locator('.ant-table-row', { hasText: '王晓明' }).waitFor())
    await go('/settings/targets')
    await page.getByText('150.00 亿元').waitFor()
    await shots('settings-targets', () => page.locator('.ant-table-row').nth(1).waitFor())
    await go('/settings/data')
    await page.getByTestId('backup-now').click()
    await page.getByText(/已备份/).waitFor()
    await shots('settings-data', () => page.locator('.ant-table-row').first().waitFor())
  })

  it('fits at 1280×800', async () => {
    await page.setViewportSize({ width: 1280, height: 800 })
    await go('/requests')
    await page.locator('.ant-table-row').first().waitFor()
    await screenshot(page, 'requests-list-1280')
    await go('/settings/catalog')
    await page.locator('.ant-table-row').first().waitFor()
    await screenshot(page, 'settings-catalog-1280')
    await setLanguage('en')
    await go('/events')
    await page.locator('.ant-table-row').first().waitFor()
    await screenshot(page, 'events-list-1280-en')
    await setLanguage('zh')
    expect(errors).toEqual([])
  })
})
