// The window opening on the project list (bench case 9's path): the page's calls leave before its
// table is in the document, under the keys the page reads them by (it does not ask again), with the
// address's filters; and the cells' tooltips, made only when the pointer first comes over a cut
// text, still show the whole text and go when the pointer leaves.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { appInBrowser } from '../support/app-in-browser'
import { screenshot } from '../support/app-server'
import { browserTestsEnabled } from '../support/browser'
import { motionDone } from '../support/ui'

const LONG_NAME = `长清${'高端装备智能制造与新材料产业园'.repeat(6)}项目`

// Runs in the page before its scripts: marks when the first table came into the document (a
// performance mark, on the same clock as the calls' resource timing).
const TABLE_WATCH = `(() => {
  const seen = new MutationObserver(() => {
    if (!document.querySelector('.server-table .ant-table')) return
    performance.mark('table-in-document')
    seen.disconnect()
  })
  seen.observe(document, { childList: true, subtree: true })
})()`

interface Opening {
  tableAt: number
  calls: { method: string; at: number }[]
}

const readOpening = (page: Page) =>
  page.evaluate((): Opening => {
    const mark = performance.getEntriesByName('table-in-document')[0]
    return {
      tableAt: mark?.startTime ?? Number.NaN,
      calls: performance
        .getEntriesByType('resource')
        .filter((r) => r.name.includes('/api/'))
        .map((r) => ({ method: new URL(r.name).pathname.replace('/api/', ''), at: r.startTime })),
    }
  })

describe.skipIf(!browserTestsEnabled())('the window opening on the project list', () => {
  let parkId = ''
  const ui = appInBrowser('first-rows', async (api) => {
    const districtId = (await api<{ id: string }>('district-create', { name: '长清区' })).id
    parkId = (await api<{ id: string }>('park-create', { name: '长清经济开发区', districtId })).id
    const otherPark = (await api<{ id: string }>('park-create', { name: '平阴工业园', districtId })).id
    await api('project-create', { name: LONG_NAME, parkId, totalInvestment: '12亿', stage: 'negotiating' })
    await api('project-create', { name: '齐鲁制药创新药生产基地', parkId, totalInvestment: '3亿', stage: 'signed', stageOn: '2025-03-01' })
    await api('project-create', { name: '平阴阿胶产业园', parkId: otherPark, totalInvestment: '5亿' })
  })

  /** A fresh document on this address (the tab keeps its session), until its first row shows. */
  async function openWindowOn(hash: string): Promise<{ opening: Opening; listInputs: unknown[] }> {
    const page = ui.page
    await page.evaluate((target) => (window.location.hash = target), hash)
    const listInputs: unknown[] = []
    const onRequest = (request: { url(): string; postDataJSON(): unknown }) => {
      if (request.url().includes('/api/project-list')) listInputs.push(request.postDataJSON())
    }
    page.on('request', onRequest)
    await page.addInitScript(TABLE_WATCH)
    await page.reload()
    await page.locator('.server-table tr.ant-table-row').first().waitFor()
    await page.locator('.server-table .ant-spin-spinning').waitFor({ state: 'detached' })
    page.off('request', onRequest)
    return { opening: await readOpening(page), listInputs }
  }

  it('asks for the rows once, before the table is in the document, with the address filters', async () => {
    const { opening, listInputs } = await openWindowOn(`/projects?parkIds=${parkId}`)
    // One call: the page found the answer under its own key (a different key asks a second time).
    expect(listInputs).toHaveLength(1)
    expect(listInputs[0]).toMatchObject({ parkIds: [parkId], sort: 'updatedAt', order: 'desc', page: 1, pageSize: 50 })
    const asked = opening.calls.filter((call) => call.method === 'project-list' || call.method === 'park-list')
    expect(asked.map((call) => call.method).sort()).toEqual(['park-list', 'project-list'])
    // Asked before the page's first render put its table in, not from that render's effects.
    for (const call of asked) expect(call.at).toBeLessThan(opening.tableAt)
    await expect.poll(() => ui.page.locator('.server-table tr.ant-table-row').count()).toBe(2)
    await motionDone(ui.page)
    await screenshot(ui.page, 'first-rows-projects')
  })

  it('shows a cut name whole in a tooltip made on the first hover, and hides it when the pointer leaves', async () => {
    const page = ui.page
    await ui.go('/projects')
    const cell = page.locator('.server-table .ant-table-row', { hasText: LONG_NAME.slice(0, 8) }).locator('.list-ellipsis').first()
    await cell.waitFor()
    expect(await cell.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true)
    // No tooltip exists before a hover.
    expect(await page.locator('.ant-tooltip').count()).toBe(0)
    await cell.hover()
    await page.locator('.ant-tooltip:visible', { hasText: LONG_NAME }).waitFor()
    await motionDone(page)
    await screenshot(page, 'first-rows-tooltip')
    // Straight off the cell in one move: the tooltip made under the pointer still sees it leave.
    await page.mouse.move(5, 790)
    await page.locator('.ant-tooltip:visible').waitFor({ state: 'hidden' })
    // A second hover: the tooltip now follows the pointer by itself.
    await cell.hover()
    await page.locator('.ant-tooltip:visible', { hasText: LONG_NAME }).waitFor()
    await page.mouse.move(5, 790)
    await page.locator('.ant-tooltip:visible').waitFor({ state: 'hidden' })
    // A name that fits gets no tooltip.
    await page.locator('.server-table .ant-table-row', { hasText: '平阴阿胶产业园' }).locator('.list-ellipsis').first().hover()
    expect(await page.locator('.ant-tooltip:visible').count()).toBe(0)
    expect(ui.errors).toEqual([])
  })

  it("loads the other pages in the background once the window is idle, an area's own lazy pages too", async () => {
    const page = ui.page
    const asked = new Set<string>()
    const onRequest = (request: { url(): string }) => {
      const chunk = /\/assets\/(\w+)-[\w-]{8}\.js$/.exec(request.url())?.[1]
      if (chunk) asked.add(chunk)
    }
    page.on('request', onRequest)
    try {
      // Opened on the workbench: the projects area comes only with the idle preload, and its board,
      // import and project pages are lazy pages of their own inside it.
      await page.evaluate(() => (window.location.hash = '/workbench'))
      await page.reload()
      // The chunks' names as the build gives them (a renamed one fails here, it does not pass).
      const wanted = ['projects', 'reports', 'ProjectDetailPage', 'ProjectBoardPage', 'ImportPage']
      await expect.poll(() => wanted.filter((chunk) => !asked.has(chunk)), { timeout: 120_000 }).toEqual([])
    } finally {
      page.off('request', onRequest)
    }
    expect(ui.errors).toEqual([])
  })
})
