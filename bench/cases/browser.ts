// Case 9: browser mode on the full dataset — the real web server on the big database and Debian's
// Chromium; the time from navigation to the projects page showing its first table row.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { openBackend } from '../../db/backend'
import { startWebServer } from '../../electron/server/web-server'
import { findChromium, launchBrowser } from '../../tests/support/browser'
import { stats, type Stats } from '../measure'

export interface BrowserResult {
  skipped: string | null
  /** The first navigation (empty browser cache) and the following ones. */
  cold: number | null
  warm: Stats | null
  /** How long the server took for the page's project-list call (ms, as seen by the browser). */
  listCall: Stats | null
  pass: boolean
}

export async function browserCase(file: string, root: string, reps: number, log: (line: string) => void): Promise<BrowserResult> {
  const rendererDir = join(root, 'out', 'renderer')
  if (!existsSync(join(rendererDir, 'index.html'))) return { skipped: 'out/renderer missing (npm run build)', cold: null, warm: null, listCall: null, pass: false }
  if (!findChromium()) return { skipped: 'Chromium not found', cold: null, warm: null, listCall: null, pass: false }
  const backend = await openBackend({ file, lock: false, autoBackup: false })
  const server = await startWebServer({ env: { ctx: backend.ctx, backend, shell: 'web' }, rendererDir })
  const browser = await launchBrowser()
  const times: number[] = []
  const listCalls: number[] = []
  try {
    for (let i = 0; i < reps + 1; i++) {
      const page = await browser.context.newPage()
      const started = new Map<string, number>()
      page.on('request', (r) => {
        if (r.url().includes('/api/project-list')) started.set(r.url(), performance.now())
      })
      page.on('response', (r) => {
        const t0 = started.get(r.url())
        if (t0 !== undefined) listCalls.push(performance.now() - t0)
      })
      const t = performance.now()
      await page.goto(`${server.url}#/projects`)
      await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor({ state: 'visible', timeout: 60_000 })
      times.push(performance.now() - t)
      log(`  9 browser run ${i + 1}: ${times.at(-1)!.toFixed(0)} ms to the first row`)
      await page.close()
    }
  } finally {
    await browser.close()
    await server.close()
    await backend.close()
  }
  const warm = stats(times.slice(1))
  return { skipped: null, cold: times[0]!, warm, listCall: listCalls.length ? stats(listCalls) : null, pass: times[0]! < 1500 && warm.p95 < 1500 }
}
