// 设置 → 数据同步 in a real browser: the manager imports an officer's package through the page and
// sees what came in, the duplicate park merged while syncing, and the conflicting edit to review.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportPackage, importPackage } from '../../db/sync/package'
import { type AppServer, screenshot, startAppServer } from '../support/app-server'
import { type TestBackend, testBackend } from '../support/backend'
import { type Browser, browserTestsEnabled, launchBrowser } from '../support/browser'
import { clickWhenStill } from '../support/ui'

describe.skipIf(!browserTestsEnabled())('sync by file in the browser', () => {
  let app: AppServer
  let browser: Browser
  let page: Page
  let officerA: TestBackend
  let officerB: TestBackend
  const dir = mkdtempSync(join(tmpdir(), 'crm-sync-e2e-'))
  const packageOfB = join(dir, '来自李四.crmsync')

  beforeAll(async () => {
    app = await startAppServer()
    const manager = app.backend.ctx
    officerA = await testBackend({ now: new Date().toISOString() })
    officerB = await testBackend({ now: new Date().toISOString() })
    const district = await officerA.call('district-create', { name: '槐荫区' })
    const project = await officerA.call('project-create', { name: '巨能液压扩产项目', progress: '初次接触' })
    await importPackage(officerB.env.ctx, (await exportPackage(officerA.env.ctx)).bytes, 'a')
    // Offline: both create the same park and edit the same project's progress.
    await officerA.call('park-create', { districtId: district.id, name: '齐鲁医药港' })
    await officerA.call('project-update', { id: project.id, progress: '已谈用地' })
    await officerB.call('park-create', { districtId: district.id, name: '齐鲁医药港' })
    await officerB.call('project-update', { id: project.id, progress: '等待企业答复' })
    await importPackage(manager, (await exportPackage(officerA.env.ctx)).bytes, 'a')
    writeFileSync(packageOfB, (await exportPackage(officerB.env.ctx)).bytes)
    browser = await launchBrowser()
    page = await browser.context.newPage()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
    await officerA?.close()
    await officerB?.close()
  })

  it('imports a package and shows the summary, the merged park and the edit to review', async () => {
    await page.goto(`${app.server.url}#/settings/sync`)
    await page.getByText('按文件同步').waitFor()
    await page.locator('input[type=file]').setInputFiles(packageOfB)
    const summary = page.getByTestId('sync-summary')
    await summary.waitFor()
    expect(await summary.textContent()).toContain('园区 1')
    const reviews = page.getByTestId('sync-reviews')
    await reviews.locator('.ant-table-row', { hasText: '巨能液压扩产项目' }).waitFor()
    await page.locator('.ant-table-row', { hasText: '同一区县的同名园区' }).waitFor()
    await screenshot(page, 'sync-tab')

    // Undo the merge: both parks live again, the restored one renamed.
    await page.getByRole('button', { name: '撤销合并' }).click()
    await clickWhenStill(page.getByRole('button', { name: /确\s*定|OK/ }))
    await page.getByText('已撤销').waitFor()
    const parks = app.backend.ctx.sqlite.prepare('SELECT name FROM park WHERE deleted_at IS NULL ORDER BY name').all() as { name: string }[]
    expect(parks.map((p) => p.name)).toEqual(['齐鲁医药港', '齐鲁医药港（撤销合并）'])
  })
})
