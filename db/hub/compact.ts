// `hub compact`: the hub's log shrinks to what some laptop may still need to read. Every pull reports
// how far it has read (crm_hub.replica_cursor, through note_read); the operations every known laptop
// has read (seq up to the least cursor) move into crm_hub.snapshot as each field's winning op —
// merged with what an earlier compaction kept — and leave the log. The compaction point
// (crm_hub.compaction) tells any laptop whose cursor is below it, or that was never seen, to take
// the snapshot before the log (db/hub/sync.ts): never a silent gap.
//
// Run by the hub's owner (an administrator), in one transaction that holds the push lock, so no
// push lands between choosing the point and pruning up to it.
import type pg from 'pg'
import { connectHub } from './connect'
import { HUB_SCHEMA_VERSION, LOG_SCHEMA } from './schema-sql'

export interface TeamCompaction {
  teamId: string
  /** Laptops that have reported a cursor. */
  laptops: number
  /** The team's operations in the log before and after. */
  before: number
  after: number
  /** The new compaction point (seq), or null when nothing could be compacted. */
  uptoSeq: string | null
  /** Records written or updated in the snapshot. */
  records: number
}

export interface HubCompactResult {
  teams: TeamCompaction[]
  /** The log on disk (indexes included) before, and after a VACUUM that makes the space reusable. */
  logBytesBefore: number
  logBytesAfter: number
}

const L = LOG_SCHEMA

const logBytes = async (client: pg.Client) =>
  Number((await client.query<{ n: string }>(`SELECT pg_total_relation_size('${L}.operation') AS n`)).rows[0]!.n)

const teamOps = async (client: pg.Client, teamId: string) =>
  Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${L}.operation WHERE team_id = $1`, [teamId])).rows[0]!.n)

async function compactTeam(client: pg.Client, teamId: string): Promise<TeamCompaction> {
  const before = await teamOps(client, teamId)
  const cursors = await client.query<{ laptops: number; least: string | null }>(
    `SELECT count(*)::int AS laptops, min(seq)::text AS least FROM ${L}.replica_cursor WHERE team_id = $1`,
    [teamId],
  )
  const { laptops, least } = cursors.rows[0]!
  const previous = await client.query<{ upto: string }>(`SELECT upto_seq::text AS upto FROM ${L}.compaction WHERE team_id = $1`, [teamId])
  const done = BigInt(previous.rows[0]?.upto ?? '0')
  const unchanged: TeamCompaction = { teamId, laptops, before, after: before, uptoSeq: null, records: 0 }
  // Nobody known: nothing is known to have been read by everyone.
  if (least === null || BigInt(least) <= done) return unchanged
  const upto = least
  // Per origin, the newest op the snapshot will cover (hlc order is byte order: COLLATE "C").
  const marks = await client.query<{ marks: Record<string, string> | null }>(
    `SELECT jsonb_object_agg(replica_id, hlc) AS marks FROM (
       SELECT replica_id, max(hlc COLLATE "C") AS hlc FROM ${L}.operation WHERE team_id = $1 AND seq <= $2::bigint GROUP BY replica_id) m`,
    [teamId, upto],
  )
  const covered = marks.rows[0]!.marks ?? {}
  // Each field's winner among the pruned ops, merged field by field with what the snapshot holds.
  const written = await client.query(
    `WITH w AS (
       SELECT DISTINCT ON (tbl, row_id, field) tbl, row_id, field, hlc, user_id, value
       FROM ${L}.operation WHERE team_id = $1 AND seq <= $2::bigint
       ORDER BY tbl, row_id, field, hlc COLLATE "C" DESC)
     INSERT INTO ${L}.snapshot AS s (team_id, tbl, row_id, ops)
     SELECT $1, tbl, row_id, jsonb_object_agg(field, jsonb_build_array(hlc, user_id, value)) FROM w GROUP BY tbl, row_id
     ON CONFLICT (team_id, tbl, row_id) DO UPDATE SET ops = (
       SELECT jsonb_object_agg(k, CASE WHEN n.v IS NULL OR (o.v IS NOT NULL AND (o.v ->> 0) COLLATE "C" > (n.v ->> 0) COLLATE "C") THEN o.v ELSE n.v END)
       FROM jsonb_each(s.ops) AS o (k, v) FULL JOIN jsonb_each(EXCLUDED.ops) AS n (k, v) USING (k))`,
    [teamId, upto],
  )
  await client.query(`DELETE FROM ${L}.operation WHERE team_id = $1 AND seq <= $2::bigint`, [teamId, upto])
  // The marks only rise: an origin's earlier compactions may reach further than this one.
  await client.query(
    `INSERT INTO ${L}.compaction AS c (team_id, upto_seq, marks) VALUES ($1, $2::bigint, $3::jsonb)
     ON CONFLICT (team_id) DO UPDATE SET upto_seq = EXCLUDED.upto_seq, compacted_at = now(), marks = (
       SELECT jsonb_object_agg(k, CASE WHEN n.v IS NULL OR (o.v IS NOT NULL AND (o.v #>> '{}') COLLATE "C" > (n.v #>> '{}') COLLATE "C") THEN o.v ELSE n.v END)
       FROM jsonb_each(c.marks) AS o (k, v) FULL JOIN jsonb_each(EXCLUDED.marks) AS n (k, v) USING (k))`,
    [teamId, upto, JSON.stringify(covered)],
  )
  return { teamId, laptops, before, after: await teamOps(client, teamId), uptoSeq: upto, records: written.rowCount ?? 0 }
}

/** The laptops' cursors and the snapshot came with structure version 2: an older hub is upgraded first, a newer one refused. */
export async function requireCurrentHub(client: pg.Client, command: string): Promise<void> {
  const version = await client.query<{ value: string }>(`SELECT value FROM ${L}.meta WHERE key = 'schema_version'`).catch(() => ({ rows: [] }))
  const found = Number(version.rows[0]?.value ?? 0)
  if (found < HUB_SCHEMA_VERSION) {
    throw new Error(`中心库结构版本为 ${found}，尚不支持 ${command}：请先用管理员账号运行 hub init --url …（升级结构，数据不变），再运行 ${command}。`)
  }
  if (found > HUB_SCHEMA_VERSION) throw new Error(`此中心库由更新版本的程序升级（结构版本 ${found}），请先升级本程序。`)
}

export async function compactHub(options: { url: string; password: string | null }): Promise<HubCompactResult> {
  const hub = await connectHub({ url: options.url, password: options.password, unlimited: true })
  const { client } = hub
  try {
    await requireCurrentHub(client, 'hub compact')
    const logBytesBefore = await logBytes(client)
    const teams: TeamCompaction[] = []
    await client.query('BEGIN')
    try {
      // The push lock (serialize_push): no op arrives between choosing the point and pruning.
      await client.query('SELECT pg_advisory_xact_lock(7242151501)')
      const ids = await client.query<{ id: string }>(`SELECT id FROM ${L}.team ORDER BY id`)
      for (const { id } of ids.rows) teams.push(await compactTeam(client, id))
      await client.query('COMMIT')
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      throw error
    }
    // Deleted rows' space is reused by later pushes once vacuumed; the file itself does not shrink.
    await client.query(`VACUUM ANALYZE ${L}.operation`)
    return { teams, logBytesBefore, logBytesAfter: await logBytes(client) }
  } finally {
    await hub.close()
  }
}
