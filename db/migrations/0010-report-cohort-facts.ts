// Report facts, step two: what a city-wide funnel and flow group and count, copied beside the facts
// of 0007 so that those reports read one index instead of looking each project up. At 10⁵ projects a
// year's funnel spent ~55 ms of CPU probing project_stay once per project of the cohort and ~20 ms
// probing project_report for its reach; the flow's 签约 row ~45 ms a year looking each signed
// project up for deleted_at and 总投资. Now:
// - project_report also holds the project's reserve_on, stage, 总投资 (0 when empty) and whether it
//   is live (deleted_at IS NULL): the cohort's stages, reaches and sums, and a period's signings,
//   come from the partial indexes below alone;
// - project_stay also holds reserve_on and live: a cohort's stays per stage and length are counted
//   from one index.
// Reports with a scope (district, park, person…) still start from project (db/services/reports).
// The triggers of 0007 are replaced by the same triggers writing the new columns, and project's
// now also fires when a project is deleted or restored (deleted_at). Like 0007's, these facts never
// travel in sync. Frozen: never import app code here.
import { type Kysely, sql } from 'kysely'

const MAIN_STAGES = ['lead', 'contacted', 'negotiating', 'signed', 'registered', 'started', 'completed', 'operating', 'evaluated']
const rank = (column: string) => `CASE ${column} ${MAIN_STAGES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} ELSE -1 END`

/** 0007's facts (the definitions are written out there) with the cohort's columns. */
export const factsOf = (where: string) => `INSERT OR REPLACE INTO project_report
    (project_id, signed_on, reach_rank, signed_amount_yuan, live, reserve_on, stage, investment_yuan)
  SELECT q.pid, q.sign_on, max(0, ${rank('q.stage')},
    CASE WHEN q.evaluated_on IS NOT NULL THEN 8 WHEN q.operating_on IS NOT NULL THEN 7 WHEN q.completed_on IS NOT NULL THEN 6
      WHEN q.started_on IS NOT NULL THEN 5 WHEN q.registered_on IS NOT NULL THEN 4 WHEN q.sign_on IS NOT NULL THEN 3 ELSE -1 END,
    CASE WHEN q.stage IN ('on_hold','lost','terminated') THEN coalesce((SELECT max(max(${rank('e.to_stage')}), max(${rank('e.from_stage')}))
      FROM stage_event e WHERE e.project_id = q.pid AND e.deleted_at IS NULL), -1) ELSE -1 END),
    q.amount, q.live, q.reserve_on, q.stage, q.investment
  FROM (SELECT p.id AS pid, p.stage, p.registered_on, p.started_on, p.completed_on, p.operating_on, p.evaluated_on,
      p.deleted_at IS NULL AS live, p.reserve_on, coalesce(p.total_investment_yuan, 0) AS investment,
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

/** 0007's stays (a stay runs from the event entering a stage to the project's next event) with reserve_on and live. */
export const staysOf = (where: string) => `INSERT INTO project_stay (project_id, stage, days, live, reserve_on)
  SELECT project_id, stage, CAST(julianday(next_on) - julianday(on_date) AS INTEGER), live, reserve_on FROM (
    SELECT project_id, stage, on_date, live, reserve_on,
      lead(on_date) OVER (PARTITION BY project_id ORDER BY on_date, seq) AS next_on FROM (
      SELECT e.project_id, e.to_stage AS stage, e.happened_on AS on_date, e.id AS seq, p.deleted_at IS NULL AS live, p.reserve_on
        FROM stage_event e JOIN project p ON p.id = e.project_id WHERE e.deleted_at IS NULL AND ${where}
      UNION ALL
      SELECT p.id, 'lead', p.reserve_on, '', p.deleted_at IS NULL, p.reserve_on FROM project p WHERE ${where}
        AND NOT EXISTS (SELECT 1 FROM stage_event e WHERE e.project_id = p.id AND e.deleted_at IS NULL AND e.from_stage IS NULL)))
  WHERE next_on IS NOT NULL AND next_on >= on_date`

const refreshFacts = (id: string) => `${factsOf(`p.id = ${id}`)};`
const refreshStays = (id: string) => `DELETE FROM project_stay WHERE project_id = ${id}; ${staysOf(`p.id = ${id}`)};`

/** Every project's facts from scratch: this step's fill, the bench generator's and the sync bulk first pull's. */
export const REBUILD_REPORT_FACTS = ['DELETE FROM project_report', factsOf('1'), 'DELETE FROM project_stay', staysOf('1')]

/** The triggers, by name (0007's names; the bench generator and the bulk first pull set them aside). */
export const REPORT_FACT_TRIGGERS: Record<string, string> = {
  project_report_ai: `CREATE TRIGGER project_report_ai AFTER INSERT ON project BEGIN ${refreshFacts('new.id')} ${refreshStays('new.id')} END`,
  project_report_au: `CREATE TRIGGER project_report_au AFTER UPDATE OF stage, reserve_on, signed_on, registered_on, started_on, completed_on,
    operating_on, evaluated_on, total_investment_yuan, deleted_at ON project BEGIN ${refreshFacts('new.id')} ${refreshStays('new.id')} END`,
  project_report_ad: `CREATE TRIGGER project_report_ad AFTER DELETE ON project BEGIN
    DELETE FROM project_report WHERE project_id = old.id; DELETE FROM project_stay WHERE project_id = old.id; END`,
  agreement_report_ai: `CREATE TRIGGER agreement_report_ai AFTER INSERT ON agreement BEGIN ${refreshFacts('new.project_id')} END`,
  agreement_report_au: `CREATE TRIGGER agreement_report_au AFTER UPDATE OF project_id, type, signed_on, amount_yuan, deleted_at ON agreement BEGIN
    ${refreshFacts('new.project_id')} END`,
  agreement_report_moved: `CREATE TRIGGER agreement_report_moved AFTER UPDATE OF project_id ON agreement WHEN old.project_id IS NOT new.project_id BEGIN
    ${refreshFacts('old.project_id')} END`,
  agreement_report_ad: `CREATE TRIGGER agreement_report_ad AFTER DELETE ON agreement BEGIN ${refreshFacts('old.project_id')} END`,
  stage_event_report_ai: `CREATE TRIGGER stage_event_report_ai AFTER INSERT ON stage_event BEGIN
    ${refreshFacts('new.project_id')} ${refreshStays('new.project_id')} END`,
  stage_event_report_au: `CREATE TRIGGER stage_event_report_au AFTER UPDATE OF project_id, from_stage, to_stage, happened_on, deleted_at ON stage_event BEGIN
    ${refreshFacts('new.project_id')} ${refreshStays('new.project_id')} END`,
  stage_event_report_moved: `CREATE TRIGGER stage_event_report_moved AFTER UPDATE OF project_id ON stage_event WHEN old.project_id IS NOT new.project_id BEGIN
    ${refreshFacts('old.project_id')} ${refreshStays('old.project_id')} END`,
  stage_event_report_ad: `CREATE TRIGGER stage_event_report_ad AFTER DELETE ON stage_event BEGIN
    ${refreshFacts('old.project_id')} ${refreshStays('old.project_id')} END`,
}

const COLUMNS = [
  `ALTER TABLE project_report ADD COLUMN live INTEGER NOT NULL DEFAULT 0`,
  `ALTER TABLE project_report ADD COLUMN reserve_on TEXT NOT NULL DEFAULT ''`,
  `ALTER TABLE project_report ADD COLUMN stage TEXT NOT NULL DEFAULT ''`,
  `ALTER TABLE project_report ADD COLUMN investment_yuan INTEGER NOT NULL DEFAULT 0`,
  `ALTER TABLE project_stay ADD COLUMN live INTEGER NOT NULL DEFAULT 0`,
  `ALTER TABLE project_stay ADD COLUMN reserve_on TEXT NOT NULL DEFAULT ''`,
  // Read from the index alone: live is a column too, as SQLite reads the condition from a column
  // even where the partial index implies it (without it, one row lookup per entry: 2–3× the CPU).
  // The funnel's cohort: per stage and reach, count and sum, for a range of reserve dates.
  `CREATE INDEX project_report_cohort ON project_report (reserve_on, stage, reach_rank, investment_yuan, live) WHERE live = 1`,
  // The flow's 签约 row: a period's signings and their 总投资.
  `CREATE INDEX project_report_signed_live ON project_report (signed_on, investment_yuan, live) WHERE live = 1`,
  // The funnel's medians: per stage and length, the count of the cohort's stays is one range of
  // this index, and the lengths that occur are found by skipping along it (db/services/reports/funnel.ts).
  `CREATE INDEX project_stay_length ON project_stay (stage, days, reserve_on, live) WHERE live = 1`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  const drops = Object.keys(REPORT_FACT_TRIGGERS).map((name) => `DROP TRIGGER IF EXISTS ${name}`)
  for (const statement of [...drops, ...COLUMNS, ...REBUILD_REPORT_FACTS, ...Object.values(REPORT_FACT_TRIGGERS)]) {
    await sql.raw(statement).execute(db)
  }
}
