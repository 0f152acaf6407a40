// The import sets the report-fact triggers aside and computes the facts of the projects it wrote
// once each: the facts must be exactly what the triggers (or a rebuild from scratch) give, for new
// projects walking several stages and for projects an import updates, and the triggers must be back.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { REBUILD_REPORT_FACTS, REPORT_FACT_TRIGGERS } from '../services/reports/fact-sql'
import { runImport } from './apply'

let api: TestBackend
beforeEach(async () => {
  api = await testBackend()
})
afterEach(() => api.close())

const csv = (text: string) => ({ fileName: '台账.csv', bytes: Buffer.from(text, 'utf8') })

function facts() {
  const { sqlite } = api.env.ctx
  return {
    report: sqlite.prepare('SELECT * FROM project_report ORDER BY project_id').all(),
    stay: sqlite.prepare('SELECT * FROM project_stay ORDER BY project_id, stage, days').all(),
  }
}

function rebuiltFacts() {
  const { sqlite } = api.env.ctx
  for (const statement of REBUILD_REPORT_FACTS) sqlite.exec(statement)
  return facts()
}

describe('ledger import: report facts computed once per project', () => {
  it('leaves the facts a rebuild gives, after creating and after updating, with the triggers back', async () => {
    await runImport(
      api.env.ctx,
      csv(
        '项目名称,总投资（万元）,项目状态,签约日期,开工日期\n' +
          '电池项目,5000,在谈,,\n' +
          '光伏项目,12000,签约,2024-03-15,\n' +
          '芯片项目,30000,开工,2024-02-01,2024-06-10\n' +
          '物流项目,800,储备,,\n',
      ),
    )
    const created = facts()
    expect(created.report).toHaveLength(4)
    expect(created.stay.length).toBeGreaterThan(0)
    expect(created).toEqual(rebuiltFacts())

    // an update: stages move on, an amount changes
    api.setNow('2026-12-20T09:00:00+08:00')
    await runImport(
      api.env.ctx,
      csv(
        '项目名称,总投资（万元）,项目状态,签约日期,开工日期\n' +
          '电池项目,6000,签约,2026-12-01,\n' +
          '光伏项目,12000,开工,2024-03-15,2026-12-05\n' +
          '芯片项目,35000,开工,2024-02-01,2024-06-10\n' +
          '物流项目,800,储备,,\n',
      ),
    )
    const updated = facts()
    expect(updated).not.toEqual(created)
    expect(updated).toEqual(rebuiltFacts())

    const triggers = api.env.ctx.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger'`).pluck().all()
    expect(triggers).toEqual(expect.arrayContaining(Object.keys(REPORT_FACT_TRIGGERS)))
  })
})
