// A new laptop's first pull from the hub: the team's current state, not its history. In one
// REPEATABLE READ transaction on the hub (one consistent moment), the server compacts the log to the
// winning op of every field (DISTINCT ON … ORDER BY hlc DESC, over the operation_field index) and
// sends it per record, table by table, through a cursor read in pages; the laptop writes them in bulk
// (db/sync/bootstrap.ts) in one SQLite transaction that also sets the pull cursor to the moment's
// last seq, so later pulls continue incrementally from there. A crash keeps everything or nothing.
// The reading runs on a connection of its own in pipeline mode: the next pages are asked for before
// this laptop writes the one in hand, so the server computes them meanwhile (a city's first pull
// otherwise waited on the server for a sixth of its time). Each page is parsed, checked and shaped
// in a worker thread (page-checker.ts) while this thread writes the page before.
// A hub that was compacted (db/hub/compact.ts) keeps that state itself: the laptop reads its snapshot
// as it is (no DISTINCT ON over the log), takes the compaction point as its cursor, and the ordinary
// pull then brings the operations after it.
import { type Ctx, inTransaction } from '../context'
import { deferringCheckpoint } from '../storage/checkpoint'
import { Bootstrap } from '../sync/bootstrap'
import { type ApplySummary, HLC_PATTERN, type Watermarks } from '../sync/operation'
import { mergeMarks } from '../sync/snapshot'
import type { CheckedPage } from '../sync/snapshot-page'
import { REPLICATED_TABLES } from '../sync/tables'
import { refused } from '../sync/validate'
import type { HubClient } from './connect'
import type { ReceivedPage } from './page'
import { type PageChecker, startPageChecker } from './page-checker'
import { LOG_SCHEMA } from './schema-sql'
import { HUB_KEYS, readHubSetting, writeHubSetting } from './settings'

/** Records per page: a page of negotiations is a few MB of JSON, parsed in one go. */
const RECORDS_PER_PAGE = 5000
/** Pages asked for ahead of the one being written. */
const PAGES_AHEAD = 3

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

/** Each record of a table with its fields' winning ops (row id, ops as JSON), newest row id first
 * (the operation_field index read backwards: DISTINCT ON then takes each field's newest op without
 * sorting, and the records stream out one by one). */
const LOG_RECORDS = `SELECT w.row_id, json_object_agg(w.field, json_build_array(w.hlc, w.user_id, w.value))::text
  FROM (SELECT DISTINCT ON (o.row_id, o.field) o.row_id, o.field, o.hlc, o.user_id, o.value
        FROM ${LOG_SCHEMA}.operation o WHERE o.team_id = $1 AND o.tbl = $2
        ORDER BY o.row_id DESC, o.field DESC, o.hlc DESC) w
  GROUP BY w.row_id ORDER BY w.row_id DESC`

/** The same from a compacted hub's snapshot, as compact.ts kept it. */
const SNAPSHOT_RECORDS = `SELECT row_id, ops::text FROM ${LOG_SCHEMA}.snapshot WHERE team_id = $1 AND tbl = $2 ORDER BY row_id`

/**
 * One consistent read of the hub (a REPEATABLE READ transaction, read only) on a connection of its
 * own in pipeline mode, for readTable; rolled back and closed whatever happens.
 */
export async function readingHub<T>(hub: HubClient, work: (reader: HubClient) => Promise<T>): Promise<T> {
  const reader = await hub.pipelined()
  try {
    await reader.client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
    // A cursor's plan is not worth compiling: each table's would take most of a second.
    await reader.client.query('SET LOCAL jit = off')
    return await work(reader)
  } finally {
    // Read only: nothing to keep, whatever happened.
    await reader.client.query('ROLLBACK').catch(() => undefined)
    await reader.close()
  }
}

/**
 * Every record of one table, page by page, through a cursor on a pipelined connection inside its
 * read transaction: PAGES_AHEAD pages are asked for before each page is handed to `onPage`, in row
 * id order, as received (page.ts parses it).
 */
export async function readTable(
  reader: HubClient,
  teamId: string,
  table: string,
  from: 'log' | 'snapshot',
  onPage: (page: ReceivedPage) => void | Promise<void>,
): Promise<number> {
  const { client } = reader
  await client.query(`DECLARE records NO SCROLL CURSOR FOR ${from === 'log' ? LOG_RECORDS : SNAPSHOT_RECORDS}`, [teamId, table])
  const asked: Array<Promise<{ rows: string[][] }>> = []
  const ask = () => {
    const page = client.query<string[]>({ text: `FETCH ${RECORDS_PER_PAGE} FROM records`, rowMode: 'array' })
    // Pages asked for and never read (a refused page ends the reading) must not reject unheard.
    page.catch(() => undefined)
    asked.push(page)
  }
  for (let i = 0; i < PAGES_AHEAD; i++) ask()
  let records = 0
  for (;;) {
    const { rows } = await asked.shift()!
    if (rows.length === RECORDS_PER_PAGE) ask()
    if (rows.length === 0) break
    // Each page in row id order, whatever order the pages come in.
    await onPage(from === 'log' ? rows.reverse() : rows)
    records += rows.length
    if (rows.length < RECORDS_PER_PAGE) break
  }
  // The pages asked for beyond the end come back empty.
  await Promise.all(asked)
  await client.query('CLOSE records')
  return records
}

/** Per origin replica, the newest op of the team's log up to now: what the snapshot covers. */
async function readMarks(reader: HubClient, teamId: string): Promise<Watermarks> {
  const rows = await reader.client.query<{ replica_id: string; hlc: string }>(
    `SELECT replica_id, max(hlc) AS hlc FROM ${LOG_SCHEMA}.operation WHERE team_id = $1 GROUP BY replica_id`,
    [teamId],
  )
  return Object.fromEntries(rows.rows.map((row) => [row.replica_id, row.hlc]))
}

/**
 * One table's pages into the bootstrap: each page is written while the checker (a worker thread)
 * checks the next one, so this thread's writing and the checks overlap.
 */
async function pullTable(
  reader: HubClient,
  teamId: string,
  table: string,
  from: 'log' | 'snapshot',
  bootstrap: Bootstrap,
  checker: PageChecker,
  onStep?: (step: { kind: 'pulled'; count: number }) => void,
): Promise<number> {
  const shape = bootstrap.recordShape(table)
  let pending: { received: ReceivedPage; checked: Promise<CheckedPage> } | null = null
  const writePending = async () => {
    if (!pending) return
    const { received, checked } = pending
    pending = null
    bootstrap.addChecked(
      table,
      received.map(([rowId]) => rowId!),
      received.map(([, text]) => text!),
      await checked,
    )
    onStep?.({ kind: 'pulled', count: received.length })
  }
  const records = await readTable(reader, teamId, table, from, async (received) => {
    const checked = checker.check(shape, received)
    // A page refused before its turn is heard when its turn comes (or never, if an earlier one ends the pull).
    checked.catch(() => undefined)
    await writePending()
    pending = { received, checked }
  })
  await writePending()
  return records
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
  return readingHub(hub, async (reader) => {
    const compaction = compacting ? await readCompaction(reader, teamId) : null
    let cursor: string
    if (compaction) {
      // The hub's own snapshot; the ops after its point follow through the ordinary pull.
      cursor = compaction.uptoSeq
    } else {
      const top = await reader.client.query<{ seq: string }>(`SELECT coalesce(max(seq), 0)::text AS seq FROM ${LOG_SCHEMA}.operation WHERE team_id = $1`, [teamId])
      cursor = top.rows[0]!.seq
      if (cursor === '0') return null
    }
    // A city's first pull writes over a gigabyte: copied into the file after the COMMIT, in the
    // background (db/storage/checkpoint.ts).
    return await deferringCheckpoint(ctx.sqlite, () =>
      inTransaction(ctx, async () => {
        const bootstrap = new Bootstrap(ctx, { kind: 'hub', label: `中心库 ${hub.client.host}` })
        bootstrap.start()
        const checker = startPageChecker(bootstrap.nowMs)
        let records = 0
        try {
          for (const table of REPLICATED_TABLES) records += await pullTable(reader, teamId, table, compaction ? 'snapshot' : 'log', bootstrap, checker, onStep)
        } finally {
          await checker.close()
        }
        // What the snapshot covers, per origin (later ops of the same origin at or below are not new):
        // asked for now, read by the server while this laptop builds its indexes.
        const marksRead = compaction ? Promise.resolve(compaction.marks) : readMarks(reader, teamId)
        marksRead.catch(() => undefined)
        const summary = bootstrap.finish()
        const marks = await marksRead
        bootstrap.cover(marks)
        writeHubSetting(ctx, HUB_KEYS.cursor, cursor)
        // What the hub holds is never pushed back.
        writeHubSetting(ctx, HUB_KEYS.pushedUpTo, mergeMarks(readHubSetting<Watermarks>(ctx.sqlite, HUB_KEYS.pushedUpTo) ?? {}, marks))
        return { ...summary, cursor, records }
      }),
    )
  })
}
