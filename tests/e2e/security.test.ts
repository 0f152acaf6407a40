// Nobody in through a name or a neighbour, in a real browser against the real browser-mode server:
// names carrying HTML (typed through the API and read from an imported ledger) show as text on every
// page and in every chart tooltip; another local server never receives a usable credential; the
// launch URL works once and leaves the address bar; a tab the app opens works, a bare URL explains.
import { type IncomingHttpHeaders, type Server, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { corpusRows, corpusXlsx } from '../../db/ledger-import/fixtures'
import { dispatch } from '../../electron/handlers/dispatch'
import { type AppServer, screenshot, startAppServer } from '../support/app-server'
import { type Browser, browserTestsEnabled, launchBrowser } from '../support/browser'
import { watchApiCalls } from '../support/ui'

const IMG = (tag: string) => `${tag}<img src=x onerror=window.__xss=1>`
const PAGES = [
  '#/workbench',
  '#/projects',
  '#/projects/board',
  '#/investors',
  '#/negotiations',
  '#/parks',
  '#/events',
  '#/requests',
  '#/settings',
  ...['district', 'park', 'industry', 'person', 'stage'].map((by) => `#/reports/breakdown?period=year&year=2026&by=${by}`),
  ...['funnel', 'flow', 'targets', 'exceptions', 'rates', 'activity'].map((tab) => `#/reports/${tab}?period=year&year=2026`),
]

describe.skipIf(!browserTestsEnabled())('nobody in through a name or a neighbour', () => {
  let app: AppServer
  let browser: Browser
  let neighbour: Server
  let neighbourUrl: string
  /** Every request the other local server received, with its headers. */
  const received: { url: string; headers: IncomingHttpHeaders }[] = []
  let meta: string

  async function api<T = any>(method: string, input: unknown): Promise<T> {
    const result = await dispatch({ ctx: app.backend.ctx, backend: app.backend, shell: 'test' }, method, input)
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
    return result.value as T
  }

  /** The app's API as the browser's neighbour would try it, with a header it got hold of. */
  const tryCredential = async (header: string, value: string) =>
    (
      await fetch(`http://127.0.0.1:${app.server.port}/api/district-list`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [header]: value },
        body: '{}',
      })
    ).status

  beforeAll(async () => {
    neighbour = createServer((req, res) => {
      received.push({ url: req.url ?? '', headers: req.headers })
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end('<!doctype html><title>neighbour</title><p>another local server</p>')
    })
    await new Promise<void>((done) => neighbour.listen(0, '127.0.0.1', done))
    neighbourUrl = `http://127.0.0.1:${(neighbour.address() as AddressInfo).port}`
    meta = `<meta http-equiv=refresh content="0;url=${neighbourUrl}/hit">`

    app = await startAppServer()
    const district = await api<{ id: string }>('district-create', { name: IMG('区') })
    const park = await api<{ id: string }>('park-create', { name: meta, districtId: district.id })
    const industry = await api<{ id: string }>('industry-create', { name: IMG('产业') })
    const owner = await api<{ id: string }>('user-create', { name: IMG('张伟'), role: 'staff' })
    const investor = await api<{ id: string }>('investor-create', { name: IMG('山东某某有限公司') })
    await api('project-create', {
      name: IMG('项目'),
      parkId: park.id,
      industryId: industry.id,
      ownerId: owner.id,
      investorId: investor.id,
      totalInvestment: '12亿',
      reserveOn: '2026-01-10',
      stage: 'signed',
      stageOn: '2026-03-01',
    })
    // A ledger import creates names from cells: a park, a person, a project.
    const rows = corpusRows({ 4: { 1: IMG('台账项目'), 4: `${meta}园`, 11: IMG('李') } })
    const bytes = await corpusXlsx(rows)
    await api('ledger-import', { fileName: '台账.xlsx', dataBase64: bytes.toString('base64'), skipErrors: true, createPeople: true })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
    await new Promise((done) => neighbour?.close(done))
  })

  /** A page of the app in a fresh tab, watched for dialogs, navigation away and page errors. */
  async function watchedPage(): Promise<{ page: Page; away: string[]; dialogs: string[] }> {
    const page = await browser.context.newPage()
    const away: string[] = []
    const dialogs: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    page.on('framenavigated', (frame) => {
      if (!frame.url().startsWith(`http://127.0.0.1:${app.server.port}/`)) away.push(frame.url())
    })
    return { page, away, dialogs }
  }

  /** Moves the mouse across a chart until its tooltip shows `text`; false when no point does. */
  async function hoverUntil(page: Page, chart: ReturnType<Page['locator']>, text: string | null): Promise<boolean> {
    // Gone (the page moved on) or never laid out: nothing to hover.
    const box = await chart.boundingBox({ timeout: 2_000 }).catch(() => null)
    if (!box) return false
    // Looking for one tooltip: fine steps; sweeping every chart: coarse ones (every bar is wider).
    const [dy, dx] = text === null ? [0.2, 24] : [0.1, 12]
    for (let y = box.y + box.height * 0.95; y > box.y + box.height * 0.15; y -= box.height * dy) {
      for (let x = box.x + 10; x < box.x + box.width; x += dx) {
        await page.mouse.move(x, y)
        // A name that navigated the page away has already failed the test.
        if (!page.url().startsWith(`http://127.0.0.1:${app.server.port}/`)) return false
        if (text !== null && (await chart.innerText()).includes(text)) return true
      }
    }
    return text === null
  }

  const injected = (page: Page) =>
    page.evaluate(() => ({
      flag: (window as { __xss?: unknown }).__xss ?? null,
      elements: document.querySelectorAll('img[src="x"], meta[http-equiv="refresh"], meta[http-equiv=refresh]').length,
    }))

  it('shows names carrying HTML as text on every page and in every chart tooltip', { timeout: 300_000 }, async () => {
    const { page, away, dialogs } = await watchedPage()
    const calls = watchApiCalls(page)
    await page.goto(app.server.url)
    for (const hash of PAGES) {
      await page.evaluate((target) => (window.location.hash = target), hash)
      await page.getByRole('heading', { level: 1 }).waitFor()
      await calls.settled()
      // The h1 waited for can still be the previous page's (report tabs share one), so a chart
      // counted now may be on its way out: a sweep that finds one gone is made again.
      await expect
        .poll(
          async () => {
            for (const chart of await page.locator('.report-chart').all()) if (!(await hoverUntil(page, chart, null))) return false
            return true
          },
          { timeout: 120_000 },
        )
        .toBe(true)
      expect({ hash, ...(await injected(page)) }).toEqual({ hash, flag: null, elements: 0 })
    }
    // The park named with a <meta refresh> shows as text in the breakdown tooltip.
    await page.evaluate(() => (window.location.hash = '#/reports/breakdown?period=year&year=2026&by=park'))
    const chart = page.getByTestId('breakdown-chart')
    await chart.locator('canvas').first().waitFor()
    expect(await hoverUntil(page, chart, meta)).toBe(true)
    await screenshot(page, 'security-breakdown-tooltip')
    expect(await injected(page)).toEqual({ flag: null, elements: 0 })
    expect(away).toEqual([])
    expect(dialogs).toEqual([])
    expect(received.filter((r) => r.url === '/hit')).toEqual([])
    await page.close()
  })

  it('gives another local server nothing that opens the API', { timeout: 120_000 }, async () => {
    const { page } = await watchedPage()
    await page.goto(app.server.url)
    await page.getByText('工作台').first().waitFor()
    // The user visits another local server in the same browser (a dev server, a printer page).
    received.length = 0
    const other = await browser.context.newPage()
    await other.goto(`${neighbourUrl}/visit`)
    await other.evaluate((url) => fetch(url, { credentials: 'include' }).then((r) => r.text()), `${neighbourUrl}/fetch`)
    expect(received.length).toBeGreaterThanOrEqual(2)
    const values = received.flatMap((r) =>
      Object.values(r.headers)
        .flat()
        .filter((v): v is string => typeof v === 'string')
        .flatMap((v) => [v, ...v.split(/[;,]\s*/).map((part) => part.replace(/^[^=]*=/, ''))]),
    )
    expect(received.some((r) => r.headers.cookie !== undefined)).toBe(false)
    for (const value of new Set(values)) {
      expect(await tryCredential('x-crm-token', value)).toBe(403)
      expect(await tryCredential('x-crm-session', value)).toBe(403)
    }
    await other.close()
    await page.close()
  })

  it('spends the launch URL, keeps it out of the address bar, hands the session to tabs it opens, and explains a bare URL', { timeout: 120_000 }, async () => {
    const { page } = await watchedPage()
    const launch = app.server.url
    await page.goto(launch)
    await page.getByText('工作台').first().waitFor()
    expect(page.url()).not.toContain('token=')
    // The URL left in the history opens nothing any more.
    const again = await fetch(`http://127.0.0.1:${app.server.port}/session`, {
      method: 'POST',
      headers: { 'x-crm-launch': new URL(launch).searchParams.get('token')! },
    })
    expect(again.status).toBe(403)

    // A tab opened from the app without an opener (as Ctrl+click does) gets the session from this one.
    const [tab] = await Promise.all([
      browser.context.waitForEvent('page'),
      page.evaluate(() => window.open(`${window.location.origin}/#/parks`, '_blank', 'noopener')),
    ])
    await tab!.getByText(meta).first().waitFor()
    await tab!.close()

    // A bare URL in a browser where the app is not open says how to open it.
    const fresh = await launchBrowser()
    try {
      const bare = await fresh.context.newPage()
      await bare.goto(`http://127.0.0.1:${app.server.port}/#/projects`)
      await bare.getByText('启动浏览器模式').first().waitFor()
      await screenshot(bare, 'security-bare-url')
      const reused = await fresh.context.newPage()
      await reused.goto(launch)
      await reused.getByText('启动浏览器模式').first().waitFor()
    } finally {
      await fresh.close()
    }
    await page.close()
  })
})
