// "To review": two laptops edited the same field without seeing each other's edit. The later
// edit stands (the same on every laptop); both sides, who and when, wait here for a person.
import type { Ctx } from '../context'
import { newId, nowIso } from '../context'
import { parseHlc } from './operation'
import { stmt } from './statements'

interface Side {
  hlc: string
  replicaId: string
  userId: string | null
  value: string | number | null
}

const describe = (side: Side) => ({
  value: side.value,
  userId: side.userId,
  replicaId: side.replicaId,
  at: new Date(parseHlc(side.hlc)?.millis ?? 0).toISOString(),
  hlc: side.hlc,
})

/** Lists (or refreshes) the open review of one field; true when a new one was opened. */
export function recordReview(ctx: Ctx, table: string, rowId: string, field: string, winner: Side, loser: Side): boolean {
  const open = stmt(ctx.sqlite, 'SELECT id FROM sync_review WHERE tbl = ? AND row_id = ? AND field = ? AND resolved_at IS NULL')
    .get(table, rowId, field) as { id: string } | undefined
  const ours = JSON.stringify(describe(winner))
  const theirs = JSON.stringify(describe(loser))
  if (open) {
    stmt(ctx.sqlite, 'UPDATE sync_review SET ours = ?, theirs = ? WHERE id = ?').run(ours, theirs, open.id)
    return false
  }
  stmt(ctx.sqlite, 'INSERT INTO sync_review (id, tbl, row_id, field, reason, ours, theirs, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(newId(), table, rowId, field, '两台电脑同时修改了同一字段，较晚的修改生效', ours, theirs, nowIso(ctx))
  return true
}
