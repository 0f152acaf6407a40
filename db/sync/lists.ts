// What people see of sync: status, the "merged while syncing" list (with undo) and the
// "to review" list (with a choice of which side stands). Every change here is a normal write
// that becomes operations, so the other laptops follow.
import { type Ctx, inTransaction, nowIso } from '../context'
import { notFound } from '../domain/errors'
import type { SyncMergeView, SyncReviewView, SyncStatus } from '../domain/sync'
import { emit } from './capture'
import { ensureReplica, teamIdOf } from './identity'
import { journal } from './journal'
import { liveDuplicateOf } from './merge'
import { DELETED_FIELD } from './operation'
import { type ReplicatedTable, isReplicated, replicatedColumns, toCamel, toSnake } from './tables'

export async function syncStatus(ctx: Ctx): Promise<SyncStatus> {
  const replicaId = await inTransaction(ctx, async () => ensureReplica(ctx))
  const count = (sql: string) => (ctx.sqlite.prepare(sql).get() as { n: number }).n
  const peers = ctx.sqlite
    .prepare('SELECT peer_id AS replicaId, max(updated_at) AS lastHeardAt FROM sync_watermark GROUP BY peer_id ORDER BY lastHeardAt DESC')
    .all() as SyncStatus['peers']
  return {
    teamId: teamIdOf(ctx.sqlite),
    replicaId,
    operations: count('SELECT count(*) AS n FROM sync_operation'),
    peers,
    openReviews: count('SELECT count(*) AS n FROM sync_review WHERE resolved_at IS NULL'),
    merges: count('SELECT count(*) AS n FROM sync_merge WHERE undone_at IS NULL'),
  }
}

function nameOf(ctx: Ctx, table: string, id: string): string {
  if (!isReplicated(table) || !replicatedColumns(ctx.sqlite, table).has('name')) return id
  const row = ctx.sqlite.prepare(`SELECT name FROM ${toSnake(table)} WHERE id = ?`).get(id) as { name: string } | undefined
  return row?.name ?? id
}

function userName(ctx: Ctx, id: string | null): string {
  if (!id) return '未署名'
  return (ctx.sqlite.prepare('SELECT name FROM user WHERE id = ?').get(id) as { name: string } | undefined)?.name ?? '其他电脑的用户'
}

export async function listMerges(ctx: Ctx): Promise<SyncMergeView[]> {
  const rows = ctx.sqlite
    .prepare('SELECT id, tbl, survivor_id, loser_id, reason, merged_at, undone_at FROM sync_merge ORDER BY merged_at DESC LIMIT 200')
    .all() as { id: string; tbl: string; survivor_id: string; loser_id: string; reason: string; merged_at: string; undone_at: string | null }[]
  return rows.map((row) => ({
    id: row.id,
    table: row.tbl,
    survivorId: row.survivor_id,
    survivorName: nameOf(ctx, row.tbl, row.survivor_id),
    loserId: row.loser_id,
    loserName: nameOf(ctx, row.tbl, row.loser_id),
    reason: row.reason,
    mergedAt: row.merged_at,
    undoneAt: row.undone_at,
  }))
}

/**
 * Brings the merged-away record back and points back what was moved. Where a unique key would
 * clash again (same park name), the restored copy is renamed so both can live; a credit code
 * stays with the survivor.
 */
export async function undoMerge(ctx: Ctx, id: string): Promise<SyncMergeView[]> {
  await inTransaction(ctx, async () => {
    const merge = ctx.sqlite.prepare('SELECT tbl, survivor_id, loser_id, undo FROM sync_merge WHERE id = ? AND undone_at IS NULL').get(id) as
      | { tbl: string; survivor_id: string; loser_id: string; undo: string }
      | undefined
    if (!merge || !isReplicated(merge.tbl)) throw notFound('同步合并记录', id)
    const table = merge.tbl as ReplicatedTable
    const snake = toSnake(table)
    const set = (rowTable: ReplicatedTable, rowId: string, field: string, value: string | number | null) => {
      ctx.sqlite.prepare(`UPDATE ${toSnake(rowTable)} SET ${toSnake(field)} = ? WHERE id = ?`).run(value, rowId)
      emit(ctx, rowTable, rowId, field, value)
    }
    // The unique key is freed first (renamed, or the credit code left with the survivor): a live twin would refuse the restore.
    const row = ctx.sqlite.prepare(`SELECT * FROM ${snake} WHERE id = ?`).get(merge.loser_id) as Record<string, unknown>
    const restored = Object.fromEntries(Object.entries(row).map(([k, v]) => [toCamel(k), v]))
    if (liveDuplicateOf(ctx, table, merge.loser_id, false, { ...restored, deletedAt: null })) {
      if (table === 'investor') set(table, merge.loser_id, 'creditCode', null)
      else set(table, merge.loser_id, 'name', `${String(restored.name)}（撤销合并）`)
    }
    set(table, merge.loser_id, 'deletedAt', null)
    if (table === 'investor') set(table, merge.loser_id, 'mergedInto', null)
    journal(ctx, table, merge.loser_id, 'restore', { deletedAt: ['', null] }, ctx.userId)
    const undo = JSON.parse(merge.undo) as { repointed: { table: ReplicatedTable; rowId: string; field: string }[]; links: { table: ReplicatedTable; from: string; to: string }[] }
    for (const ref of undo.repointed) {
      const current = ctx.sqlite.prepare(`SELECT ${toSnake(ref.field)} AS v FROM ${toSnake(ref.table)} WHERE id = ?`).get(ref.rowId) as { v: string } | undefined
      // Only rows still pointing at the survivor go back: a later edit by someone stands.
      if (current?.v === merge.survivor_id) set(ref.table, ref.rowId, ref.field, merge.loser_id)
    }
    for (const link of undo.links) {
      emit(ctx, link.table, link.from, DELETED_FIELD, 0)
      const [a, b] = link.from.split(':')
      ctx.sqlite.prepare(`INSERT OR IGNORE INTO ${toSnake(link.table)} VALUES (?, ?)`).run(a, b)
    }
    ctx.sqlite.prepare('UPDATE sync_merge SET undone_at = ?, undone_by = ? WHERE id = ?').run(nowIso(ctx), ctx.userId, id)
  })
  return listMerges(ctx)
}

export async function listReviews(ctx: Ctx): Promise<SyncReviewView[]> {
  const rows = ctx.sqlite
    .prepare('SELECT id, tbl, row_id, field, reason, ours, theirs, created_at FROM sync_review WHERE resolved_at IS NULL ORDER BY created_at DESC LIMIT 200')
    .all() as { id: string; tbl: string; row_id: string; field: string; reason: string; ours: string; theirs: string; created_at: string }[]
  const side = (json: string) => {
    const s = JSON.parse(json) as { value: string | number | null; userId: string | null; at: string }
    return { value: s.value, userName: userName(ctx, s.userId), at: s.at }
  }
  return rows.map((row) => ({
    id: row.id,
    table: row.tbl,
    rowId: row.row_id,
    recordName: nameOf(ctx, row.tbl, row.row_id),
    field: row.field,
    reason: row.reason,
    current: side(row.ours),
    other: side(row.theirs),
    createdAt: row.created_at,
  }))
}

/** Closes a review; 'other' writes the overwritten value again (a new edit every laptop receives). */
export async function resolveReview(ctx: Ctx, id: string, keep: 'current' | 'other'): Promise<SyncReviewView[]> {
  await inTransaction(ctx, async () => {
    const review = ctx.sqlite.prepare('SELECT tbl, row_id, field, ours, theirs FROM sync_review WHERE id = ? AND resolved_at IS NULL').get(id) as
      | { tbl: string; row_id: string; field: string; ours: string; theirs: string }
      | undefined
    if (!review || !isReplicated(review.tbl)) throw notFound('待核对记录', id)
    if (keep === 'other') {
      const table = review.tbl as ReplicatedTable
      const { value } = JSON.parse(review.theirs) as { value: string | number | null }
      const before = ctx.sqlite.prepare(`SELECT ${toSnake(review.field)} AS v FROM ${toSnake(table)} WHERE id = ?`).get(review.row_id) as { v: unknown } | undefined
      if (!before) throw notFound('记录', review.row_id)
      const at = nowIso(ctx)
      ctx.sqlite.prepare(`UPDATE ${toSnake(table)} SET ${toSnake(review.field)} = ?, updated_at = ?, updated_by = ? WHERE id = ?`).run(value, at, ctx.userId, review.row_id)
      emit(ctx, table, review.row_id, review.field, value)
      emit(ctx, table, review.row_id, 'updatedAt', at)
      emit(ctx, table, review.row_id, 'updatedBy', ctx.userId)
      journal(ctx, table, review.row_id, 'update', { [review.field]: [before.v, value] }, ctx.userId)
    }
    ctx.sqlite.prepare('UPDATE sync_review SET resolved_at = ?, resolved_by = ? WHERE id = ?').run(nowIso(ctx), ctx.userId, id)
  })
  return listReviews(ctx)
}
