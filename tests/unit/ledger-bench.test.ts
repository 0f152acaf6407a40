// Speed and memory of the ledger import and export, measured (never asserted: machines differ).
// Run: LEDGER_BENCH=1 npx vitest run tests/unit/ledger-bench.test.ts
import { mkdtemp, stat } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { newId } from '../../db/context'
import { exportLedger } from '../../db/ledger-export/export-ledger'
import { previewImport, runImport } from '../../db/ledger-import/apply'
import { readWorkbookSheets } from '../../db/spreadsheet/read-grid'
import { testBackend } from '../support/backend'

const bench = process.env.LEDGER_BENCH ? it : it.skip

// the same run's plain parse: the machine is shared, so only ratios to it compare across runs
let baselineMs: number | null = null

async function measure<T>(label: string, work: () => Promise<T>): Promise<T> {
  let peak = process.memoryUsage().rss
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
  const start = performance.now()
  const cpuStart = process.cpuUsage()
  try {
    return await work()
  } finally {
    clearInterval(timer)
    const ms = performance.now() - start
    // CPU time as well: on a machine shared with other work the wall time mostly measures the load
    const cpu = process.cpuUsage(cpuStart)
    peak = Math.max(peak, process.memoryUsage().rss)
    const ratio = baselineMs ? ` (${(ms / baselineMs).toFixed(1)}× the plain parse)` : ''
    console.log(
      `${label}: ${(ms / 1000).toFixed(2)} s${ratio}, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s, peak RSS ${(peak / 1048576).toFixed(0)} MB, load average ${loadavg()[0]!.toFixed(1)}`,
    )
  }
}

describe('ledger bench', () => {
  bench('imports a 10,000-row ledger (preview + import)', async () => {
    const api = await testBackend()
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('台账')
    ws.addRow(['2024年项目台账'])
    ws.addRow(['单位：万元'])
    ws.addRow(['序号', '项目名称', '投资方', '所属区县', '所属园区', '产业类别', '总投资', '项目状态', '签约日期', '开工日期', '责任人', '项目进展情况'])
    const stages = ['储备', '在谈', '签约', '开工', '投产']
    for (let i = 1; i <= 10_000; i++) {
      const s = stages[i % 5]!
      ws.addRow([i, `测试项目${i}`, `测试企业${i % 3000}有限公司`, `区县${i % 5}`, `园区${i % 20}`, `产业${i % 12}`, 1000 + (i % 997) + 0.5, s,
        i % 5 >= 2 ? `2024-${(i % 12) + 1}-${(i % 27) + 1}` : null, i % 5 >= 3 ? `2025-${(i % 12) + 1}-${(i % 27) + 1}` : null, `专员${i % 40}`, `进展说明${i}`])
    }
    ws.addRow(['合计'])
    const bytes = Buffer.from(await wb.xlsx.writeBuffer())
    const source = { bytes, fileName: 'bench.xlsx' }
    // the baseline: reading the same file and nothing else
    const parseStart = performance.now()
    await measure('plain parse of the same file (baseline)', () => readWorkbookSheets(bytes))
    baselineMs = performance.now() - parseStart
    const preview = await measure('preview 10,000 rows', () => previewImport(api.env.ctx, source))
    expect(preview.counts.create).toBe(10_000)
    // the wizard's import after its preview: the file is not read again (the session cache)
    const result = await measure('import 10,000 rows', () => runImport(api.env.ctx, source))
    expect(result.counts.create).toBe(10_000)
    const again = await measure('re-import 10,000 unchanged rows', () => runImport(api.env.ctx, source))
    expect(again.counts.unchanged).toBe(10_000)
    await api.close()
  }, 600_000)

  bench('exports 100,000 projects', async () => {
    baselineMs = null
    const api = await testBackend()
    const { sqlite } = api.env.ctx
    const now = new Date().toISOString()
    const district = newId()
    sqlite.prepare(`INSERT INTO district (id, name, created_at, updated_at) VALUES (?, '槐荫区', ?, ?)`).run(district, now, now)
    const insert = sqlite.prepare(`INSERT INTO project (id, name, search_keys, district_id, stage, stage_on, reserve_on, total_investment_yuan, signed_on, progress, created_at, updated_at)
      VALUES (?, ?, '', ?, ?, '2024-05-01', '2024-01-15', ?, ?, ?, ?, ?)`)
    let expected = 0
    sqlite.transaction(() => {
      for (let i = 0; i < 100_000; i++) {
        const yuan = 123_456_789 + i * 1001
        expected += yuan
        const signed = i % 2 === 0
        insert.run(newId(), `项目${i}`, district, signed ? 'signed' : 'lead', yuan, signed ? '2024-05-01' : null, `第${i}个项目的进展情况说明，=SUM(A1)`, now, now)
      }
    })()
    const dir = await mkdtemp(join(tmpdir(), 'ledger-bench-'))
    let calls = 0
    const summary = await measure('export 100,000 projects (xlsx)', () =>
      exportLedger(api.env.ctx, join(dir, 'ledger.xlsx'), { query: { sort: 'reserveOn' } as never, year: 2024 }, () => calls++))
    expect(summary.rows).toBe(100_000)
    expect(summary.totalInvestmentYuan).toBe(expected)
    console.log(`xlsx ${((await stat(join(dir, 'ledger.xlsx'))).size / 1048576).toFixed(1)} MB, ${calls} progress calls`)
    await measure('export 100,000 projects (csv)', () => exportLedger(api.env.ctx, join(dir, 'ledger.csv'), { query: { sort: 'reserveOn' } as never, format: 'csv' }))
    await api.close()
  }, 600_000)
})
