// What an import's projects derive — their report facts (project_report, project_stay) and their
// search documents (search_doc and its full-text index) — made once per project after the writes.
// Their triggers make them row by row: the report facts again for every write of a project (once
// for the project row and again for each stage event, and a ledger row walking 在谈 → 签约 → 开工
// writes three), about a quarter of a 10⁴-row import's CPU; and each new project's document went
// into the full-text index between its row's other writes, which at city size took about 3 s of
// 10 for 10⁴ projects where one statement after the writes takes 0.3 s (the index's pages and the
// project table's stopped evicting each other from SQLite's page cache).
//
// Only inside the import's transaction: SQLite's DDL is transactional, so no other connection
// ever sees the triggers missing, and a rollback (a refused month, an error) brings them back.
import type { Ctx } from '../context'
import { REPORT_FACT_TRIGGERS, factsOf, staysOf } from '../services/reports/fact-sql'
import { searchDocsOf, searchInsertTrigger } from '../services/search-docs'

/** The written projects' ids, passed as one JSON array (@ids). */
const IDS = 'SELECT value FROM json_each(@ids)'

/** Sets the triggers aside; the returned function makes the facts and documents of `projectIds` and puts the triggers back. */
export function setDerivedAside(ctx: Ctx): (projectIds: Iterable<string>) => void {
  const { sqlite } = ctx
  if (!sqlite.inTransaction) throw new Error('setDerivedAside must run inside the import transaction')
  const search = searchInsertTrigger('project')
  const searchSql = sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck().get(search) as string
  const docs = searchDocsOf('project', searchSql, `project.id IN (${IDS})`)
  for (const name of [...Object.keys(REPORT_FACT_TRIGGERS), search]) sqlite.exec(`DROP TRIGGER ${name}`)
  return (projectIds) => {
    const ids = JSON.stringify([...new Set(projectIds)])
    sqlite.prepare(docs).run({ ids })
    sqlite.prepare(factsOf(`p.id IN (${IDS})`)).run({ ids })
    sqlite.prepare(`DELETE FROM project_stay WHERE project_id IN (${IDS})`).run({ ids })
    sqlite.prepare(staysOf(`p.id IN (${IDS})`)).run({ ids })
    for (const trigger of [...Object.values(REPORT_FACT_TRIGGERS), searchSql]) sqlite.exec(trigger)
  }
}
