// The window's chunk loader (renderer/src/chunkLoader.ts). A page whose script cannot be fetched
// says so and loads when asked again. The window opened again reads its scripts' compiled code back
// from V8's code cache instead of parsing them once more (renderer/build/classicChunks.ts: Chromium
// does that for classic scripts only), seen in Chromium's own trace: each script's compile says how
// much cache it consumed; that needs a profile on disk, as the desktop window and a browser have (a
// context without one keeps no code cache), so that test launches its own Chromium.
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type CDPSession, type Page, chromium } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { appInBrowser } from '../support/app-in-browser'
import { ROOT, startAppServer } from '../support/app-server'
import { browserTestsEnabled, chromiumLaunchOptions } from '../support/browser'

/** Chromium keeps no code cache for a script under 1 KB. */
const CACHED_FROM_BYTES = 1024

interface Compile {
  url: string
  consumedCacheSize?: number
}

/** Opens the app in the page, tracing V8's compiles of its scripts, until the shell shows. */
async function openTraced(page: Page, cdp: CDPSession, url: string): Promise<Compile[]> {
  const compiles: Compile[] = []
  const collect = ({ value }: { value: object[] }) => {
    for (const event of value as { name: string; args?: { data?: Compile } }[]) {
      if (event.name === 'v8.compile' && event.args?.data?.url) compiles.push(event.args.data)
    }
  }
  cdp.on('Tracing.dataCollected', collect)
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['v8', 'devtools.timeline'] }, transferMode: 'ReportEvents' })
  await page.goto(url)
  await page.getByRole('menuitem', { name: '工作台' }).waitFor()
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve))
  await cdp.send('Tracing.end')
  await complete
  cdp.off('Tracing.dataCollected', collect)
  return compiles
}

const REPORTS_CHUNK = /\/assets\/reports-[\w-]{8}\.js$/

describe.skipIf(!browserTestsEnabled())("a page whose script the window cannot fetch", () => {
  const ui = appInBrowser('chunk-loader')

  it('shows the page error, and the page once its script can be fetched again', async () => {
    const page = ui.page
    await page.route(REPORTS_CHUNK, (route) => route.abort())
    // The idle preload asks for every page's chunk: the reports' fails.
    const preloadFailed = page.waitForEvent('requestfailed', (request) => REPORTS_CHUNK.test(request.url()))
    await page.reload()
    await preloadFailed
    await ui.go('/reports/funnel')
    const error = page.getByTestId('page-error')
    await error.waitFor()
    expect(await error.textContent()).toContain('无法加载页面脚本')

    await page.unroute(REPORTS_CHUNK)
    await error.getByRole('button', { name: '重新载入此页' }).click()
    await page.getByTestId('report-period').waitFor()
    expect(await error.count()).toBe(0)
    expect(ui.errors).toEqual([])
  })
})

describe.skipIf(!browserTestsEnabled())("the window's scripts and V8's code cache", () => {
  it('reads every script of index.html back from the code cache once the window has been opened twice', async () => {
    const app = await startAppServer()
    const profile = mkdtempSync(join(tmpdir(), 'crm-code-cache-'))
    const context = await chromium.launchPersistentContext(profile, chromiumLaunchOptions())
    try {
      const page = await context.newPage()
      const cdp = await context.newCDPSession(page)
      await page.goto(app.server.url)
      const scripts = await page.evaluate(() => [...document.scripts].filter((script) => script.src).map((script) => script.src))
      const cachable = scripts.filter((src) => statSync(join(ROOT, 'out', 'renderer', new URL(src).pathname)).size >= CACHED_FROM_BYTES)
      expect(cachable).not.toEqual([])
      // The second opening writes the cache (Chromium's heat check); the third reads it. Its writes
      // are not waited for, so a busy machine may need an opening more.
      let unread: string[] = cachable
      for (let opening = 2; opening <= 6 && unread.length > 0; opening++) {
        const compiles = await openTraced(page, cdp, app.server.url)
        const read = new Set(compiles.filter((compile) => (compile.consumedCacheSize ?? 0) > 0).map((compile) => compile.url))
        unread = cachable.filter((src) => !read.has(src))
      }
      expect(unread).toEqual([])
    } finally {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
      await app.close()
    }
  })
})
