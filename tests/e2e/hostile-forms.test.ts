// Whatever an officer types, no form takes the page down: every text box of every form gets
// hostile text key by key (half-typed amounts like '1,' and '约' included), then 保存 is pressed.
// Each string's keys are sent in one go (tests/support/ui.ts keysTo): still one event per key, so
// every prefix is rendered, without a round trip per key (which made this file 4½ minutes long).
// The page must keep its dialog, show no error page and raise no uncaught error.
//
// Each form has its own page, one form at a time. Two at a time (two pages of one context, each
// saving while the other typed) once raised React's "maximum update depth" (#185) while '¥-0.' was
// typed into the target form's district picker in a full run; it did not come back alone or in
// repeats of three forms side by side. It is noted for a look of its own (closing note), not left to
// make this suite flaky. A crash is lasting (the error page replaces the form, the dialog goes, the
// uncaught error stays recorded with what was being typed), so the page is checked once per text
// box, not after every string: a crash at any keystroke still fails the box it happened in.
import type { Locator, Page } from 'playwright-core'
import { type TestContext, afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppServer, screenshot, startAppServer, callApp } from '../support/app-server'
import { type Browser, browserTestsEnabled, launchBrowser } from '../support/browser'
import { expectPageStanding, keysTo, motionDone } from '../support/ui'

// Typed key by key, so every prefix ('1', '1,', '1,0', …) is a state the field must survive.
const TYPED = ['-', 'a', '1,000万', '约3亿', '3亿5000万', '3.5億', '2024-02-30', '¥-0.']
// Filled at once: long, markup, control characters, far-away numbers.
const FILLED = ['x'.repeat(5000), '<img src=x onerror=alert(1)>', '\u0000\u202e😀', '99999999999999999999亿']

// A form of twenty boxes is some 900 keystrokes, each answered by the page: on a loaded machine
// that is minutes, so the bound is wider than the e2e project's two minutes per test. Measured at
// load 40–45: the project form's boxes took 402 s together (5–31 s each), nearly all of it the
// page's own work (DevTools' task time close to the wall time); beside a second browser file the
// form ran out of the ten minutes it had.
describe.skipIf(!browserTestsEnabled())('hostile text in every form', { timeout: 1_200_000 }, () => {
  let app: AppServer
  let browser: Browser
  const ids = { investor: '', project: '' }

  const api = <T>(method: string, input: unknown) => callApp<T>(app, method, input)

  beforeAll(async () => {
    app = await startAppServer()
    const district = await api<{ id: string }>('district-create', { name: '槐荫区' })
    await api('park-create', { name: '槐荫智能制造产业区', districtId: district.id })
    const investor = await api<{ id: string }>('investor-create', { name: '济南金石新材料科技有限公司' })
    ids.investor = investor.id
    const project = await api<{ id: string }>('project-create', { name: '金石新材料复合材料项目', investorId: investor.id, stage: 'negotiating' })
    ids.project = project.id
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  /** One form's page: the app opened on 工作台, its uncaught errors named by what was being typed. */
  async function formPage(): Promise<{ page: Page; errors: string[]; typing: { now: string } }> {
    const page = await browser.context.newPage()
    const errors: string[] = []
    const typing = { now: 'loading' }
    page.on('pageerror', (error) => errors.push(`${typing.now}: ${error.message}`))
    await page.goto(app.server.url)
    await page.getByRole('menuitem', { name: '工作台' }).waitFor()
    return { page, errors, typing }
  }

  async function attack(form: string, open: (page: Page) => Promise<void>, test: TestContext): Promise<void> {
    const { page, errors, typing } = await formPage()
    test.onTestFailed(() => screenshot(page, `failed-hostile-${form}`).then(() => undefined))
    const dialog = () => page.locator('.ant-modal-wrap:visible .ant-modal').last()
    /** No uncaught error, no error page, the shell (and the dialog) still shown: one round trip. */
    async function alive(where: string, { dialogOpen = true } = {}): Promise<void> {
      expect(errors, `${where}: uncaught errors`).toEqual([])
      await expectPageStanding(page, where, { dialogOpen })
    }
    /** Every enabled text box in the open dialog (date boxes and search boxes of selects included). */
    const textBoxes = (): Promise<Locator[]> =>
      dialog()
        .locator('input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=file]):not([disabled]), textarea:not([disabled])')
        .all()

    await open(page)
    await dialog().waitFor()
    await motionDone(page)
    const keys = await keysTo(page)
    const count = (await textBoxes()).length
    expect(count, `${form}: no text boxes found`).toBeGreaterThan(0)
    for (let i = 0; i < count; i++) {
      const box = (await textBoxes())[i]
      if (!box || !(await box.isVisible()) || !(await box.isEditable())) continue
      // Focused (and checked visible and editable) by Playwright; the keys then go to the box.
      await box.fill('')
      for (const text of TYPED) {
        typing.now = `${form} #${i} typing ${text}`
        await keys.retype(text)
      }
      for (const text of FILLED) {
        typing.now = `${form} #${i} filled ${text.slice(0, 20)}`
        await keys.replace(text)
      }
      // Leave the box with something unreadable.
      typing.now = `${form} #${i} left with -`
      await keys.replace('-')
      // The keys went where the focus was: it must still be this box, or they typed elsewhere.
      expect(await box.evaluate((element) => element === document.activeElement), `${form} #${i}: lost the focus`).toBe(true)
      await alive(`${form} #${i}`)
      // Close any dropdown or date panel by clicking the dialog's title (Escape would ask to discard).
      await dialog().locator('.ant-modal-title').click()
    }
    typing.now = `${form} 保存`
    await dialog().getByRole('button', { name: /保\s*存|确\s*定|仍然创建|OK/ }).first().click()
    // Refused (field errors) or saved (what was left is valid text): either way the page lives.
    await alive(`${form} after 保存`, { dialogOpen: false })
    await keys.close()
    await page.close()
  }

  const button = (page: Page, name: string | RegExp) => page.getByRole('button', { name }).first()
  const go = (page: Page, hash: string) => page.evaluate((target) => (window.location.hash = target), hash)
  const FORMS: Array<[string, (page: Page) => Promise<void>]> = [
    ['project', async (p) => (await go(p, '/projects'), await button(p, '新建项目').click())],
    ['investor', async (p) => (await go(p, '/investors'), await button(p, '新建客商').click())],
    ['contact', async (p) => (await go(p, `/investors/${ids.investor}`), await button(p, '添加联系人').click())],
    ['negotiation', async (p) => (await go(p, '/negotiations'), await button(p, '新建洽谈记录').click())],
    ['quick-negotiation', async (p) => (await go(p, '/workbench'), await p.locator('body').click(), await p.keyboard.press('Control+j'))],
    ['event', async (p) => (await go(p, '/events'), await button(p, '新建活动').click())],
    ['request', async (p) => (await go(p, '/requests'), await button(p, '登记诉求').click())],
    ['district', async (p) => (await go(p, '/parks'), await button(p, '新建区县').click())],
    ['park', async (p) => (await go(p, '/parks'), await button(p, '新建园区').click())],
    ['target', async (p) => (await go(p, '/settings/targets'), await button(p, '设定目标').click())],
    ['user', async (p) => (await go(p, '/settings/users'), await button(p, '新建用户').click())],
    ['stage-change', async (p) => (await go(p, `/projects/${ids.project}`), await p.getByTestId('project-stage-change').click())],
    ['agreement', async (p) => (await go(p, `/projects/${ids.project}`), await p.getByTestId('agreement-add').click())],
    ['funds', async (p) => (await go(p, `/projects/${ids.project}`), await p.getByTestId('funds-add').click())],
  ]

  for (const [form, open] of FORMS) {
    it(`keeps the page alive in the ${form} form`, async (test) => {
      await attack(form, open, test)
    })
  }
})
