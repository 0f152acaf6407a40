// Report facts: per project what the funnel and the flow would otherwise work out again for every
// project at every call (at 10⁵ projects a year's funnel took 1.1 s, the flow 0.5 s): its 签约日期
// by the signing definition, how far along the main path it got, its 签约金额, and its completed
// stays per stage. Kept by SQLite triggers rather than by a call in the services, so that every
// write path — the services, the ledger import and its undo, sync apply, investor merges, raw
// fixture rows — keeps them true in the same transaction without anyone having to remember a
// call (search_doc is kept the same way). They are derived: never replicated (db/sync lists the
// tables that travel), and a database from before this step gets them filled here.
// Frozen: never import app code here; the definitions are docs/reports.md's, written in SQL.
import { type Kysely, sql } from 'kysely'

const MAIN_STAGES = ['lead', 'contacted', 'negotiating', 'signed', 'registered', 'started', 'completed', 'operating', 'evaluated']
const rank = (column: string) => `CASE ${column} ${MAIN_STAGES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} ELSE -1 END`

/**
 * The facts of the projects matching `where` (on project p), as one INSERT OR REPLACE.
 * signed_on: a project has been signed when a milestone from 签约 on is set, it stands at signed or
 * beyond, or it was terminated; its date is then the earliest live framework/investment agreement,
 * else project.signed_on. reach_rank: the highest main stage reached — the current stage, the
 * latest milestone, and for a project on a side stage the main stages its live stage events went
 * through. signed_amount_yuan: live investment agreements' sum, else framework agreements', else 总投资.
 */
const factsOf = (where: string) => `INSERT OR REPLACE INTO project_report (project_id, signed_on, reach_rank, signed_amount_yuan)
  SELECT q.pid, q.sign_on, max(0, ${rank('q.stage')},
    CASE WHEN q.evaluated_on IS NOT NULL THEN 8 WHEN q.operating_on IS NOT NULL THEN 7 WHEN q.completed_on IS NOT NULL THEN 6
      WHEN q.started_on IS NOT NULL THEN 5 WHEN q.registered_on IS NOT NULL THEN 4 WHEN q.sign_on IS NOT NULL THEN 3 ELSE -1 END,
    CASE WHEN q.stage IN ('on_hold','lost','terminated') THEN coalesce((SELECT max(max(${rank('e.to_stage')}), max(${rank('e.from_stage')}))
      FROM stage_event e WHERE e.project_id = q.pid AND e.deleted_at IS NULL), -1) ELSE -1 END),
    q.amount
  FROM (SELECT p.id AS pid, p.stage, p.registered_on, p.started_on, p.completed_on, p.operating_on, p.evaluated_on,
      CASE WHEN (p.signed_on IS NOT NULL OR p.registered_on IS NOT NULL OR p.started_on IS NOT NULL OR p.completed_on IS NOT NULL
          OR p.operating_on IS NOT NULL OR p.evaluated_on IS NOT NULL
          OR p.stage IN ('signed','registered','started','completed','operating','evaluated','terminated'))
        THEN coalesce((SELECT min(a.signed_on) FROM agreement a
          WHERE a.project_id = p.id AND a.deleted_at IS NULL AND a.type IN ('framework','investment')), p.signed_on) END AS sign_on,
      coalesce(
        (SELECT sum(a.amount_yuan) FROM agreement a WHERE a.project_id = p.id AND a.deleted_at IS NULL AND a.type = 'investment'),
        (SELECT sum(a.amount_yuan) FROM agreement a WHERE a.project_id = p.id AND a.deleted_at IS NULL AND a.type = 'framework'),
        p.total_investment_yuan, 0) AS amount
    FROM project p WHERE ${where}) q`

/**
 * The completed stays of the projects matching `where`: a stay runs from the event entering a stage
 * to the project's next event (events in date order, then id); a project created at 线索 has no
 * event for it, so its first stay starts at reserve_on. Dates are whole days: days is exact.
 */
const staysOf = (where: string) => `INSERT INTO project_stay (project_id, stage, days)
  SELECT project_id, stage, CAST(julianday(next_on) - julianday(on_date) AS INTEGER) FROM (
    SELECT project_id, stage, on_date, lead(on_date) OVER (PARTITION BY project_id ORDER BY on_date, seq) AS next_on FROM (
      SELECT e.project_id, e.to_stage AS stage, e.happened_on AS on_date, e.id AS seq
        FROM stage_event e JOIN project p ON p.id = e.project_id WHERE e.deleted_at IS NULL AND ${where}
      UNION ALL
      SELECT p.id, 'lead', p.reserve_on, '' FROM project p WHERE ${where}
        AND NOT EXISTS (SELECT 1 FROM stage_event e WHERE e.project_id = p.id AND e.deleted_at IS NULL AND e.from_stage IS NULL)))
  WHERE next_on IS NOT NULL AND next_on >= on_date`

/** One project's facts again (inside a trigger; `id` is new.x or old.x). */
const refreshFacts = (id: string) => `${factsOf(`p.id = ${id}`)};`
const refreshStays = (id: string) => `DELETE FROM project_stay WHERE project_id = ${id}; ${staysOf(`p.id = ${id}`)};`

/** Every project's facts from scratch: this step's fill, and the bench generator's after its bulk load. */
export const REBUILD_REPORT_FACTS = ['DELETE FROM project_report', factsOf('1'), 'DELETE FROM project_stay', staysOf('1')]

/** The triggers, by name (the bench generator sets them aside during its bulk load). */
export const REPORT_FACT_TRIGGERS: Record<string, string> = {
  project_report_ai: `CREATE TRIGGER project_report_ai AFTER INSERT ON project BEGIN ${refreshFacts('new.id')} ${refreshStays('new.id')} END`,
  project_report_au: `CREATE TRIGGER project_report_au AFTER UPDATE OF stage, reserve_on, signed_on, registered_on, started_on, completed_on,
    operating_on, evaluated_on, total_investment_yuan ON project BEGIN ${refreshFacts('new.id')} ${refreshStays('new.id')} END`,
  project_report_ad: `CREATE TRIGGER project_report_ad AFTER DELETE ON project BEGIN
    DELETE FROM project_report WHERE project_id = old.id; DELETE FROM project_stay WHERE project_id = old.id; END`,
  // Agreements move the signing date and amount only.
  agreement_report_ai: `CREATE TRIGGER agreement_report_ai AFTER INSERT ON agreement BEGIN ${refreshFacts('new.project_id')} END`,
  agreement_report_au: `CREATE TRIGGER agreement_report_au AFTER UPDATE OF project_id, type, signed_on, amount_yuan, deleted_at ON agreement BEGIN
    ${refreshFacts('new.project_id')} END`,
  agreement_report_moved: `CREATE TRIGGER agreement_report_moved AFTER UPDATE OF project_id ON agreement WHEN old.project_id IS NOT new.project_id BEGIN
    ${refreshFacts('old.project_id')} END`,
  agreement_report_ad: `CREATE TRIGGER agreement_report_ad AFTER DELETE ON agreement BEGIN ${refreshFacts('old.project_id')} END`,
  // Stage events move the reach of side-stage projects and every stay.
  stage_event_report_ai: `CREATE TRIGGER stage_event_report_ai AFTER INSERT ON stage_event BEGIN
    ${refreshFacts('new.project_id')} ${refreshStays('new.project_id')} END`,
  stage_event_report_au: `CREATE TRIGGER stage_event_report_au AFTER UPDATE OF project_id, from_stage, to_stage, happened_on, deleted_at ON stage_event BEGIN
    ${refreshFacts('new.project_id')} ${refreshStays('new.project_id')} END`,
  stage_event_report_moved: `CREATE TRIGGER stage_event_report_moved AFTER UPDATE OF project_id ON stage_event WHEN old.project_id IS NOT new.project_id BEGIN
    ${refreshFacts('old.project_id')} ${refreshStays('old.project_id')} END`,
  stage_event_report_ad: `CREATE TRIGGER stage_event_report_ad AFTER DELETE ON stage_event BEGIN
    ${refreshFacts('old.project_id')} ${refreshStays('old.project_id')} END`,
}

const TABLES = [
  `CREATE TABLE project_report (
    project_id TEXT PRIMARY KEY NOT NULL,
    signed_on TEXT,
    reach_rank INTEGER NOT NULL,
    signed_amount_yuan INTEGER NOT NULL
  ) STRICT, WITHOUT ROWID`,
  // The flow's 签约 row reads a period's signings from here (a range of this index).
  `CREATE INDEX project_report_signed ON project_report (signed_on)`,
  `CREATE TABLE project_stay (
    project_id TEXT NOT NULL,
    stage TEXT NOT NULL,
    days INTEGER NOT NULL
  ) STRICT`,
  // The funnel's medians count a cohort's stays per stage and length from this index alone.
  `CREATE INDEX project_stay_project ON project_stay (project_id, stage, days)`,
  // A report's cohort (projects entered into the reserve in the period) with what the funnel and the
  // breakdowns by district, park, person and stage group and sum: read from the index alone, without
  // a lookup of each project's row (deleted_at too: SQLite reads the condition from a column even
  // where the partial index implies it).
  `CREATE INDEX project_reserve_cohort ON project (reserve_on, stage, district_id, park_id, owner_id, total_investment_yuan, id, deleted_at)
    WHERE deleted_at IS NULL`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [...TABLES, ...REBUILD_REPORT_FACTS, ...Object.values(REPORT_FACT_TRIGGERS)]) await sql.raw(statement).execute(db)
}
