// Daily work from where the officer is: 记录洽谈 on the project's 下一步 card opens on that project
// and its next step lands on the card; a new project's 责任人 starts as the current user.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest'
import { type AppServer, screenshot, startAppServer, callApp } from '../support/app-server'
import { type Browser, browserTestsEnabled, launchBrowser } from '../support/browser'
import { motionDone, pickSearched } from '../support/ui'

const PROJECT = '金石新材料年产5万吨复合材料项目'
const INVESTOR = '济南金石新材料科技有限公司'

describe.skipIf(!browserTestsEnabled())('project detail daily work', () => {
  let app: AppServer
  let browser: Browser
  let page: Page
  const errors: string[] = []
  const ids = { project: '', investor: '' }

  const api = <T>(method: string, input: unknown) => callApp<T>(app, method, input)
  const go = (hash: string) => page.evaluate((target) => (window.location.hash = target), hash)

  beforeAll(async () => {
    app = await startAppServer()
    const user = await api<{ id: string }>('user-create', { name: '王敏', role: 'staff' })
    await api('session-set-user', { userId: user.id })
    ids.investor = (await api<{ id: string }>('investor-create', { name: INVESTOR })).id
    ids.project = (await api<{ id: string }>('project-create', { name: PROJECT, investorId: ids.investor, stage: 'negotiating' })).id
    browser = await launchBrowser()
    page = await browser.context.newPage()
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(app.server.url)
    await page.getByRole('menuitem', { name: '工作台' }).waitFor()
  })
  beforeEach((context) => onTestFailed(() => screenshot(page, `failed-project-daily-${context.task.name.slice(0, 40)}`).then(() => undefined)))
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('logs a negotiation from the 下一步 card, prefilled with the project', async () => {
    await go(`/projects/${ids.project}`)
    await page.getByTestId('project-log-negotiation').click()
    const dialog = page.getByRole('dialog')
    await dialog.getByText(PROJECT).first().waitFor()
    await dialog.getByLabel('洽谈内容').fill('电话沟通用地指标，企业希望下月来访。')
    await dialog.getByLabel('下一步工作').fill('报送供地方案给管委会')
    await motionDone(page)
    await screenshot(page, 'project-daily-log-negotiation')
    await dialog.getByRole('button', { name: /保\s*存/ }).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.getByTestId('project-next-step').getByText('报送供地方案给管委会').waitFor()
    const saved = await app.backend.ctx.db.selectFrom('negotiation').select(['projectId', 'investorId']).execute()
    expect(saved).toEqual([{ projectId: ids.project, investorId: ids.investor }])
    await screenshot(page, 'project-daily-next-step')
    expect(errors).toEqual([])
  })

  it('starts a new project with the current user as 责任人', async () => {
    await go('/projects')
    await page.getByRole('button', { name: '新建项目' }).click()
    const dialog = page.getByRole('dialog')
    const owner = dialog.locator('.ant-form-item', { hasText: '责任人' })
    await expect.poll(() => owner.textContent()).toBe('责任人王敏')
    expect(errors).toEqual([])
  })

  it('fills the company when 登记诉求 picks a project', async () => {
    await go('/requests')
    await page.getByRole('button', { name: '登记诉求' }).click()
    const dialog = page.getByRole('dialog')
    await pickSearched(page, dialog.getByLabel('项目', { exact: true }), '金石', PROJECT)
    const company = dialog.locator('.ant-form-item', { hasText: '企业（客商）' })
    await expect.poll(() => company.textContent()).toBe(`企业（客商）${INVESTOR}`)
    await motionDone(page)
    await screenshot(page, 'project-daily-request-company')
    expect(errors).toEqual([])
  })
})
