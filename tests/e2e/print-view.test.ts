// The reports' print view on a clock the test holds (Playwright's page.clock): 打印 prints once the
// charts have had their 800 ms and then leaves the plain print view's URL; and a URL the user goes
// to while that timer is still pending stays theirs. The browser has such a URL at once, the router
// shows it only once React has rendered it (its history listener starts a transition, which waits
// for a page's code still loading), so a timer due in between used to replace the user's URL with
// the print view's and print. Here that in-between is a state, not luck: the user's URL comes one
// timer ahead of the print view's on the same tick of the held clock, while 项目's code is held.
import type { Page, Route } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { appInBrowser } from '../support/app-in-browser'
import { screenshot } from '../support/app-server'
import { browserTestsEnabled } from '../support/browser'
import { motionDone } from '../support/ui'

const YEAR = new Date().getFullYear()
const REPORT = `/reports/flow?period=year&year=${YEAR}`
/** How long the print view gives the charts to draw before the print dialog (usePrintView.ts). */
const CHART_DRAW_MS = 800

type Printing = { printed: number }
const printed = (page: Page) => page.evaluate(() => (window as unknown as Printing).printed)

describe.skipIf(!browserTestsEnabled())('the print view on a held clock', () => {
  const ui = appInBrowser('print-view', async (api) => {
    const districtId = (await api<{ id: string }>('district-create', { name: '长清区' })).id
    const parkId = (await api<{ id: string }>('park-create', { name: '长清经济开发区', districtId })).id
    const on = `${YEAR}-01-15`
    for (const [name, amount] of [
      ['齐鲁制药创新药生产基地', '12.5亿'],
      ['高端装备制造基地', '1.25亿'],
    ] as const) {
      await api('project-create', { name, parkId, totalInvestment: amount, stage: 'signed', stageOn: on, reserveOn: on })
    }
  })
  const page = () => ui.page

  /** The report on screen, the print dialog counted instead of opened, the clock held still. */
  async function onReportWithClockHeld(): Promise<void> {
    if (!(await page().evaluate(() => '__printCounted' in window))) {
      // Fake timers from the document's start, so every timer the app sets is on the held clock.
      await page().clock.install()
      await page().addInitScript(() => {
        ;(window as unknown as Printing).printed = 0
        window.print = () => void ((window as unknown as Printing).printed += 1)
        Object.assign(window, { __printCounted: true })
      })
      await page().reload()
    }
    await page().clock.resume()
    await ui.go(REPORT)
    await page().getByTestId('flow-table').waitFor()
    await motionDone(page())
    await page().evaluate(() => ((window as unknown as Printing).printed = 0))
    await page().clock.pauseAt((await page().evaluate(() => Date.now())) + 1000)
  }

  /** Clicks 打印 and returns once the print view's effects, the timer among them, have run. */
  async function clickPrint(): Promise<void> {
    await page().getByTestId('print-open').click()
    // Set in the same effects flush as the timer, just before it.
    await expect.poll(() => page().evaluate(() => document.body.classList.contains('reports-print'))).toBe(true)
  }

  it('打印 prints once the charts have had their time, then shows the plain print view', async () => {
    await onReportWithClockHeld()
    await clickPrint()
    await page().clock.runFor(CHART_DRAW_MS - 1)
    expect(await printed(page())).toBe(0)
    await page().clock.runFor(1)
    expect(await printed(page())).toBe(1)
    // The same URL, without the request to print: a reload or coming back does not print again.
    expect(await page().evaluate(() => window.location.hash)).toBe(`#${REPORT}&print=1`)
    expect(await page().evaluate(() => (window.history.state as { usr: unknown }).usr)).toBeNull()
    await page().clock.resume()
    await page().getByTestId('print-header').waitFor()
    expect(await page().locator('.ant-layout-sider').isVisible()).toBe(false)
    await motionDone(page())
    await screenshot(page(), 'print-view')
    await page().getByTestId('print-close').click()
    await page().locator('.ant-layout-sider').waitFor()
  })

  it('a page the user goes to as the timer runs stays on screen, and nothing prints', async () => {
    // 项目's code held back on its way: the router then commits the user's URL only once it has come,
    // as on a machine still loading it. A fresh document, so that the code is not there already.
    const held: Route[] = []
    const projectsPage = '**/assets/projects-*.js'
    await page().route(projectsPage, (route) => void held.push(route))
    await page().reload()
    await onReportWithClockHeld()
    // Due on the same tick as the print view's timer and set before it, so it runs just before.
    await page().evaluate((ms) => void setTimeout(() => (window.location.hash = '#/projects'), ms), CHART_DRAW_MS)
    await clickPrint()
    await page().clock.runFor(CHART_DRAW_MS)
    expect(await page().evaluate(() => window.location.hash)).toBe('#/projects')
    expect(await printed(page())).toBe(0)

    // The hold above did hold the page back (a renamed chunk would leave this test proving nothing).
    await expect.poll(() => held.length, { message: "项目's code (assets/projects-*.js) was asked for and held" }).toBeGreaterThan(0)
    await Promise.all(held.map((route) => route.continue()))
    await page().unroute(projectsPage)
    await page().clock.resume()
    await page().getByTestId('project-columns').waitFor()
    await page().getByTestId('reports-page').waitFor({ state: 'detached' })
    expect(await page().evaluate(() => document.body.classList.contains('reports-print'))).toBe(false)
    expect(await page().evaluate(() => window.location.hash)).toBe('#/projects')
    expect(await printed(page())).toBe(0)
  })

  it('leaves no uncaught error', () => {
    expect(ui.errors).toEqual([])
  })
})
