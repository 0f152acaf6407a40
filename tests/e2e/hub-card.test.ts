// 设置 → 数据同步 → 中心库 in Chromium: with the hub unreachable, the card says so in plain words and
// shows the edits queued on this computer; the status never waits on the network.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/handlers/dispatch'
import type { HandlerEnv } from '../../electron/handlers/types'
import { type AppServer, startAppServer } from '../support/app-server'
import { type Browser, browserTestsEnabled, launchBrowser } from '../support/browser'

describe.skipIf(!browserTestsEnabled())('the hub card', () => {
  let app: AppServer
  let browser: Browser
  beforeAll(async () => {
    app = await startAppServer()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('shows an unreachable hub and the queued edits', async () => {
    const env: HandlerEnv = { ctx: app.backend.ctx, backend: app.backend, shell: 'web' }
    // Port 1 on loopback refuses at once: an office whose hub is down.
    await dispatch(env, 'hub-configure', { url: 'postgres://zhang@127.0.0.1:1/crm', password: 'secret' })
    await dispatch(env, 'district-create', { name: '槐荫区' })
    await dispatch(env, 'hub-sync-now', { wait: true })
    const page = await browser.context.newPage()
    await page.goto(app.server.url)
    await page.evaluate(() => (location.hash = '#/settings/sync'))
    const card = page.getByTestId('hub-card')
    await card.waitFor()
    await expect.poll(() => card.textContent()).toContain('无法连接中心库')
    await expect.poll(() => page.getByTestId('hub-pending').textContent()).toMatch(/待上传 \d+ 条修改/)
    expect(await card.getByLabel('中心库地址').inputValue()).toBe('postgres://zhang@127.0.0.1:1/crm')
    await card.scrollIntoViewIfNeeded()
    await card.screenshot({ path: '/tmp/hubcard.png' })
  })
})
