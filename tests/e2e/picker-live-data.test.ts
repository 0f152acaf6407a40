// A picker keeps working while the data under it changes: an officer types into a picker's search
// (district, park, industry, investor, project, person, tag …) while a colleague's save, a sync or an
// import lands, so data-changed events refetch the picker's list mid-typing. Once, in a full run,
// '¥-0.' typed into the target form's district picker while another page saved raised React's
// "maximum update depth exceeded" (#185) and the page showed its error boundary.
//
// Here every picker of the forms and the project filter bar gets hostile and ordinary text, key by
// key, with and without a value chosen, while a program writes from outside the page (the API with
// the run's secret, as the command line or a second window would): every write renames a district,
// park, industry, person, tag, investor or project, and each one's data-changed event refetches the
// open pickers' lists. No picker may take the page down.
import type { Locator, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { appInBrowser } from '../support/app-in-browser'
import { browserTestsEnabled } from '../support/browser'
import { clickWhenStill, expectPageStanding, keysTo, motionDone } from '../support/ui'

// Hostile (the one seen: '¥-0.') and ordinary (names, pinyin initials) searches.
const TYPED = ['¥-0.', '-', '1,000万', 'a', 'hy', '槐荫', '金石', 'jnyy', '约3亿', '']
/** Rounds of TYPED per picker (PICKER_ROUNDS=6 for a longer hunt): one keeps the suite's time down. */
const ROUNDS = Number(process.env.PICKER_ROUNDS ?? 1)
/** Writes landing from elsewhere while each string is typed. */
const PER_STRING = 3

describe.skipIf(!browserTestsEnabled())('pickers while data changes elsewhere', { timeout: 900_000 }, () => {
  const ids = { district: '', park: '', industry: '', user: '', tag: '', investor: '', project: '' }
  const session = appInBrowser('picker-live', async (api) => {
    ids.district = (await api<{ id: string }>('district-create', { name: '槐荫区' })).id
    ids.park = (await api<{ id: string }>('park-create', { name: '槐荫智能制造产业区', districtId: ids.district })).id
    const top = await api<{ id: string }>('industry-create', { name: '高端装备' })
    ids.industry = (await api<{ id: string }>('industry-create', { name: '液压件', parentId: top.id })).id
    ids.user = (await api<{ id: string }>('user-create', { name: '王晓明' })).id
    ids.tag = (await api<{ id: string }>('tag-create', { name: '重点', color: '#cf1322' })).id
    ids.investor = (await api<{ id: string }>('investor-create', { name: '济南金石新材料科技有限公司' })).id
    ids.project = (await api<{ id: string }>('project-create', { name: '金石新材料复合材料项目', investorId: ids.investor, parkId: ids.park })).id
  })

  /** What the page logged as errors (React names the loop there): shown when a check fails. */
  const logged: string[] = []
  beforeAll(() => session.page.on('console', (message) => void (message.type() === 'error' && logged.push(message.text().slice(0, 500)))))

  /** A write from outside the page: the API with the run's secret, so every open tab hears of it. */
  async function elsewhere(method: string, input: unknown): Promise<void> {
    const { app } = session
    const response = await fetch(`http://127.0.0.1:${app.server.port}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-crm-token': app.server.token },
      body: JSON.stringify(input),
    })
    const result = (await response.json()) as { ok: boolean; error?: { message: string } }
    if (!result.ok) throw new Error(`${method}: ${result.error?.message}`)
  }

  const WRITES: Array<(n: number) => [string, unknown]> = [
    (n) => ['district-update', { id: ids.district, name: n % 2 ? '槐荫区' : '槐荫区（改）' }],
    (n) => ['park-update', { id: ids.park, name: n % 2 ? '槐荫智能制造产业区' : '槐荫智能制造产业园' }],
    (n) => ['industry-update', { id: ids.industry, name: n % 2 ? '液压件' : '液压元件' }],
    (n) => ['user-update', { id: ids.user, name: n % 2 ? '王晓明' : '王小明' }],
    (n) => ['tag-update', { id: ids.tag, name: n % 2 ? '重点' : '重点项目' }],
    (n) => ['investor-update', { id: ids.investor, name: n % 2 ? '济南金石新材料科技有限公司' : '济南金石新材料有限公司' }],
    (n) => ['project-update', { id: ids.project, name: n % 2 ? '金石新材料复合材料项目' : '金石复合材料项目' }],
  ]
  /** Writes made so far: each renames the next kind of record, names alternating so it changes. */
  let written = 0
  /** PER_STRING writes, one after another, while a string is being typed (see attackPickers). */
  async function writeElsewhere(): Promise<void> {
    for (let i = 0; i < PER_STRING; i++) {
      const [method, input] = WRITES[written % WRITES.length]!(Math.floor(written / WRITES.length))
      await elsewhere(method, input)
      written++
    }
  }

  /** No uncaught error, no error page, the shell (and a dialog if one should be open) still shown. */
  async function alive(page: Page, where: string, dialogOpen: boolean): Promise<void> {
    expect(session.errors, `${where}: uncaught errors (logged: ${logged.join(' | ')})`).toEqual([])
    await expectPageStanding(page, where, { dialogOpen })
  }

  /**
   * Types TYPED into every enabled picker in `scope`, ROUNDS times, each string while writes land
   * from elsewhere: the first rounds with no value chosen, the last after choosing the first option
   * offered (a chosen record renamed under the picker). Half the rounds go key by key with a round
   * trip per key, so events arrive between keys too, not only between strings. Answers how many
   * writes landed. The writes keep pace with the typing, so a loaded machine slows both alike
   * rather than burying the page under a writer that never waits.
   */
  async function attackPickers(what: string, scope: () => Locator, dialogOpen: boolean, leave: () => Promise<void>): Promise<number> {
    const page = session.page
    const keys = await keysTo(page)
    const pickers = await scope().getByRole('combobox').all()
    expect(pickers.length, `${what}: no pickers found`).toBeGreaterThan(0)
    const before = written
    try {
      for (const [i, picker] of pickers.entries()) {
        // A crash between pickers (an event with no key pressed) fails here, saying so, not as a timeout.
        await alive(page, `${what} before picker #${i}`, dialogOpen)
        if (!(await picker.isVisible()) || !(await picker.isEditable())) continue
        await picker.click()
        for (let round = 0; round < ROUNDS; round++) {
          for (const text of TYPED) {
            const typing = round % 2 ? keys.retype('').then(() => page.keyboard.type(text)) : keys.retype(text)
            await Promise.all([typing, writeElsewhere()])
          }
          if (round === Math.max(0, ROUNDS - 2)) {
            // Choose whatever is offered for an empty search (if anything), then type on.
            await keys.retype('')
            await page.keyboard.press('ArrowDown')
            await page.keyboard.press('Enter')
            if (!(await picker.evaluate((element) => element === document.activeElement))) await picker.click()
          }
          await alive(page, `${what} picker #${i} round ${round}`, dialogOpen)
        }
        await leave()
      }
    } finally {
      await keys.close()
    }
    return written - before
  }

  const dialog = () => session.page.locator('.ant-modal-wrap:visible .ant-modal').last()
  /** Closes the dropdown without asking to discard the form (Escape would). */
  const leaveDialogPicker = () => dialog().locator('.ant-modal-title').click()
  const button = (name: string) => session.page.getByRole('button', { name }).first()
  /**
   * Closes the form as a person does, with its ✕ (Escape would only close a dropdown still open),
   * and answers the discard confirm that typing made it ask: then no dialog may be left. The
   * confirm opens a moment later (minutes on a loaded machine), so its state is waited for. It is
   * answered whenever it stands on screen: an answer that lands while it is still opening or already
   * closing is bounded (a closing button would hold a click for the action's whole 180 s) and the
   * state is looked at again.
   */
  async function closeDialog() {
    const page = session.page
    await dialog().locator('.ant-modal-close').click()
    const discard = page.locator('.ant-modal-confirm').getByRole('button', { name: /确\s*定/ })
    const answers: string[] = []
    try {
      await expect
        .poll(async () => {
          if ((await discard.count()) === 1 && (await discard.isVisible())) {
            answers.push(await discard.click({ timeout: 10_000 }).then(() => 'clicked', (error: Error) => error.message.split('\n')[0]!))
          }
          return page.locator('.ant-modal-wrap:visible').count()
        })
        .toBe(0)
    } catch (error) {
      throw new Error(`dialogs left after ✕ (answers: ${answers.join(' | ') || 'none'}; open: ${await modalClasses()})`, { cause: error })
    }
  }
  /** The open modals' classes (motion states included): what a failure to close shows. */
  const modalClasses = () =>
    session.page.evaluate(() => [...document.querySelectorAll('.ant-modal')].map((m) => `${m.className} [${m.textContent?.slice(0, 20)}]`).join('; '))

  const FORMS: Array<[string, string, string]> = [
    ['target', '/settings/targets', '设定目标'],
    ['project', '/projects', '新建项目'],
    ['negotiation', '/negotiations', '新建洽谈记录'],
    ['event', '/events', '新建活动'],
    ['request', '/requests', '登记诉求'],
  ]
  for (const [form, hash, opener] of FORMS) {
    it(`the ${form} form's pickers survive data changing while typing`, async () => {
      await session.go(hash)
      await button(opener).click()
      await dialog().waitFor()
      await motionDone(session.page)
      const writes = await attackPickers(form, dialog, true, leaveDialogPicker)
      expect(writes, 'writes landed while typing').toBeGreaterThan(0)
      await closeDialog()
    })
  }

  it('the target form, with each kind of unit, survives data changing while typing', async () => {
    const page = session.page
    for (const unit of ['园区', '个人']) {
      await session.go('/settings/targets')
      await button('设定目标').click()
      await dialog().waitFor()
      await clickWhenStill(dialog().getByRole('combobox').first())
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: unit }).first().click()
      await motionDone(page)
      const unitPicker = () => dialog().locator('.ant-form-item', { hasText: '考核对象' }).last()
      expect(await attackPickers(`target by ${unit}`, unitPicker, true, leaveDialogPicker)).toBeGreaterThan(0)
      await closeDialog()
    }
  })

  it("the project list's filter pickers survive data changing while typing", async () => {
    await session.go('/projects')
    await session.page.getByTestId('filter-text').waitFor()
    const bar = () => session.page.getByTestId('filter-text').locator('xpath=ancestor::*[.//*[@role="combobox"]][1]')
    const writes = await attackPickers('project filters', bar, false, () => session.page.locator('.app-header').click({ position: { x: 5, y: 5 } }))
    expect(writes).toBeGreaterThan(0)
  })
})
