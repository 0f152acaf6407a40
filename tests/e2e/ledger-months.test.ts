// All months of a month-per-sheet workbook in order (#11), in the wizard: the sheet step offers
// the latest month (default) or all months; the preview says per month what changes and which
// projects a month no longer lists (kept); the import dates each stage by its month, ends with the
// last month's amounts, and is one batch that one undo removes.
import { describe, expect, it } from 'vitest'
import { threeMonthWorkbook } from '../../db/ledger-import/fixtures'
import { appInBrowser } from '../support/app-in-browser'
import { screenshot } from '../support/app-server'
import { browserTestsEnabled } from '../support/browser'
import { motionDone } from '../support/ui'

describe.skipIf(!browserTestsEnabled())('ledger import: all months in order in the browser', () => {
  const ui = appInBrowser('ledger-months', async (api) => {
    await api('district-create', { name: '长清区' })
  })
  const count = (key: string) => ui.page.getByTestId(`ledger-count-${key}`).locator('.ant-statistic-content-value').textContent()

  it('chooses all months on the sheet step, previews each month and imports them as one batch', async () => {
    await ui.go('/projects')
    await ui.page.getByTestId('project-import').click()
    await ui.page.locator('input[type=file]').first().setInputFiles({ name: '长清区月报.xlsx', mimeType: 'application/octet-stream', buffer: await threeMonthWorkbook() })
    await ui.page.getByTestId('ledger-mapping').waitFor()
    // the latest month by default
    await expect(ui.page.getByTestId('ledger-sheet').textContent()).resolves.toContain('2024年3月')
    const choice = ui.page.getByTestId('ledger-months')
    await expect(choice.textContent()).resolves.toContain('只导入最新月份（2024年3月）')
    await expect(choice.getByRole('radio', { name: /只导入最新月份/ }).isChecked()).resolves.toBe(true)

    await choice.getByText('按月份依次导入全部 3 个月（2024年1月—2024年3月）').click()
    await choice.getByText('从最早的月份起逐月导入').waitFor()
    await expect.poll(() => ui.page.getByTestId('ledger-map-next').isDisabled()).toBe(false)
    await motionDone(ui.page)
    await screenshot(ui.page, 'ledger-months-sheet-step-zh')

    await ui.page.getByTestId('ledger-map-next').click()
    const months = ui.page.getByTestId('ledger-month-changes')
    await months.waitFor()
    const lines = await months.locator('tbody tr').allTextContents()
    expect(lines).toHaveLength(3)
    expect(lines[0]).toContain('2024年1月')
    expect(lines[2]).toContain('2024年3月')
    expect(lines[2]).toContain('冷链物流项目（保留，不删除）')
    expect(await count('create')).toBe('3')
    expect(await count('update')).toBe('3')
    expect(await count('error')).toBe('0')
    await motionDone(ui.page)
    await screenshot(ui.page, 'ledger-months-preview-zh')
    // the preview wrote nothing
    expect(await ui.api('ledger-import-batches', {})).toEqual([])

    await ui.page.getByTestId('ledger-confirm').click()
    await ui.page.getByTestId('ledger-result').getByText('导入完成').waitFor()
    const db = ui.app.backend.ctx.db
    const equipment = await db.selectFrom('project').selectAll().where('name', '=', '高端装备项目').where('deletedAt', 'is', null).executeTakeFirstOrThrow()
    expect(equipment).toMatchObject({ stage: 'started', signedOn: '2024-02-29', startedOn: '2024-03-31', totalInvestmentYuan: 400_000_000 })
    const history = await db.selectFrom('stageEvent').select(['toStage', 'happenedOn']).where('projectId', '=', equipment.id).where('deletedAt', 'is', null).orderBy('happenedOn').orderBy('id').execute()
    expect(history[0]).toEqual({ toStage: 'negotiating', happenedOn: '2024-01-31' })
    expect(history).toContainEqual({ toStage: 'signed', happenedOn: '2024-02-29' })
    expect(history.at(-1)).toEqual({ toStage: 'started', happenedOn: '2024-03-31' })

    const batches = await ui.api<{ id: string }[]>('ledger-import-batches', {})
    expect(batches).toHaveLength(1)
    await ui.api('ledger-import-undo', { id: batches[0]!.id })
    const left = await db.selectFrom('project').select('id').where('deletedAt', 'is', null).execute()
    expect(left).toEqual([])
    expect(ui.errors).toEqual([])
  })
})
