// Rows changed by sync get a change-journal entry like any other write, so a record's history
// shows what came from other laptops and by whom.
import type { Ctx } from '../context'
import { nowIso } from '../context'
import { stmt } from './statements'

/** Stamps change on every write: not worth showing in history or a review. */
export const STAMP_FIELDS = new Set(['createdAt', 'createdBy', 'updatedAt', 'updatedBy'])

export function journal(ctx: Ctx, table: string, id: string, action: string, changes: Record<string, [unknown, unknown]>, userId: string | null): void {
  const shown = Object.fromEntries(Object.entries(changes).filter(([field]) => !STAMP_FIELDS.has(field) && field !== 'id'))
  stmt(ctx.sqlite, 'INSERT INTO change (entity, entity_id, action, changes, user_id, at) VALUES (?, ?, ?, ?, ?, ?)').run(table, id, action, JSON.stringify(shown), userId, nowIso(ctx))
}
