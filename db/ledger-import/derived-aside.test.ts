// The import sets the report-fact triggers and the project's search-document trigger aside and
// makes the facts and documents of the projects it wrote once each: they must be exactly what the
// triggers (or a rebuild from scratch) give, for new projects walking several stages and for
// projects an import updates; the search must find them; and the triggers must be back as they were.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { REBUILD_REPORT_FACTS, REPORT_FACT_TRIGGERS } from '../services/reports/fact-sql'
import { reindex, search } from '../services/search'
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

function docs() {
  const { sqlite } = api.env.ctx
  // docids are the order documents were made in: compared by what they hold
  const docs = sqlite.prepare('SELECT kind, ref_id, title, body, keys FROM search_doc ORDER BY ref_id').all() as { ref_id: string; title: string }[]
  // the full-text index agrees with search_doc ('integrity-check' throws otherwise) and finds each document by its title
  sqlite.exec(`INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)`)
  const byTitle = sqlite.prepare(`SELECT d.ref_id FROM search_fts JOIN search_doc d ON d.docid = search_fts.rowid WHERE search_fts MATCH ?`).pluck()
  return { docs, indexed: docs.map((d) => byTitle.all(`"${d.title}"`)) }
}

function triggers() {
  return api.env.ctx.sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).all()
}

async function rebuiltDocs() {
  await reindex(api.env.ctx)
  return docs()
}

function rebuiltFacts() {
  const { sqlite } = api.env.ctx
  for (const statement of REBUILD_REPORT_FACTS) sqlite.exec(statement)
  return facts()
}

describe('ledger import: report facts and search documents made once per project', () => {
  it('leaves the facts and documents a rebuild gives, after creating and after updating, with the triggers back', async () => {
    const triggersBefore = triggers()
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
    const createdDocs = docs()
    expect(createdDocs.docs).toHaveLength(4)
    expect(createdDocs.indexed).toEqual(createdDocs.docs.map((d) => [d.ref_id]))
    const found = await search(api.env.ctx, { text: '光伏项目', limit: 10 })
    expect(found.groups.flatMap((g) => g.hits.map((h) => h.title))).toEqual(['光伏项目'])
    expect(createdDocs).toEqual(await rebuiltDocs())

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
    expect(docs()).toEqual(await rebuiltDocs())

    expect(triggers().map((t) => (t as { name: string }).name)).toEqual(expect.arrayContaining([...Object.keys(REPORT_FACT_TRIGGERS), 'project_search_ai']))
    expect(triggers()).toEqual(triggersBefore)
  })
})
