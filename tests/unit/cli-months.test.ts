// The command line imports all months of a month-per-sheet workbook in order with --months all:
// the dry run says per month what changes, the import is one batch, and import-undo removes it all.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import ExcelJS from 'exceljs'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../support/bundle'

const CLI_TIMEOUT = 180_000

async function workbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook()
  const months: [number, string, number][] = [
    [1, '在谈', 3],
    [2, '签约', 3.5],
    [3, '开工', 4],
  ]
  for (const [m, stage, amount] of months) {
    const ws = wb.addWorksheet(`2024年${m}月`)
    ws.addRow(['项目名称', '所属区县', '总投资（亿元）', '项目状态'])
    ws.addRow(['高端装备项目', '长清区', amount, stage])
    if (m < 3) ws.addRow(['冷链物流项目', '长清区', 1, '在谈'])
  }
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()))
}

describe('command line import: --months all', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crm-months-'))
  const db = join(dir, 'crm.sqlite')
  const ledger = join(dir, '月报.xlsx')
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('previews each month, imports them in one batch dated by month, and undoes it whole', async () => {
    await workbook(ledger)
    const latest = await runCli(['--db', db, 'import', ledger, '--dry-run'])
    expect(latest.out).toContain('加 --months all 按月份依次导入全部月份')

    const dry = await runCli(['--db', db, 'import', ledger, '--dry-run', '--months', 'all'])
    expect(dry.code).toBe(0)
    expect(dry.out).toContain('2024年1月（截至 2024-01-31）：新建 2，更新 0')
    expect(dry.out).toContain('2024年2月（截至 2024-02-29）：新建 0，更新 1')
    expect(dry.out).toContain('本月表中没有、保留不删除：冷链物流项目')

    const imported = await runCli(['--db', db, 'import', ledger, '--months', 'all'])
    expect(imported.code).toBe(0)
    const batch = /批次 (\S+)，/.exec(imported.out)?.[1]
    expect(batch).toBeTruthy()
    const sqlite = new Database(db, { readonly: true })
    const events = sqlite
      .prepare("SELECT e.to_stage AS stage, e.happened_on AS date FROM stage_event e JOIN project p ON p.id = e.project_id WHERE p.name = '高端装备项目' ORDER BY e.happened_on, e.id")
      .all() as { stage: string; date: string }[]
    expect(events[0]).toEqual({ stage: 'negotiating', date: '2024-01-31' })
    expect(events).toContainEqual({ stage: 'signed', date: '2024-02-29' })
    expect(events.at(-1)).toEqual({ stage: 'started', date: '2024-03-31' })
    expect(sqlite.prepare("SELECT total_investment_yuan AS yuan FROM project WHERE name = '高端装备项目'").get()).toEqual({ yuan: 400_000_000 })
    expect(sqlite.prepare('SELECT COUNT(*) AS n FROM import_batch').get()).toEqual({ n: 1 })
    sqlite.close()

    const undone = await runCli(['--db', db, 'import-undo', batch!])
    expect(undone.code).toBe(0)
    const after = new Database(db, { readonly: true })
    expect(after.prepare('SELECT COUNT(*) AS n FROM project WHERE deleted_at IS NULL').get()).toEqual({ n: 0 })
    after.close()
  }, CLI_TIMEOUT * 4)

  it('refuses a --months value it does not know', async () => {
    const wrong = await runCli(['--db', db, 'import', ledger, '--months', '3'])
    expect(wrong.code).not.toBe(0)
    expect(wrong.out).toContain('--months 只能是 all')
  }, CLI_TIMEOUT)
})
