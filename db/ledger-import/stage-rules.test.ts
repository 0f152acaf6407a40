// The ledger import moves projects along their stages by the same rule as the stage dialog
// (db/domain/stage-transition.ts) and writes the same stage events as the stage service.
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../tests/support/backend'

let api: TestBackend
beforeEach(async () => {
  api = await testBackend()
})
afterEach(() => api.close())

async function ledger(rows: [string, string, string | null][]): Promise<{ fileName: string; dataBase64: string }> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('台账')
  ws.addRow(['序号', '项目名称', '所属区县', '项目状态', '签约日期'])
  rows.forEach(([name, stage, signedOn], i) => ws.addRow([i + 1, name, '槐荫区', stage, signedOn]))
  return { fileName: '台账.xlsx', dataBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') }
}

const byName = async (name: string) => api.env.ctx.db.selectFrom('project').selectAll().where('name', '=', name).executeTakeFirstOrThrow()
const eventsOf = async (projectId: string) =>
  api.env.ctx.db
    .selectFrom('stageEvent')
    .select(['fromStage', 'toStage', 'happenedOn', 'reason', 'note'])
    .where('projectId', '=', projectId)
    .where('deletedAt', 'is', null)
    .orderBy('id')
    .execute()
const stageColumns = ({ stage, stageOn, signedOn, registeredOn, startedOn, completedOn, operatingOn }: Awaited<ReturnType<typeof byName>>) => ({
  stage,
  stageOn,
  signedOn,
  registeredOn,
  startedOn,
  completedOn,
  operatingOn,
})

/** Two signed projects, both then paused by hand (暂缓, with a reason). */
async function twoPausedProjects() {
  await api.call('ledger-import', await ledger([['甲项目', '签约', '2024-03-15'], ['乙项目', '签约', '2024-03-15']]))
  for (const name of ['甲项目', '乙项目']) {
    const { id } = await byName(name)
    await api.call('project-stage-change', { id, toStage: 'on_hold', happenedOn: '2025-01-10', reason: '企业资金紧张', note: null })
  }
  return { a: await byName('甲项目'), b: await byName('乙项目') }
}

describe('ledger import: stage changes by the one stage rule', () => {
  it('a row moving a project back from a side stage gives the reason the rule requires, and says so', async () => {
    const { a } = await twoPausedProjects()
    const preview = await api.call('ledger-import-preview', await ledger([['甲项目', '在谈', null]]))
    expect(preview.rows.map((r) => r.action)).toEqual(['update'])
    expect(preview.messages).toContainEqual(expect.objectContaining({ excelRow: 2, level: 'warning', field: 'stage', message: expect.stringContaining('退回') }))

    await api.call('ledger-import', await ledger([['甲项目', '在谈', null]]))
    const last = (await eventsOf(a.id)).at(-1)!
    expect(last).toMatchObject({ fromStage: 'on_hold', toStage: 'negotiating', reason: '台账导入：在谈' })
    // back along the path: the signing no longer describes where the project stands
    expect(stageColumns(await byName('甲项目'))).toMatchObject({ stage: 'negotiating', signedOn: null })
  })

  it('writes the same stage events and stage columns as the stage service for the same change', async () => {
    const { a, b } = await twoPausedProjects()
    await api.call('ledger-import', await ledger([['甲项目', '在谈', null], ['乙项目', '暂缓', null]]))
    const imported = (await eventsOf(a.id)).at(-1)!
    await api.call('project-stage-change', { id: b.id, toStage: 'negotiating', happenedOn: imported.happenedOn, reason: imported.reason, note: imported.note })
    expect(await eventsOf(b.id)).toEqual(await eventsOf(a.id))
    expect(stageColumns(await byName('乙项目'))).toEqual(stageColumns(await byName('甲项目')))
  })

  it('a forward path through dated milestones is the steps the service would record one by one', async () => {
    await api.call('ledger-import', await ledger([['甲项目', '在谈', null], ['乙项目', '在谈', null]]))
    const b = await byName('乙项目')
    const a = await byName('甲项目')
    await api.call('ledger-import', await ledger([['甲项目', '签约', '2024-05-06']]))
    await api.call('project-stage-change', { id: b.id, toStage: 'signed', happenedOn: '2024-05-06', reason: null, note: null })
    expect(await eventsOf(b.id)).toEqual(await eventsOf(a.id))
    expect(stageColumns(await byName('乙项目'))).toEqual(stageColumns(await byName('甲项目')))
  })
})
