// A new laptop's first pull from the hub: the team's current state, not its history. In one
// REPEATABLE READ transaction on the hub (one consistent moment), the server compacts the log to the
// winning op of every field (DISTINCT ON … ORDER BY hlc DESC, over the operation_field index) and
// sends it per record, in pages of records, table by table; the laptop writes them in bulk
// (db/sync/bootstrap.ts) in one SQLite transaction that also sets the pull cursor to the moment's
// last seq, so later pulls continue incrementally from there. A crash keeps everything or nothing.
// A hub that was compacted (db/hub/compact.ts) keeps that state itself: the laptop reads its snapshot
// as it is (no DISTINCT ON over the log), takes the compaction point as its cursor, and the ordinary
// pull then brings the operations after it.
import { type Ctx, inTransaction } from '../context'
import { Bootstrap } from '../sync/bootstrap'
import { type ApplySummary, HLC_PATTERN, type Watermarks } from '../sync/operation'
import { type RowSnapshot, mergeMarks } from '../sync/snapshot'
import { REPLICATED_TABLES } from '../sync/tables'
import { refused } from '../sync/validate'
import type { HubClient } from './connect'
import { LOG_SCHEMA } from './schema-sql'
import { HUB_KEYS, readHubSetting, writeHubSetting } from './settings'

/** Records per page: a page of negotiations is a few MB of JSON, parsed in one go. */
const RECORDS_PER_PAGE = 5000

export interface HubBootstrapResult extends ApplySummary {
  /** The hub's last seq covered: later pulls continue after it. */
  cursor: string
  records: number
}

/** Where a compacted hub's snapshot ends: the cursor to continue from and, per origin, what it covers. */
export interface HubCompaction {
  uptoSeq: string
  marks: Watermarks
}

/** The team's compaction point, or null when the hub was never compacted for it. */
export async function readCompaction(hub: HubClient, teamId: string): Promise<HubCompaction | null> {
  const result = await hub.client.query<{ upto: string; marks: unknown }>(
    `SELECT upto_seq::text AS upto, marks FROM ${LOG_SCHEMA}.compaction WHERE team_id = $1`,
    [teamId],
  )
  const row = result.rows[0]
  if (!row) return null
  const marks = row.marks
  if (typeof marks !== 'object' || marks === null || Object.values(marks).some((hlc) => typeof hlc !== 'string' || !HLC_PATTERN.test(hlc))) {
    throw refused('中心库的压缩记录格式错误')
  }
  return { uptoSeq: row.upto, marks: marks as Watermarks }
}

/** A page as received: its records, and the JSON text they were parsed from (Bootstrap.add copies the snapshot rows from it). */
export interface RecordPage {
  rows: Array<[string, RowSnapshot]>
  text: string
}

/** One page of the hub's snapshot: a table's records after `after` (row id order), as compact.ts kept them. */
export async function fetchSnapshotRecords(hub: HubClient, teamId: string, table: string, after: string, limit = RECORDS_PER_PAGE): Promise<Array<[string, RowSnapshot]>> {
  return (await fetchSnapshotPage(hub, teamId, table, after, limit)).rows
}

async function fetchSnapshotPage(hub: HubClient, teamId: string, table: string, after: string, limit = RECORDS_PER_PAGE): Promise<RecordPage> {
  const result = await hub.client.query<{ page: string }>(
    `SELECT coalesce(json_agg(json_build_array(s.row_id, s.ops) ORDER BY s.row_id), '[]')::text AS page
     FROM (SELECT row_id, ops FROM ${LOG_SCHEMA}.snapshot WHERE team_id = $1 AND tbl = $2 AND row_id > $3 ORDER BY row_id LIMIT $4) s`,
    [teamId, table, after, limit],
  )
  return parsePage(result.rows[0]!.page)
}

function parsePage(text: string): RecordPage {
  const page = JSON.parse(text) as unknown
  if (!Array.isArray(page) || page.some((row) => !Array.isArray(row) || typeof row[0] !== 'string' || typeof row[1] !== 'object' || row[1] === null)) {
    throw refused('中心库返回的快照格式错误')
  }
  return { rows: page as Array<[string, RowSnapshot]>, text }
}

/** One page of a table's records after `after` (row id order), each with its fields' winning ops. */
export async function fetchRecords(hub: HubClient, teamId: string, table: string, after: string): Promise<Array<[string, RowSnapshot]>> {
  return (await fetchRecordPage(hub, teamId, table, after)).rows
}

async function fetchRecordPage(hub: HubClient, teamId: string, table: string, after: string): Promise<RecordPage> {
  const result = await hub.client.query<{ page: string }>(
    // The page's last row id first, so the page itself is one range of the operation_field index,
    // read backwards: DISTINCT ON then takes each field's newest op without sorting.
    `WITH bound AS (
       SELECT max(row_id) AS upto FROM (
         SELECT DISTINCT row_id FROM ${LOG_SCHEMA}.operation WHERE team_id = $1 AND tbl = $2 AND row_id > $3 ORDER BY row_id LIMIT $4) b)
     SELECT coalesce(json_agg(json_build_array(r.row_id, r.ops) ORDER BY r.row_id), '[]')::text AS page FROM (
       SELECT w.row_id, json_object_agg(w.field, json_build_array(w.hlc, w.user_id, w.value)) AS ops
       FROM (SELECT DISTINCT ON (o.row_id, o.field) o.row_id, o.field, o.hlc, o.user_id, o.value
             FROM ${LOG_SCHEMA}.operation o
             WHERE o.team_id = $1 AND o.tbl = $2 AND o.row_id > $3 AND o.row_id <= (SELECT upto FROM bound)
             ORDER BY o.row_id DESC, o.field DESC, o.hlc DESC) w
       GROUP BY w.row_id) r`,
    [teamId, table, after, RECORDS_PER_PAGE],
  )
  return parsePage(result.rows[0]!.page)
}

/**
 * Bootstraps from the hub's current state. Returns null when the hub holds nothing of the team yet.
 * The caller decides that this laptop may (db/sync/bootstrap.ts canBootstrap).
 */
export async function bootstrapFromHub(
  ctx: Ctx,
  hub: HubClient,
  teamId: string,
  onStep?: (step: { kind: 'pulled'; count: number }) => void,
  /** Whether the hub's schema has compaction (version 2 on). */
  compacting = true,
): Promise<HubBootstrapResult | null> {
  await hub.client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
  try {
    const compaction = compacting ? await readCompaction(hub, teamId) : null
    let cursor: string
    let marks: Watermarks
    let readPage = fetchRecordPage
    if (compaction) {
      // The hub's own snapshot; the ops after its point follow through the ordinary pull.
      cursor = compaction.uptoSeq
      marks = compaction.marks
      readPage = fetchSnapshotPage
    } else {
      const top = await hub.client.query<{ seq: string }>(`SELECT coalesce(max(seq), 0)::text AS seq FROM ${LOG_SCHEMA}.operation WHERE team_id = $1`, [teamId])
      cursor = top.rows[0]!.seq
      if (cursor === '0') return null
      // What the snapshot covers, per origin: later ops of the same origin at or below are not new.
      const markRows = await hub.client.query<{ replica_id: string; hlc: string }>(
        `SELECT replica_id, max(hlc) AS hlc FROM ${LOG_SCHEMA}.operation WHERE team_id = $1 GROUP BY replica_id`,
        [teamId],
      )
      marks = Object.fromEntries(markRows.rows.map((row) => [row.replica_id, row.hlc]))
    }
    const result = await inTransaction(ctx, async () => {
      const bootstrap = new Bootstrap(ctx, { kind: 'hub', label: `中心库 ${hub.client.host}` })
      bootstrap.start()
      let records = 0
      for (const table of REPLICATED_TABLES) {
        let next = readPage(hub, teamId, table, '')
        for (;;) {
          const { rows, text } = await next
          if (rows.length === 0) break
          // The server compacts the next page while this one is written here.
          next = rows.length < RECORDS_PER_PAGE ? Promise.resolve({ rows: [], text: '[]' }) : readPage(hub, teamId, table, rows[rows.length - 1]![0])
          bootstrap.add(table, rows, text)
          records += rows.length
          onStep?.({ kind: 'pulled', count: rows.length })
        }
      }
      const summary = bootstrap.finish(marks)
      writeHubSetting(ctx, HUB_KEYS.cursor, cursor)
      // What the hub holds is never pushed back.
      writeHubSetting(ctx, HUB_KEYS.pushedUpTo, mergeMarks(readHubSetting<Watermarks>(ctx.sqlite, HUB_KEYS.pushedUpTo) ?? {}, marks))
      return { ...summary, cursor, records }
    })
    return result
  } finally {
    // Read only: nothing to keep, whatever happened.
    await hub.client.query('ROLLBACK').catch(() => undefined)
  }
}
