// The large dialogs save once however impatient the officer is (useFormDialog: 保存 is disabled
// while saving and a create carries a client request id): a double click on 保存 in 新建客商,
// 变更阶段 (to 签约, with the agreement and its 签约各方), 设定目标 and 推进 leaves one record or
// one step, and no error about a second, refused save. 合并 (not a form of fields) merges once.
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest'
import { type AppServer, callApp, screenshot, startAppServer } from '../support/app-server'
import { type Browser, browserTestsEnabled, launchBrowser } from '../support/browser'
import { chooseOption, motionDone, pickSearched, watchApiCalls } from '../support/ui'

const PROJECT = '鲁西新能源电池材料项目'
const PARTIES = '甲方：平阴县人民政府；乙方：鲁西新能源科技有限公司'

describe.skipIf(!browserTestsEnabled())('the large dialogs save once on a double click', () => {
  let app: AppServer
  let browser: Browser
  let page: Page
  let calls: ReturnType<typeof watchApiCalls>
  const errors: string[] = []
  let projectId = ''
  let requestId = ''
  const ids = { kept: '', merged: '' }

  const api = <T>(method: string, input: unknown) => callApp<T>(app, method, input)
  const db = () => app.backend.ctx.db
  const go = (hash: string) => page.evaluate((target) => (window.location.hash = target), hash)
  // The form's own dialog, not a confirmation opened after saving (the 新建项目 offer).
  const dialog = () => page.getByRole('dialog').and(page.locator('.ant-modal:not(.ant-modal-confirm)'))
  /** The API methods the page has called, in order. */
  const sent: string[] = []
  /** Double-clicks 保存, waits for the dialog to close and for any second request to land. */
  const doubleSave = async (method: string, okName: RegExp = /保\s*存/) => {
    const before = sent.length
    await dialog().getByRole('button', { name: okName }).dblclick()
    await dialog().waitFor({ state: 'hidden' })
    await calls.settled()
    // The dialog sent its write once (a repeat would be harmless for some methods, never sent).
    expect(sent.slice(before).filter((name) => name === method)).toEqual([method])
    // A second save that reached the backend would have been refused and said so.
    expect(await page.locator('.ant-message-error').count()).toBe(0)
  }
  const choose = async (field: Locator, option: string) => {
    await field.click()
    await motionDone(page)
    await chooseOption(page, option)
  }
  const changesOf = async (entityId: string) =>
    (await db().selectFrom('change').select('action').where('entityId', '=', entityId).execute()).map((c) => c.action)

  beforeAll(async () => {
    app = await startAppServer()
    const user = await api<{ id: string }>('user-create', { name: '刘洋', role: 'staff' })
    await api('session-set-user', { userId: user.id })
    await api('district-create', { name: '平阴县' })
    projectId = (await api<{ id: string }>('project-create', { name: PROJECT, stage: 'negotiating' })).id
    requestId = (await api<{ id: string }>('request-create', { category: 'land', title: '用地指标尽快落实', receivedOn: '2026-01-05', projectId })).id
    ids.kept = (await api<{ id: string }>('investor-create', { name: '济南金石重工集团有限公司' })).id
    ids.merged = (await api<{ id: string }>('investor-create', { name: '济南金石重工', confirmDuplicate: true })).id
    browser = await launchBrowser({ width: 1280, height: 800 })
    page = await browser.context.newPage()
    page.on('pageerror', (error) => errors.push(error.message))
    page.on('request', (request) => {
      const method = /\/api\/([a-z-]+)$/.exec(new URL(request.url()).pathname)?.[1]
      if (method) sent.push(method)
    })
    calls = watchApiCalls(page)
    await page.goto(app.server.url)
    await page.getByRole('menuitem', { name: '工作台' }).waitFor()
  })
  beforeEach((context) => onTestFailed(() => screenshot(page, `failed-double-dialogs-${context.task.name.slice(0, 40)}`).then(() => undefined)))
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('新建客商 creates one investor', async () => {
    await go('/investors')
    await page.getByRole('button', { name: '新建客商' }).click()
    await dialog().getByLabel('客商名称').fill('鲁西新能源科技有限公司')
    await motionDone(page)
    await screenshot(page, 'double-save-investor-form')
    await doubleSave('investor-create')
    // Saving a new investor offers 新建项目 for it.
    await page.getByRole('button', { name: '以后再说' }).click()
    const investors = await db().selectFrom('investor').select('name').where('name', '=', '鲁西新能源科技有限公司').execute()
    expect(investors).toHaveLength(1)
    expect(errors).toEqual([])
  })

  it('变更阶段 to 签约 makes one stage change and one agreement with its parties', async () => {
    await go(`/projects/${projectId}`)
    await page.getByTestId('project-title').filter({ hasText: PROJECT }).waitFor()
    await page.getByTestId('project-stage-change').click()
    await choose(dialog().getByLabel('变更为'), '签约')
    const signing = dialog().getByTestId('signing-fields')
    await signing.getByLabel('签约各方').fill(PARTIES)
    await motionDone(page)
    await screenshot(page, 'double-save-stage-change')
    await doubleSave('project-stage-change')
    const events = await db().selectFrom('stageEvent').select(['fromStage', 'toStage']).where('projectId', '=', projectId).where('toStage', '=', 'signed').execute()
    expect(events).toEqual([{ fromStage: 'negotiating', toStage: 'signed' }])
    const agreements = await db().selectFrom('agreement').select('parties').where('projectId', '=', projectId).execute()
    expect(agreements).toEqual([{ parties: PARTIES }])
    await page.getByTestId('agreement-parties').filter({ hasText: PARTIES }).waitFor()
    expect(errors).toEqual([])
  })

  it('设定目标 sets one target, written once', async () => {
    await go('/settings/targets')
    await page.getByTestId('target-add').click()
    await choose(dialog().getByLabel('考核对象', { exact: true }), '平阴县')
    await dialog().getByLabel('目标值').fill('12')
    await motionDone(page)
    await screenshot(page, 'double-save-target-form')
    await doubleSave('target-set')
    const targets = await db().selectFrom('target').select(['id', 'value']).execute()
    expect(targets).toMatchObject([{ value: 12 }])
    // target-set replaces a value, so the count alone cannot tell: the journal shows one write.
    expect(await changesOf(targets[0]!.id)).toEqual(['create'])
    expect(errors).toEqual([])
  })

  it('推进 moves the request one step', async () => {
    await go(`/requests/${requestId}`)
    await page.getByTestId('request-advance').click()
    await dialog().getByTestId('advance-status').waitFor()
    await motionDone(page)
    await screenshot(page, 'double-save-advance')
    await doubleSave('request-advance')
    const request = await db().selectFrom('request').select('status').where('id', '=', requestId).executeTakeFirstOrThrow()
    expect(request.status).toBe('assigned')
    expect(await changesOf(requestId)).toEqual(['create', 'update'])
    expect(errors).toEqual([])
  })

  it('a double ✕ on a touched form asks once, and one answer closes it', async () => {
    await go('/investors')
    await page.getByRole('button', { name: '新建客商' }).click()
    await dialog().getByLabel('客商名称').fill('鲁西储能科技有限公司')
    await motionDone(page)
    // Both clicks land before the question renders, as on a busy laptop; before, each asked.
    await dialog().locator('.ant-modal-close').evaluate((close: HTMLElement) => (close.click(), close.click()))
    const confirm = page.locator('.ant-modal-confirm')
    await confirm.waitFor()
    await motionDone(page)
    expect(await confirm.count()).toBe(1)
    await confirm.getByRole('button', { name: /确\s*定/ }).click()
    await confirm.waitFor({ state: 'hidden' })
    await dialog().waitFor({ state: 'hidden' })
    expect(await page.locator('.ant-modal-wrap:visible').count()).toBe(0)
    expect(errors).toEqual([])
  })

  it('确认合并 merges once', async () => {
    await go(`/investors/${ids.merged}`)
    await page.getByTestId('investor-name').getByText('济南金石重工').waitFor()
    await page.getByTestId('investor-merge').click()
    await pickSearched(page, dialog().getByRole('combobox').first(), '金石', '济南金石重工集团有限公司', { method: /\/api\/investor-list$/ })
    await dialog().getByText('保留所选客商').click()
    await dialog().getByTestId('merge-preview').waitFor()
    await doubleSave('investor-merge', /确认合并/)
    await page.waitForURL(new RegExp(`#/investors/${ids.kept}$`))
    // A second merge would be refused (the merged investor is gone), which doubleSave's check for an
    // error toast catches; the journal shows the one merge.
    expect((await changesOf(ids.merged)).filter((action) => action === 'delete')).toHaveLength(1)
    expect(errors).toEqual([])
  })
})
