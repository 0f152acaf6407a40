// The baselines of cases 1–5: each query written by hand in plain SQL, the way one would without
// the app's layers, and run with statements prepared once on the same better-sqlite3 connection.
import type Sqlite from 'better-sqlite3'

const NAMED = `SELECT p.*, d.name AS district_name, k.name AS park_name, i.name AS investor_name, n.name AS industry_name, o.name AS owner_name
  FROM project p
  LEFT JOIN district d ON d.id = p.district_id
  LEFT JOIN park k ON k.id = p.park_id
  LEFT JOIN investor i ON i.id = p.investor_id
  LEFT JOIN industry n ON n.id = p.industry_id
  LEFT JOIN user o ON o.id = p.owner_id`

const LIST_WHERE = `p.deleted_at IS NULL AND p.park_id = @park AND p.stage = @stage
  AND p.total_investment_yuan >= @min AND p.total_investment_yuan <= @max`

export const SQL = {
  listTotals: `SELECT count(*) AS total, sum(p.total_investment_yuan) AS sum FROM project p WHERE ${LIST_WHERE}`,
  listPage: `${NAMED} WHERE ${LIST_WHERE} ORDER BY p.total_investment_yuan IS NULL, p.total_investment_yuan DESC, p.id DESC LIMIT 50`,
  tags: `SELECT pt.project_id, t.id, t.name, t.color FROM project_tag pt JOIN tag t ON t.id = pt.tag_id
    WHERE pt.project_id IN (SELECT value FROM json_each(?)) AND t.deleted_at IS NULL ORDER BY t.name`,

  boardTotals: `SELECT p.stage, count(*) AS n, sum(p.total_investment_yuan) AS s FROM project p
    WHERE p.deleted_at IS NULL AND p.park_id = ? GROUP BY p.stage`,
  boardCards: `SELECT x.*, k.name AS park_name, i.name AS investor_name, o.name AS owner_name FROM (
      SELECT p.id, p.name, p.stage, p.stage_on, p.total_investment_yuan, p.priority, p.updated_at, p.park_id, p.investor_id, p.owner_id,
        row_number() OVER (PARTITION BY p.stage ORDER BY p.updated_at DESC, p.id DESC) AS rn
      FROM project p WHERE p.deleted_at IS NULL AND p.park_id = ?) x
    LEFT JOIN park k ON k.id = x.park_id LEFT JOIN investor i ON i.id = x.investor_id LEFT JOIN user o ON o.id = x.owner_id
    WHERE x.rn <= 30 ORDER BY x.stage, x.rn`,

  /**
   * The app's ranking: exact title, then title or pinyin prefix, then bm25; ties by shorter title,
   * then newest. (Before 2026-11-30 the baseline ranked by bm25 alone and so answered other rows.)
   */
  search: `SELECT kind, ref_id, title, body, score FROM (
      SELECT s.*, row_number() OVER (PARTITION BY s.kind ORDER BY s.score, length(s.title), s.docid DESC) AS pos FROM (
        SELECT d.docid, d.kind, d.ref_id, d.title, d.body, bm25(search_fts, 10.0, 1.0, 8.0) + CASE
            WHEN d.title = @whole THEN -3000000
            WHEN d.title LIKE @prefix ESCAPE '\\' OR d.keys LIKE @prefix ESCAPE '\\' OR d.keys LIKE @wordPrefix ESCAPE '\\' THEN -2000000
            ELSE 0 END AS score
        FROM search_fts JOIN search_doc d ON d.docid = search_fts.rowid WHERE search_fts MATCH @match) s)
    WHERE pos <= 10 ORDER BY kind, pos`,
  /** Where the hits belong (and whether that record is live), as the app shows beside each hit. */
  searchOwners: `SELECT n.id, n.happened_on, p.id AS project_id, p.name AS project_name, p.deleted_at AS project_deleted_at,
      i.id AS investor_id, i.name AS investor_name, i.deleted_at AS investor_deleted_at
    FROM negotiation n LEFT JOIN project p ON p.id = n.project_id LEFT JOIN investor i ON i.id = coalesce(n.investor_id, p.investor_id)
    WHERE n.id IN (SELECT value FROM json_each(?))`,
  searchProjectOwners: `SELECT p.id, i.id AS investor_id, i.name AS investor_name FROM project p LEFT JOIN investor i ON i.id = p.investor_id
    WHERE p.id IN (SELECT value FROM json_each(?))`,
  searchContactOwners: `SELECT c.id, i.id AS investor_id, i.name AS investor_name, i.deleted_at FROM contact c JOIN investor i ON i.id = c.investor_id
    WHERE c.id IN (SELECT value FROM json_each(?))`,

  funnelByStage: `SELECT p.stage, count(*) AS n, sum(coalesce(p.total_investment_yuan, 0)) AS s FROM project p
    WHERE p.deleted_at IS NULL AND p.reserve_on BETWEEN ? AND ? GROUP BY p.stage`,
  funnelReach: `SELECT max(CASE WHEN p.evaluated_on IS NOT NULL THEN 8 WHEN p.operating_on IS NOT NULL THEN 7 WHEN p.completed_on IS NOT NULL THEN 6
      WHEN p.started_on IS NOT NULL THEN 5 WHEN p.registered_on IS NOT NULL THEN 4 WHEN p.signed_on IS NOT NULL THEN 3 ELSE 0 END,
      CASE p.stage WHEN 'contacted' THEN 1 WHEN 'negotiating' THEN 2 ELSE 0 END) AS r, count(*) AS n, sum(coalesce(p.total_investment_yuan, 0)) AS s
    FROM project p WHERE p.deleted_at IS NULL AND p.reserve_on BETWEEN ? AND ? GROUP BY r`,
  funnelMedians: `WITH cohort AS (SELECT p.id, p.reserve_on FROM project p WHERE p.deleted_at IS NULL AND p.reserve_on BETWEEN @a AND @b),
    entries AS (
      SELECT e.project_id, e.to_stage AS stage, e.happened_on AS on_date, e.id AS seq FROM stage_event e JOIN cohort c ON c.id = e.project_id WHERE e.deleted_at IS NULL
      UNION ALL SELECT c.id, 'lead', c.reserve_on, '' FROM cohort c
        WHERE NOT EXISTS (SELECT 1 FROM stage_event e WHERE e.project_id = c.id AND e.deleted_at IS NULL AND e.from_stage IS NULL)),
    stays AS (SELECT stage, julianday(next_on) - julianday(on_date) AS days FROM (
        SELECT stage, on_date, lead(on_date) OVER (PARTITION BY project_id ORDER BY on_date, seq) AS next_on FROM entries)
      WHERE next_on IS NOT NULL AND next_on >= on_date),
    ranked AS (SELECT stage, days, row_number() OVER (PARTITION BY stage ORDER BY days) AS rn, count(*) OVER (PARTITION BY stage) AS n FROM stays)
    SELECT stage, avg(days) AS median, max(n) AS n FROM ranked WHERE rn IN ((n + 1) / 2, (n + 2) / 2) GROUP BY stage`,
  /** The five milestones of the flow for a period in one pass (signing: agreement date or signed_on). */
  flow: `SELECT
      count(*) FILTER (WHERE p.reserve_on BETWEEN @a AND @b) AS reserve_n, sum(coalesce(p.total_investment_yuan, 0)) FILTER (WHERE p.reserve_on BETWEEN @a AND @b) AS reserve_s,
      count(*) FILTER (WHERE coalesce((SELECT min(a.signed_on) FROM agreement a WHERE a.project_id = p.id AND a.deleted_at IS NULL AND a.type IN ('framework','investment')), p.signed_on) BETWEEN @a AND @b) AS signed_n,
      count(*) FILTER (WHERE p.registered_on BETWEEN @a AND @b) AS registered_n, sum(coalesce(p.total_investment_yuan, 0)) FILTER (WHERE p.registered_on BETWEEN @a AND @b) AS registered_s,
      count(*) FILTER (WHERE p.started_on BETWEEN @a AND @b) AS started_n, sum(coalesce(p.total_investment_yuan, 0)) FILTER (WHERE p.started_on BETWEEN @a AND @b) AS started_s,
      count(*) FILTER (WHERE p.operating_on BETWEEN @a AND @b) AS operating_n, sum(coalesce(p.total_investment_yuan, 0)) FILTER (WHERE p.operating_on BETWEEN @a AND @b) AS operating_s
    FROM project p WHERE p.deleted_at IS NULL`,
  breakdown: `SELECT p.district_id AS k, p.stage, count(*) AS n, sum(coalesce(p.total_investment_yuan, 0)) AS s FROM project p
    WHERE p.deleted_at IS NULL AND p.reserve_on BETWEEN ? AND ? GROUP BY k, p.stage`,
  districtNames: `SELECT id, name FROM district`,

  detail: `${NAMED.replace('SELECT p.*,', 'SELECT p.*, l.name AS leader_name,')} LEFT JOIN user l ON l.id = p.leader_id WHERE p.id = ? AND p.deleted_at IS NULL`,
  stageEvents: `SELECT * FROM stage_event WHERE project_id = ? AND deleted_at IS NULL ORDER BY id`,
  projectTags: `SELECT t.id, t.name, t.color FROM project_tag pt JOIN tag t ON t.id = pt.tag_id WHERE pt.project_id = ? AND t.deleted_at IS NULL ORDER BY t.name`,
  /** The project's own journal and its children's, each branch read from change_entity. */
  history: `SELECT c.seq, c.entity, c.entity_id, c.action, c.at, c.user_id, c.changes, u.name AS user_name FROM (
      SELECT * FROM change WHERE entity = 'project' AND entity_id = @a
      UNION ALL SELECT * FROM change WHERE entity = 'stageEvent' AND entity_id IN (SELECT id FROM stage_event WHERE project_id = @a)
      UNION ALL SELECT * FROM change WHERE entity = 'negotiation' AND entity_id IN (SELECT id FROM negotiation WHERE project_id = @a)
      UNION ALL SELECT * FROM change WHERE entity = 'agreement' AND entity_id IN (SELECT id FROM agreement WHERE project_id = @a)
      UNION ALL SELECT * FROM change WHERE entity = 'funds' AND entity_id IN (SELECT id FROM funds WHERE project_id = @a)
      UNION ALL SELECT * FROM change WHERE entity = 'request' AND entity_id IN (SELECT id FROM request WHERE project_id = @a)
      UNION ALL SELECT * FROM change WHERE entity = 'attachment' AND entity_id IN (SELECT id FROM attachment WHERE entity = 'project' AND entity_id = @a)
    ) c LEFT JOIN user u ON u.id = c.user_id ORDER BY c.seq DESC LIMIT 500`,
} as const

export type BaselineName = keyof typeof SQL

/** The baseline statements, prepared once. */
export function prepareBaselines(sqlite: Sqlite.Database): Record<BaselineName, Sqlite.Statement> {
  return Object.fromEntries(Object.entries(SQL).map(([name, text]) => [name, sqlite.prepare(text)])) as Record<BaselineName, Sqlite.Statement>
}
