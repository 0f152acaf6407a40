// The reports area in a real browser, on a ledger whose numbers are worked out by hand below:
// the period flow of 2025 against 2024, the funnel's libraries, a drill-down whose count and sum
// equal the clicked figure, a target's completion, the exception list, and every tab in zh and en.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest'
import { dispatch } from '../../electron/handlers/dispatch'
import { type AppServer, screenshot, startAppServer } from '../support/app-server'
import { type Browser, browserTestsEnabled, launchBrowser } from '../support/browser'
import { motionDone } from '../support/ui'

const TABS = ['funnel', 'flow', 'breakdown', 'targets', 'exceptions', 'rates', 'activity'] as const

describe.skipIf(!browserTestsEnabled())('reports in the browser', () => {
  let app: AppServer
  let browser: Browser
  let page: Page
  const errors: string[] = []

  async function api<T = any>(method: string, input: unknown): Promise<T> {
    const result = await dispatch({ ctx: app.backend.ctx, backend: app.backend, shell: 'test' }, method, input)
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
    return result.value as T
  }
  const go = (hash: string) => page.evaluate((target) => (window.location.hash = target), hash)
  const text = (testId: string) => page.getByTestId(testId).first().textContent()
  const settled = () => motionDone(page)

  beforeAll(async () => {
    app = await startAppServer()
    const parkIds = new Map<string, string>()
    const layout = {
      槐荫区: ['济南西站枢纽经济商务区', '槐荫智能制造产业区'],
      长清区: ['长清经济开发区', '长清生物医药产业园'],
      平阴县: ['平阴玫瑰特色产业园', '济南现代物流产业园区'],
    }
    for (const [district, parks] of Object.entries(layout)) {
      const { id: districtId } = await api<{ id: string }>('district-create', { name: district })
      for (const name of parks) parkIds.set(name, (await api<{ id: string }>('park-create', { name, districtId })).id)
    }
    const park = (name: string) => parkIds.get(name)!
    const zhang = await api<{ id: string }>('user-create', { name: '张伟', role: 'staff' })
    const li = await api<{ id: string }>('user-create', { name: '李娜', role: 'staff' })

    // name, park, 总投资, 入库, owner, then the stage path with its dates.
    //   signed 2025: 齐鲁 35 + 玫瑰 5.2 = 2 projects, 40.20亿; signed 2024: 装备 8.6 + 新能源 20 = 2, 28.60亿
    //   → 同比 +0 projects (0.00%), +11.60亿 (+40.56%)
    //   started 2025: 装备 8.6 + 玫瑰 5.2 = 2, 13.80亿; started 2024: none → 同比 % is '—'
    //   funnel (all time): 6 projects, 83.10亿; 谋划储备库 物流 1.5 + 京沪 12.8 = 2, 14.30亿;
    //   落地实施库 齐鲁 + 新能源 = 2, 55.00亿; 在建项目库 装备 + 玫瑰 = 2, 13.80亿
    const seed = [
      { name: '齐鲁制药创新药生产基地', park: '长清生物医药产业园', inv: '35亿', reserveOn: '2024-11-10', owner: zhang.id, path: [['signed', '2025-03-18']] },
      { name: '高端装备制造基地', park: '长清经济开发区', inv: '8.6亿', reserveOn: '2024-02-01', owner: li.id, path: [['signed', '2024-05-10'], ['started', '2025-02-20']] },
      { name: '平阴玫瑰精深加工项目', park: '平阴玫瑰特色产业园', inv: '5.2亿', reserveOn: '2025-01-05', owner: zhang.id, path: [['signed', '2025-06-01'], ['started', '2025-09-01']] },
      { name: '冷链物流分拨中心', park: '济南现代物流产业园区', inv: '1.5亿', reserveOn: '2025-04-01', owner: li.id, path: [['negotiating', '2025-05-01']] },
      { name: '新能源汽车零部件产业园', park: '槐荫智能制造产业区', inv: '20亿', reserveOn: '2024-03-01', owner: li.id, path: [['signed', '2024-08-15']] },
      { name: '京沪系总部商务楼宇', park: '济南西站枢纽经济商务区', inv: '12.8亿', reserveOn: '2025-02-01', owner: zhang.id, path: [] },
    ] as const
    for (const p of seed) {
      const [first, ...rest] = p.path
      const created = await api<{ id: string }>('project-create', {
        name: p.name,
        parkId: park(p.park),
        totalInvestment: p.inv,
        reserveOn: p.reserveOn,
        ownerId: p.owner,
        ...(first ? { stage: first[0], stageOn: first[1] } : { stage: 'lead', stageOn: p.reserveOn }),
      })
      for (const [toStage, happenedOn] of rest) await api('project-stage-change', { id: created.id, toStage, happenedOn })
    }
    // 张伟 signed 2 of the 4 projects he is expected to sign in 2025: 50.00%.
    await api('target-set', { year: 2025, unitType: 'user', unitId: zhang.id, indicator: 'signed_projects', value: 4 })

    browser = await launchBrowser()
    page = await browser.context.newPage()
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(app.server.url)
  })
  beforeEach((context) => onTestFailed(() => screenshot(page, `failed-reports-${context.task.name.slice(0, 40)}`).then(() => undefined)))
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('shows the period flow of 2025 against 2024 with 同比', async () => {
    await go('#/reports/flow?period=year&year=2025')
    await page.getByTestId('flow-table').waitFor()
    await expect.poll(() => text('flow-signed-count')).toBe('2')
    expect(await text('flow-signed-sum')).toBe('40.20')
    expect(await text('flow-signed-last-count')).toBe('2')
    expect(await text('flow-started-sum')).toBe('13.80')
    expect(await text('flow-started-pct')).toBe('—')
    const signedRow = page.locator('.ant-table-row', { hasText: '签约' }).first()
    expect(await signedRow.textContent()).toContain('+40.56%')
    expect(await text('flow-period')).toContain('2024年')
  })

  it('drills the signed count down to the same projects and the same 亿元 sum', async () => {
    await page.getByTestId('flow-signed-count').click()
    const drawer = page.getByTestId('drill-drawer')
    await drawer.locator('.ant-table-row').first().waitFor()
    await expect(drawer.locator('.ant-table-row').count()).resolves.toBe(2)
    expect(await drawer.getByTestId('drill-summary').textContent()).toBe('共 2 个项目，总投资 40.20 亿元')
    expect(await drawer.textContent()).toContain('齐鲁制药创新药生产基地')
    await settled()
    await screenshot(page, 'reports-drill')
    // A row links to the project itself.
    await drawer.getByRole('link', { name: '平阴玫瑰精深加工项目' }).click()
    await expect.poll(() => page.url()).toMatch(/#\/projects\/[^/?]+$/)
    await page.goBack()
    await page.getByTestId('flow-table').waitFor()
    expect(page.url()).toContain('period=year&year=2025')
  })

  it('shows the funnel with its four libraries', async () => {
    await go('#/reports/funnel')
    await page.getByTestId('funnel-stages').waitFor()
    await expect.poll(() => text('funnel-total-count')).toBe('6')
    expect(await text('funnel-total-sum')).toBe('83.10')
    expect([await text('library-reserve-count'), await text('library-reserve-sum')]).toEqual(['2', '14.30'])
    expect([await text('library-implementing-count'), await text('library-implementing-sum')]).toEqual(['2', '55.00'])
    expect([await text('library-construction-count'), await text('library-construction-sum')]).toEqual(['2', '13.80'])
    await page.getByTestId('library-implementing-sum').click()
    const drawer = page.getByTestId('drill-drawer')
    await expect.poll(() => drawer.getByTestId('drill-summary').textContent()).toBe('共 2 个项目，总投资 55.00 亿元')
    await expect(drawer.locator('.ant-table-row').count()).resolves.toBe(2)
    await page.keyboard.press('Escape')
  })

  it('shows the target completion and the signed-not-started list', async () => {
    await go('#/reports/targets?period=year&year=2025')
    const targets = page.getByTestId('targets-table')
    await targets.waitFor()
    const row = targets.locator('.ant-table-row', { hasText: '张伟' })
    await expect.poll(() => row.textContent()).toContain('50.00%')
    expect(await row.textContent()).toContain('落后进度')

    await go('#/reports/exceptions?kind=signed-not-started')
    await page.getByTestId('exception-table').waitFor()
    await expect(page.getByTestId('exception-table').locator('.ant-table-row').count()).resolves.toBe(2)
    expect(await text('exception-total')).toContain('共 2 条')
  })

  it('keeps the filters in the URL: a park narrows the flow, back restores it', async () => {
    await go('#/reports/flow?period=year&year=2025')
    await expect.poll(() => text('flow-signed-count')).toBe('2')
    const parkId = await app.backend.ctx.db.selectFrom('park').select('id').where('name', '=', '平阴玫瑰特色产业园').executeTakeFirstOrThrow()
    await go(`#/reports/flow?period=year&year=2025&park=${parkId.id}`)
    await expect.poll(() => text('flow-signed-count')).toBe('1')
    expect(await text('flow-signed-sum')).toBe('5.20')
    await page.goBack()
    await expect.poll(() => text('flow-signed-count')).toBe('2')
  })

  it('shows a clear empty state for a period without projects', async () => {
    await go('#/reports/funnel?period=year&year=2019')
    await page.getByTestId('report-empty').waitFor()
    await screenshot(page, 'reports-empty')
  })

  it('screenshots every tab in Chinese and English, and the print view', async () => {
    for (const language of ['zh', 'en'] as const) {
      await page.evaluate((value) => localStorage.setItem('crm-language', value), language)
      await page.reload()
      for (const tab of TABS) {
        const query = tab === 'funnel' || tab === 'exceptions' ? '' : '?period=year&year=2025'
        await go(`#/reports/${tab}${query}`)
        await page.getByTestId('reports-page').waitFor()
        await page.locator('.ant-spin-spinning').waitFor({ state: 'detached' }).catch(() => undefined)
        await settled()
        await screenshot(page, `reports-${tab}-${language}`)
      }
    }
    await page.evaluate(() => localStorage.setItem('crm-language', 'zh'))
    await page.reload()
    await go('#/reports/flow?period=year&year=2025')
    await page.getByTestId('flow-table').waitFor()
    // The print dialog would block a headless browser: count the calls instead.
    await page.evaluate(() => {
      ;(window as any).printed = 0
      window.print = () => void ((window as any).printed += 1)
    })
    await page.getByTestId('print-open').click()
    await page.getByTestId('print-header').waitFor()
    await expect.poll(() => page.evaluate(() => (window as any).printed)).toBe(1)
    expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false)
    await settled()
    await screenshot(page, 'reports-print-view')
    await page.emulateMedia({ media: 'print' })
    await screenshot(page, 'reports-print-media')
    await page.emulateMedia({ media: 'screen' })
    await page.getByTestId('print-close').click()
    await page.locator('.ant-layout-sider').waitFor()
    expect(errors).toEqual([])
  })
})
