// Whatever an officer types, no form takes the page down: every text box of every form gets
// hostile text key by key (half-typed amounts like '1,' and '约' included), then 保存 is pressed.
// The page must keep its dialog, show no error page and raise no uncaught error.
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest'
import { type AppServer, screenshot, startAppServer, callApp } from '../support/app-server'
import { type Browser, browserTestsEnabled, launchBrowser } from '../support/browser'
import { motionDone } from '../support/ui'

// Typed key by key, so every prefix ('1', '1,', '1,0', …) is a state the field must survive.
const TYPED = ['-', 'a', '1,000万', '约3亿', '3亿5000万', '3.5億', '2024-02-30', '¥-0.']
// Filled at once: long, markup, control characters, far-away numbers.
const FILLED = ['x'.repeat(5000), '<img src=x onerror=alert(1)>', '\u0000\u202e😀', '99999999999999999999亿']

describe.skipIf(!browserTestsEnabled())('hostile text in every form', () => {
  let app: AppServer
  let browser: Browser
  let page: Page
  const errors: string[] = []
  const ids = { investor: '', project: '' }

  const api = <T>(method: string, input: unknown) => callApp<T>(app, method, input)
  const go = (hash: string) => page.evaluate((target) => (window.location.hash = target), hash)
  const dialog = () => page.locator('.ant-modal-wrap:visible .ant-modal').last()

  async function alive(form: string, { dialogOpen = true } = {}): Promise<void> {
    expect(errors, `${form}: uncaught errors`).toEqual([])
    expect(await page.getByTestId('page-error').count(), `${form}: error page shown`).toBe(0)
    await expect(page.getByRole('menuitem', { name: '工作台' }).isVisible(), `${form}: shell gone`).resolves.toBe(true)
    if (dialogOpen) await expect(dialog().isVisible(), `${form}: dialog gone`).resolves.toBe(true)
  }

  /** Every enabled text box in the open dialog (date boxes and search boxes of selects included). */
  async function textBoxes(): Promise<Locator[]> {
    const boxes = dialog().locator('input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=file]):not([disabled]), textarea:not([disabled])')
    return boxes.all()
  }

  async function attack(form: string, open: () => Promise<void>): Promise<void> {
    await open()
    await dialog().waitFor()
    await motionDone(page)
    const count = (await textBoxes()).length
    expect(count, `${form}: no text boxes found`).toBeGreaterThan(0)
    for (let i = 0; i < count; i++) {
      const box = (await textBoxes())[i]
      if (!box || !(await box.isVisible()) || !(await box.isEditable())) continue
      for (const text of TYPED) {
        await box.fill('')
        await box.pressSequentially(text)
        await alive(`${form} #${i} typing ${text}`)
      }
      for (const text of FILLED) {
        await box.fill(text)
        await alive(`${form} #${i} filled`)
      }
      // Leave the box with something unreadable.
      await box.fill('-')
      // Close any dropdown or date panel by clicking the dialog's title (Escape would ask to discard).
      await dialog().locator('.ant-modal-title').click()
    }
    await dialog().getByRole('button', { name: /保\s*存|确\s*定|仍然创建|OK/ }).first().click()
    // Refused (field errors) or saved (what was left is valid text): either way the page lives.
    await alive(`${form} after 保存`, { dialogOpen: false })
    await screenshot(page, `hostile-${form}`)
    await page.reload()
    await page.getByRole('menuitem', { name: '工作台' }).waitFor()
  }

  beforeAll(async () => {
    app = await startAppServer()
    const district = await api<{ id: string }>('district-create', { name: '槐荫区' })
    await api('park-create', { name: '槐荫智能制造产业区', districtId: district.id })
    const investor = await api<{ id: string }>('investor-create', { name: '济南金石新材料科技有限公司' })
    ids.investor = investor.id
    const project = await api<{ id: string }>('project-create', { name: '金石新材料复合材料项目', investorId: investor.id, stage: 'negotiating' })
    ids.project = project.id

    browser = await launchBrowser()
    page = await browser.context.newPage()
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(app.server.url)
    await page.getByRole('menuitem', { name: '工作台' }).waitFor()
  })
  beforeEach((context) => onTestFailed(() => screenshot(page, `failed-hostile-${context.task.name.slice(0, 40)}`).then(() => undefined)))
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  const button = (name: string | RegExp) => page.getByRole('button', { name }).first()
  const FORMS: Array<[string, () => Promise<void>]> = [
    ['project', async () => (await go('/projects'), await button('新建项目').click())],
    ['investor', async () => (await go('/investors'), await button('新建客商').click())],
    ['contact', async () => (await go(`/investors/${ids.investor}`), await button('添加联系人').click())],
    ['negotiation', async () => (await go('/negotiations'), await button('新建洽谈记录').click())],
    ['quick-negotiation', async () => (await go('/workbench'), await page.locator('body').click(), await page.keyboard.press('Control+j'))],
    ['event', async () => (await go('/events'), await button('新建活动').click())],
    ['request', async () => (await go('/requests'), await button('登记诉求').click())],
    ['district', async () => (await go('/parks'), await button('新建区县').click())],
    ['park', async () => (await go('/parks'), await button('新建园区').click())],
    ['target', async () => (await go('/settings/targets'), await button('设定目标').click())],
    ['user', async () => (await go('/settings/users'), await button('新建用户').click())],
    ['stage-change', async () => (await go(`/projects/${ids.project}`), await page.getByTestId('project-stage-change').click())],
    ['agreement', async () => (await go(`/projects/${ids.project}`), await page.getByTestId('agreement-add').click())],
    ['funds', async () => (await go(`/projects/${ids.project}`), await page.getByTestId('funds-add').click())],
  ]

  for (const [form, open] of FORMS) {
    it(`keeps the page alive in the ${form} form`, async () => {
      await attack(form, open)
    })
  }
})
