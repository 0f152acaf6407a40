// The staff's daily journey in a real browser: add an investor (and be warned it may be a
// duplicate), log a negotiation whose next step is already overdue, see it red on the workbench
// and complete it, log another through the Ctrl+J quick entry, and merge the duplicate investor.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest'
import { creditCodeCheckChar } from '../../db/domain/credit-code'
import { addDays, todayIso } from '../../db/domain/dates'
import { type AppServer, screenshot, startAppServer, callApp } from '../support/app-server'
import { type Browser, browserTestsEnabled, launchBrowser } from '../support/browser'
import { chooseOption, motionDone, pickSearched } from '../support/ui'

const PROJECT = '金石新材料年产5万吨高性能复合材料项目'
const INVESTOR = '济南金石新材料科技有限公司'
const NEAR_DUPLICATE = '济南金石新材料科技公司'
const code = (first17: string) => first17 + creditCodeCheckChar(first17)

describe.skipIf(!browserTestsEnabled())('daily work in the browser', () => {
  let app: AppServer
  let browser: Browser
  let page: Page
  const errors: string[] = []
  const ids = { investor: '', project: '', duplicate: '' }
  const today = todayIso()

  const api = <T>(method: string, input: unknown) => callApp<T>(app, method, input)

  const save = (dialog: ReturnType<Page['getByRole']>) => dialog.getByRole('button', { name: /保\s*存|仍然创建/ }).click()
  const go = async (hash: string) => {
    await page.goto(`${app.server.url.replace(/\?.*$/, '')}#${hash}`)
  }
  const english = async () => {
    await page.evaluate("localStorage.setItem('crm-language', 'en')")
    await page.reload()
  }

  beforeAll(async () => {
    app = await startAppServer()
    browser = await launchBrowser()
    page = await browser.context.newPage()
    page.on('pageerror', (error) => errors.push(error.message))

    await api('demo-seed', {})
    const user = await api<{ id: string }>('user-create', { name: '王敏', role: 'staff' })
    await api('session-set-user', { userId: user.id })
    const parks = await api<{ id: string }[]>('park-list', {})
    const investor = await api<{ id: string }>('investor-create', {
      name: INVESTOR,
      creditCode: code('91370100MA3C5X7K0'),
      ownership: 'private',
      origin: 'local',
      originCity: '济南',
      sourceChannel: 'investor_referral',
      registeredCapital: '5000万',
      contacts: [{ name: '李总', title: '董事长', phone: '13800000001', isPrimary: true }],
    })
    ids.investor = investor.id
    const project = await api<{ id: string }>('project-create', {
      name: PROJECT,
      investorId: investor.id,
      parkId: parks[0]!.id,
      totalInvestment: '12.5亿',
      stage: 'negotiating',
      ownerId: user.id,
    })
    ids.project = project.id
    await api('project-create', { name: '重汽配套零部件产业园', totalInvestment: '30亿', stage: 'signed', ownerId: user.id })
    // Something already on the week ahead, so that list is not empty in the screenshots.
    await api('negotiation-create', {
      projectId: project.id,
      happenedOn: addDays(today, -6),
      type: 'visit_in',
      summary: '企业来访，参观园区标准厂房，关注用地指标和能耗审批。',
      nextStep: '提交项目可研报告初稿',
      nextDueOn: addDays(today, 3),
    })

    // The app opens with the token once; later navigations keep it in sessionStorage.
    await page.goto(app.server.url)
    await page.getByRole('menuitem', { name: '工作台' }).waitFor()
    // Seeding the demo ledger takes minutes on a loaded machine.
  }, 600_000)
  beforeEach((context) => onTestFailed(() => screenshot(page, `failed-${context.task.name.slice(0, 40)}`).then(() => undefined)))
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('warns about a near-duplicate investor while its name is typed, and creates it only when told to', async () => {
    await go('/investors')
    await page.locator('.ant-table-row', { hasText: INVESTOR }).waitFor()
    await page.getByTestId('investor-add').click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('客商名称').fill(NEAR_DUPLICATE)
    const warning = dialog.getByTestId('duplicate-warning')
    await warning.getByRole('link', { name: INVESTOR }).waitFor()
    // A credit code with a wrong check character is refused as it is typed.
    await dialog.getByLabel('统一社会信用代码').fill('91370100MA3C5X7K01')
    await dialog.getByText('校验位错误').waitFor()
    await dialog.getByLabel('统一社会信用代码').fill('')
    await dialog.getByLabel('企业性质').click()
    await chooseOption(page, '国企')
    await motionDone(page)
    await screenshot(page, 'daily-investor-form-duplicate')
    await dialog.getByRole('button', { name: '仍然创建' }).click()
    // Saving a new investor offers its first project; this officer will add it later.
    await page.getByRole('dialog', { name: /已保存。现在为它新建项目吗/ }).getByRole('button', { name: '以后再说' }).click()
    await dialog.waitFor({ state: 'hidden' })
    const rows = await app.backend.ctx.db.selectFrom('investor').select(['id', 'ownership']).where('name', '=', NEAR_DUPLICATE).execute()
    // The merge test below chooses between this 国企 and the original's 民企.
    expect(rows).toEqual([{ id: expect.any(String), ownership: 'soe' }])
    ids.duplicate = rows[0]!.id
    await page.locator('.ant-table-row', { hasText: NEAR_DUPLICATE }).waitFor()
    await screenshot(page, 'daily-investor-list')
  })

  it('logs a negotiation whose next step was due yesterday', async () => {
    await go('/negotiations')
    await page.getByTestId('negotiation-add').click()
    const dialog = page.getByRole('dialog')
    await pickSearched(page, dialog.getByLabel('项目 / 客商'), '金石', PROJECT)
    await dialog.getByLabel('洽谈方式').click()
    await chooseOption(page, '考察')
    const happened = dialog.getByLabel('洽谈日期')
    await happened.click()
    await happened.fill(addDays(today, -3))
    await happened.press('Enter')
    await dialog.getByLabel('我方人员').fill('王敏、招商局张科长')
    await dialog.getByLabel('对方人员').fill('李总、财务总监')
    await dialog.getByLabel('洽谈内容').fill('赴企业总部考察，对方计划在我区新建复合材料生产基地，一期用地约150亩。')
    await dialog.getByLabel('洽谈结果').fill('达成初步意向')
    await dialog.getByLabel('下一步工作').fill('报送供地方案给管委会')
    const due = dialog.getByLabel('下一步期限')
    await due.click()
    await due.fill(addDays(today, -1))
    await due.press('Enter')
    await motionDone(page)
    await screenshot(page, 'daily-negotiation-form')
    await save(dialog)
    await dialog.waitFor({ state: 'hidden' })
    // The demo data has newer records: find ours through the open-steps filter and the search box.
    await page.getByTestId('due-filter').getByText('已逾期').click()
    await page.getByPlaceholder('搜索内容、人员、项目或客商').fill('供地方案')
    await page.getByPlaceholder('搜索内容、人员、项目或客商').press('Enter')
    const row = page.locator('.ant-table-row', { hasText: '报送供地方案给管委会' })
    await row.locator('.due-overdue').waitFor()
    await screenshot(page, 'daily-negotiation-list')
  })

  it('shows the overdue step in red on the workbench and completes it', async () => {
    await go('/workbench')
    const dueNow = page.getByTestId('due-now')
    const row = dueNow.locator('.ant-table-row', { hasText: '报送供地方案给管委会' })
    await row.waitFor()
    expect(await row.locator('.due-overdue').textContent()).toContain(addDays(today, -1))
    // Pages run in the browser: no DOM types in this Node project, so the style is read as a string.
    const color = await row.locator('.due-overdue').evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { color: string } }).getComputedStyle(el).color)
    expect(color).toMatch(/rgb\((2[0-9]{2}), [0-9]{1,2}, [0-9]{1,2}/)
    await page.getByTestId('due-upcoming').locator('.ant-table-row', { hasText: '提交项目可研报告初稿' }).waitFor()
    await page.getByTestId('projects-by-stage').getByText('42.50').waitFor()
    await screenshot(page, 'daily-workbench')

    await row.getByTestId('complete-step').click()
    await row.waitFor({ state: 'detached' })
    await page.getByText('已完成：报送供地方案给管委会').waitFor()
    const stored = await app.backend.ctx.db
      .selectFrom('negotiation')
      .select('nextDoneOn')
      .where('nextStep', '=', '报送供地方案给管委会')
      .executeTakeFirstOrThrow()
    expect(stored.nextDoneOn).toBe(today)
  })

  it('logs a call through the Ctrl+J quick entry, finding the project by pinyin initials', async () => {
    await page.locator('body').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('Control+j')
    const dialog = page.getByRole('dialog')
    await dialog.getByText('记一笔洽谈').waitFor()
    await pickSearched(page, dialog.getByLabel('项目 / 客商'), 'jsxcl', PROJECT, { type: 'keys' })
    await dialog.getByLabel('洽谈方式').click()
    await chooseOption(page, '电话')
    await dialog.getByLabel('洽谈内容').fill('电话确认考察行程，对方下周二来访。')
    await dialog.getByLabel('下一步工作').fill('安排管委会主任接待')
    const due = dialog.getByLabel('下一步期限')
    await due.click()
    await due.fill(today)
    await due.press('Enter')
    await dialog.getByLabel('洽谈内容').click()
    await screenshot(page, 'daily-quick-entry')
    await dialog.getByLabel('洽谈内容').press('Control+Enter')
    await dialog.waitFor({ state: 'hidden' })
    await page.getByTestId('due-now').locator('.ant-table-row', { hasText: '安排管委会主任接待' }).waitFor()
  })

  it('merges the duplicate into the original investor, choosing a field value', async () => {
    await go(`/investors/${ids.duplicate}`)
    await page.getByTestId('investor-name').getByText(NEAR_DUPLICATE).waitFor()
    await page.getByTestId('investor-merge').click()
    const dialog = page.getByRole('dialog')
    await pickSearched(page, dialog.getByRole('combobox').first(), '金石', INVESTOR, { method: /\/api\/investor-list$/ })
    await dialog.getByText('保留所选客商').click()
    const preview = dialog.getByTestId('merge-preview')
    // The preview of the direction just chosen (the first one, kept current, has the same headings).
    await preview.getByText(`“${NEAR_DUPLICATE}”将并入“${INVESTOR}”`).waitFor()
    // The duplicate says 国企, the original 民企: keep the duplicate's.
    const ownership = preview.locator('.ant-table-row', { hasText: '企业性质' })
    await ownership.getByText('民企').waitFor()
    await ownership.getByRole('radio', { name: '国企' }).check()
    await screenshot(page, 'daily-merge-preview')
    await dialog.getByRole('button', { name: '确认合并' }).click()
    await page.waitForURL(new RegExp(`#/investors/${ids.investor}$`))
    await page.getByTestId('investor-name').getByText(INVESTOR).waitFor()
    await page.getByTestId('contacts').getByText('李总').waitFor()
    await screenshot(page, 'daily-investor-detail')
    const kept = await app.backend.ctx.db.selectFrom('investor').select(['ownership', 'deletedAt']).where('id', '=', ids.investor).executeTakeFirstOrThrow()
    expect(kept).toEqual({ ownership: 'soe', deletedAt: null })
  })

  it('reads well in English: workbench, quick entry, negotiations', async () => {
    await english()
    await go('/workbench')
    await page.getByText('To do: overdue and due today').waitFor()
    await screenshot(page, 'daily-workbench-en')
    await page.keyboard.press('Control+j')
    await page.getByRole('dialog').getByText('Log a negotiation').waitFor()
    await screenshot(page, 'daily-quick-entry-en')
    await page.keyboard.press('Escape')

    await go('/negotiations')
    await page.locator('.ant-table-row').first().waitFor()
    await screenshot(page, 'daily-negotiation-list-en')
    await page.getByTestId('negotiation-add').click()
    await page.getByRole('dialog').getByText('Next step').first().waitFor()
    await screenshot(page, 'daily-negotiation-form-en')
    await page.keyboard.press('Escape')
  })

  it('reads well in English: investors, detail, merge', async () => {
    await go('/investors')
    await page.locator('.ant-table-row').first().waitFor()
    await screenshot(page, 'daily-investor-list-en')
    await go(`/investors/${ids.investor}`)
    await page.getByTestId('investor-name').waitFor()
    await screenshot(page, 'daily-investor-detail-en')
    await page.getByTestId('investor-merge').click()
    await page.getByRole('dialog').getByText('Merge with').waitFor()
    await screenshot(page, 'daily-merge-en')
    await page.keyboard.press('Escape')
  })

  it('fits at 1280×800', async () => {
    await page.setViewportSize({ width: 1280, height: 800 })
    await go('/workbench')
    await page.getByText('To do: overdue and due today').waitFor()
    await screenshot(page, 'daily-workbench-en-1280')
    await page.evaluate("localStorage.setItem('crm-language', 'zh')")
    await page.reload()
    await page.getByText('待办：逾期与今日到期').waitFor()
    await screenshot(page, 'daily-workbench-1280')
    await go('/investors')
    await page.locator('.ant-table-row').first().waitFor()
    await screenshot(page, 'daily-investor-list-1280')
    await go('/negotiations')
    await page.locator('.ant-table-row').first().waitFor()
    await screenshot(page, 'daily-negotiation-list-1280')
    expect(errors).toEqual([])
  })
})
