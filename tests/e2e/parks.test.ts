// The first vertical slice in a real browser: create a district and a park through the UI,
// reload, and they are still there.
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest'
import { type AppServer, ROOT, screenshot, startAppServer } from '../support/app-server'
import { type Browser, browserTestsEnabled, launchBrowser } from '../support/browser'
import { chooseOption, saveDialog } from '../support/ui'

describe.skipIf(!browserTestsEnabled())('parks in the browser', () => {
  let app: AppServer
  let browser: Browser
  let page: Page
  const errors: string[] = []

  beforeAll(async () => {
    app = await startAppServer()
    browser = await launchBrowser()
    page = await browser.context.newPage()
    page.on('pageerror', (error) => errors.push(error.message))
  })
  beforeEach((context) => onTestFailed(() => screenshot(page, `failed-${context.task.name.slice(0, 40)}`).then(() => undefined)))
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('shows the Chinese navigation and the welcome offer on an empty database', async () => {
    await page.goto(app.server.url)
    // The first render waits for the opening page's code and calls (main.tsx): not there at 'load'.
    await page.getByRole('menuitem', { name: '工作台' }).waitFor()
    for (const label of ['工作台', '项目', '客商', '洽谈记录', '园区', '活动', '企业诉求', '报表', '设置']) {
      await expect(page.getByRole('menuitem', { name: label }).count()).resolves.toBe(1)
    }
    await page.getByText('欢迎使用招商引资 CRM').waitFor()
    expect(page.url()).not.toContain('token=')
    await screenshot(page, 'parks-empty')
  })

  it('creates a district and a park through the forms, and they survive a reload', async () => {
    await page.getByText('从空白开始').click()
    await page.getByRole('menuitem', { name: '园区' }).click()
    await page.getByTestId('district-add').click()
    const districtDialog = page.getByRole('dialog')
    await districtDialog.getByLabel('区县名称').fill('槐荫区')
    await saveDialog(districtDialog)
    await page.locator('.ant-list-item', { hasText: '槐荫区' }).waitFor()

    await page.getByTestId('park-add').click()
    const parkDialog = page.getByRole('dialog')
    await parkDialog.getByLabel('园区名称').fill('济南国际医学中心')
    await parkDialog.getByLabel('所属区县').click()
    await chooseOption(page, '槐荫区')
    await parkDialog.getByLabel('主导产业').fill('医药健康, 生物医药')
    await parkDialog.getByLabel('可供土地（亩）').fill('1260.5')
    await saveDialog(parkDialog)
    const row = page.locator('.ant-table-row', { hasText: '济南国际医学中心' })
    await row.waitFor()
    expect(await row.textContent()).toContain('1,260.5')

    await page.reload()
    await page.locator('.ant-table-row', { hasText: '济南国际医学中心' }).waitFor()
    expect(page.url()).toContain('#/parks')
    await screenshot(page, 'parks-created')
    const stored = await app.backend.ctx.db.selectFrom('park').select(['name', 'freeLandCentiMu']).execute()
    expect(stored).toEqual([{ name: '济南国际医学中心', freeLandCentiMu: 126050 }])
  })

  it('explains a validation error in Chinese and keeps the dialog open', async () => {
    await page.getByTestId('park-add').click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('button', { name: /保\s*存/ }).click()
    await dialog.getByText('请填写园区名称').waitFor()
    await dialog.getByRole('button', { name: /取\s*消/ }).click()
    expect(errors).toEqual([])
  })
})

describe.skipIf(!browserTestsEnabled())('npm run web', () => {
  // The start script may build the app first: minutes on a loaded machine.
  it('prints one line with the full URL, which serves the app', { timeout: 300_000 }, async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'crm-web-')), 'crm.sqlite')
    const child = spawn(process.execPath, ['scripts/start.mjs', '--web', '--db', db], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = ''
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${output}`)), 280_000)
        child.stdout.on('data', (chunk) => {
          output += chunk
          const match = /请打开：(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output)
          if (match) {
            clearTimeout(timer)
            resolve(match[1]!)
          }
        })
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${output}`)))
      })
      const page = await fetch(url)
      expect(page.status).toBe(200)
      expect(await page.text()).toContain('<div id="root">')
      // The page is public; the data is not: the API refuses a caller without a session.
      expect((await fetch(url.replace(/\/\?token=.*/, '/api/district-list'), { method: 'POST', body: '{}' })).status).toBe(403)
    } finally {
      child.kill('SIGTERM')
    }
  })
})
