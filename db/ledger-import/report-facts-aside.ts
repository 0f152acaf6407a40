// The report facts (project_report, project_stay) of the projects an import writes, computed once
// per project. Their triggers recompute a project's facts and stays for every write of it: once
// for the project row and again for each stage event, and a ledger row walking 在谈 → 签约 → 开工
// writes three — about a quarter of a 10⁴-row import's CPU. So the import sets the triggers aside
// for its writes and then computes the facts of the projects it wrote in one statement each.
//
// Only inside the import's transaction: SQLite's DDL is transactional, so no other connection
// ever sees the triggers missing, and a rollback (a refused month, an error) brings them back.
import type { Ctx } from '../context'
import { REPORT_FACT_TRIGGERS, factsOf, staysOf } from '../services/reports/fact-sql'

const OF_PROJECTS = 'p.id IN (SELECT value FROM json_each(@ids))'

/** Sets the report-fact triggers aside; the returned function computes the facts of `projectIds` and puts the triggers back. */
export function setReportFactsAside(ctx: Ctx): (projectIds: Iterable<string>) => void {
  const { sqlite } = ctx
  if (!sqlite.inTransaction) throw new Error('setReportFactsAside must run inside the import transaction')
  for (const name of Object.keys(REPORT_FACT_TRIGGERS)) sqlite.exec(`DROP TRIGGER ${name}`)
  return (projectIds) => {
    const ids = JSON.stringify([...new Set(projectIds)])
    sqlite.prepare(factsOf(OF_PROJECTS)).run({ ids })
    sqlite.prepare('DELETE FROM project_stay WHERE project_id IN (SELECT value FROM json_each(@ids))').run({ ids })
    sqlite.prepare(staysOf(OF_PROJECTS)).run({ ids })
    for (const trigger of Object.values(REPORT_FACT_TRIGGERS)) sqlite.exec(trigger)
  }
}
