// A create happens once however impatient the officer is: a double click on 保存 in 新建项目 and
// Ctrl+Enter pressed twice in the quick negotiation entry each leave exactly one record.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest'
import { type AppServer, screenshot, startAppServer, callApp } from '../support/app-server'
import { type Browser, browserTestsEnabled, launchBrowser } from '../support/browser'
import { pickSearched, watchApiCalls } from '../support/ui'

const PROJECT = '金石新材料年产5万吨复合材料项目'

describe.skipIf(!browserTestsEnabled())('saving twice creates once', () => {
  let app: AppServer
  let browser: Browser
  let page: Page
  let calls: ReturnType<typeof watchApiCalls>
  const errors: string[] = []

  const api = <T>(method: string, input: unknown) => callApp<T>(app, method, input)
  const go = (hash: string) => page.evaluate((target) => (window.location.hash = target), hash)
  const count = async (table: 'project' | 'negotiation') =>
    Number((await app.backend.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)

  beforeAll(async () => {
    app = await startAppServer()
    const user = await api<{ id: string }>('user-create', { name: '王敏', role: 'staff' })
    await api('session-set-user', { userId: user.id })
    await api('project-create', { name: PROJECT, stage: 'negotiating' })
    browser = await launchBrowser()
    page = await browser.context.newPage()
    page.on('pageerror', (error) => errors.push(error.message))
    calls = watchApiCalls(page)
    await page.goto(app.server.url)
    await page.getByRole('menuitem', { name: '工作台' }).waitFor()
  })
  beforeEach((context) => onTestFailed(() => screenshot(page, `failed-double-${context.task.name.slice(0, 40)}`).then(() => undefined)))
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('creates one project when 保存 is double-clicked', async () => {
    await go('/projects')
    await page.getByRole('button', { name: '新建项目' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('项目名称').fill('国药集团华北生物医药基地')
    await dialog.getByLabel('总投资').fill('3亿5000万')
    const before = await count('project')
    await dialog.getByRole('button', { name: /保\s*存/ }).dblclick()
    await dialog.waitFor({ state: 'hidden' })
    // Saving opens the new project; give a second request time to land before counting.
    await page.getByRole('heading', { name: '国药集团华北生物医药基地' }).or(page.getByText('国药集团华北生物医药基地').first()).waitFor()
    await calls.settled()
    expect(await count('project')).toBe(before + 1)
    const saved = await app.backend.ctx.db.selectFrom('project').select('totalInvestmentYuan').where('name', '=', '国药集团华北生物医药基地').execute()
    expect(saved).toEqual([{ totalInvestmentYuan: 350_000_000 }])
    expect(errors).toEqual([])
  })

  it('creates one negotiation when Ctrl+Enter is pressed twice in the quick entry', async () => {
    await go('/workbench')
    await page.getByText('今日到期').first().waitFor()
    await page.locator('body').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('Control+j')
    const dialog = page.getByRole('dialog')
    await dialog.getByText('记一笔洽谈').waitFor()
    await pickSearched(page, dialog.getByLabel('项目 / 客商'), '金石', PROJECT, { type: 'keys' })
    await dialog.getByLabel('洽谈内容').fill('电话沟通用地指标，企业希望下月来访。')
    const before = await count('negotiation')
    await dialog.getByLabel('洽谈内容').press('Control+Enter')
    await dialog.getByLabel('洽谈内容').press('Control+Enter').catch(() => undefined)
    await dialog.waitFor({ state: 'hidden' })
    // Let any second request finish before counting.
    await calls.settled()
    expect(await count('negotiation')).toBe(before + 1)
    expect(errors).toEqual([])
  })
})
