// Every page scanned by axe-core (injected from node_modules) in Chinese and in English, on the
// demo ledger: no critical and no serious violation anywhere (colour contrast, names of controls,
// kanban cards, progress bars), and exactly one level-one heading per page.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest'
import { dispatch } from '../../electron/handlers/dispatch'
import type { HandlerEnv } from '../../electron/handlers/types'
import { ARTIFACTS, type AppServer, ROOT, screenshot, startAppServer } from '../support/app-server'
import { type Browser, browserTestsEnabled, launchBrowser } from '../support/browser'
import { motionDone } from '../support/ui'

const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8')

/**
 * A table of the page just opened. The previous page's table is marked stale before each
 * navigation: its rows (Requests before Parks) must not count as the next page being ready, or the
 * heading count runs before the new page has drawn its h1.
 */
const FRESH_TABLE = '.server-table:not([data-a11y-stale])'
const FRESH_ROW = `${FRESH_TABLE} .ant-table-row`

interface Finding {
  page: string
  language: string
  rule: string
  impact: string
  nodes: number
  example: string
}

// Fifty pages, each scanned by axe: under load (40–50 on two cores) one language took over nine minutes.
describe.skipIf(!browserTestsEnabled())('accessibility of every page (axe-core)', { timeout: 1_200_000 }, () => {
  let app: AppServer
  let browser: Browser
  let page: Page
  const findings: Finding[] = []
  const headings: { page: string; language: string; count: number }[] = []
  const ids = { project: '', investor: '' }

  const api = async <T = { id: string }>(method: string, input: unknown): Promise<T> => {
    const result = await dispatch({ ctx: app.backend.ctx, backend: app.backend, shell: 'test' } as HandlerEnv, method, input)
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
    return result.value as T
  }

  /** Each page with the state that says it has finished loading. */
  const pages = (): { name: string; hash: string; ready: (page: Page) => Promise<unknown> }[] => [
    { name: 'workbench', hash: '/workbench', ready: (p) => p.getByTestId('projects-by-stage').waitFor() },
    { name: 'projects', hash: '/projects', ready: (p) => p.locator(FRESH_ROW).first().waitFor() },
    { name: 'kanban', hash: '/projects/board', ready: (p) => p.locator('[data-testid^="board-card-"]').first().waitFor() },
    { name: 'project-detail', hash: `/projects/${ids.project}`, ready: (p) => p.getByTestId('project-timeline').waitFor() },
    { name: 'investors', hash: '/investors', ready: (p) => p.locator(FRESH_ROW).first().waitFor() },
    { name: 'investor-detail', hash: `/investors/${ids.investor}`, ready: (p) => p.getByTestId('investor-name').waitFor() },
    { name: 'negotiations', hash: '/negotiations', ready: (p) => p.locator(FRESH_ROW).first().waitFor() },
    { name: 'events', hash: '/events', ready: (p) => p.locator(`${FRESH_ROW}, ${FRESH_TABLE} .ant-empty`).first().waitFor() },
    { name: 'requests', hash: '/requests', ready: (p) => p.locator(`${FRESH_ROW}, ${FRESH_TABLE} .ant-empty`).first().waitFor() },
    { name: 'parks', hash: '/parks', ready: (p) => p.locator(FRESH_ROW).first().waitFor() },
    ...['funnel', 'flow', 'breakdown', 'targets', 'exceptions', 'rates', 'activity'].map((tab) => ({
      name: `reports-${tab}`,
      hash: `/reports/${tab}`,
      ready: (p: Page) => p.getByTestId('reports-page').waitFor(),
    })),
    ...['me', 'users', 'catalog', 'targets', 'recycle', 'data', 'sync'].map((tab) => ({
      name: `settings-${tab}`,
      hash: `/settings/${tab}`,
      ready: (p: Page) => p.getByRole('tabpanel').first().waitFor(),
    })),
    { name: 'import', hash: '/projects/import', ready: (p) => p.getByTestId('ledger-file').waitFor({ state: 'attached' }) },
  ]

  async function scan(name: string, language: string): Promise<void> {
    // Spinners gone and motion ended: axe judges colours as they finally are.
    await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' })
    await motionDone(page)
    // Evaluated rather than added as a <script>: the app's CSP rightly refuses inline scripts.
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE)
    const run = () =>
      page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[]; failureSummary?: string }[] }[] }> } }).axe
        const { violations } = await axe.run(document, { resultTypes: ['violations'] })
        return violations.map((v) => ({ rule: v.id, impact: v.impact, nodes: v.nodes.length, example: `${v.nodes[0]?.target.join(' ')} — ${v.nodes[0]?.failureSummary ?? ''}`.slice(0, 300) }))
      })
    let result = await run()
    // A transition that started after the first wait (the menu's highlight moving to the page just
    // opened) shows colours half-way; once it has ended, the colours are the ones people see.
    for (let again = 0; again < 2 && result.some((v) => v.rule === 'color-contrast'); again++) {
      await motionDone(page)
      result = await run()
    }
    for (const v of result) findings.push({ page: name, language, ...v })
    const count = await page.locator('h1:visible').count()
    headings.push({ page: name, language, count })
    // Written as it goes: a page that never gets ready still leaves the others' findings.
    mkdirSync(ARTIFACTS, { recursive: true })
    writeFileSync(join(ARTIFACTS, 'axe-findings.json'), JSON.stringify({ findings, headings }, null, 2))
  }

  beforeAll(async () => {
    app = await startAppServer()
    await api('demo-seed', {})
    const user = await api('user-create', { name: '王敏', role: 'staff' })
    await api('session-set-user', { userId: user.id })
    const { rows } = await api<{ rows: { id: string; investorId: string | null }[] }>('project-list', { pageSize: 50 })
    const withInvestor = rows.find((row) => row.investorId) ?? rows[0]!
    ids.project = withInvestor.id
    ids.investor = withInvestor.investorId ?? (await api<{ rows: { id: string }[] }>('investor-list', {})).rows[0]!.id
    browser = await launchBrowser({ width: 1440, height: 900 })
    page = await browser.context.newPage()
    await page.goto(app.server.url)
    await page.locator('.app-header').waitFor()
  }, 600_000)
  beforeEach((context) => onTestFailed(() => screenshot(page, `failed-a11y-${context.task.name.slice(0, 40)}`).then(() => undefined)))
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  for (const language of ['zh', 'en'] as const) {
    it(`has no critical or serious violation and one h1 on every page (${language})`, async () => {
      await page.evaluate((value) => localStorage.setItem('crm-language', value), language)
      await page.reload()
      await page.locator('.app-header').waitFor()
      for (const target of pages()) {
        await page.evaluate((hash) => {
          for (const table of document.querySelectorAll('.server-table')) table.setAttribute('data-a11y-stale', '')
          window.location.hash = hash
        }, target.hash)
        // A page that never gets ready names itself: the waits' own messages do not say which page.
        await target.ready(page).catch((error: Error) => Promise.reject(new Error(`${target.name} (${language}) not ready: ${error.message}`)))
        await scan(target.name, language).catch((error: Error) => Promise.reject(new Error(`${target.name} (${language}): ${error.message}`)))
      }
      mkdirSync(ARTIFACTS, { recursive: true })
      writeFileSync(join(ARTIFACTS, `axe-${language}.json`), JSON.stringify({ findings, headings }, null, 2))
      const blocking = findings.filter((f) => f.language === language && (f.impact === 'critical' || f.impact === 'serious'))
      expect(blocking).toEqual([])
      expect(headings.filter((h) => h.language === language && h.count !== 1)).toEqual([])
    })
  }
})
