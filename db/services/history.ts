// Record history: the change journal read back for one record. A project's timeline also shows
// what happened to the records that hang off it (stage events, follow-ups, agreements, …).
import type { Kysely } from 'kysely'
import type { Ctx } from '../context'
import type { Database } from '../schema'
import { compiledOnce } from './compiled-once'
import { type ChangeAction, ENTITY_LABELS, type HistoryEntry, type HistoryQuery, type RecordEntity } from '../domain/history'

/** Child records of a project, by the entity name the journal stores (also their kysely table). */
const PROJECT_CHILDREN = ['stageEvent', 'negotiation', 'agreement', 'funds', 'request'] as const

/**
 * The journal of one record; for a project also its children's (all by change_entity). The scopes
 * are disjoint (one entity each), so they are joined by UNION ALL: one OR of eight scopes made
 * SQLite merge and de-duplicate their rows (MULTI-INDEX OR), about twice the cost of the union.
 */
function journalOf(db: Kysely<Database>, entity: string, id: string, limit: number, withChildren: boolean) {
  let entries = db.selectFrom('change').selectAll().where('entity', '=', entity).where('entityId', '=', id)
  if (withChildren) {
    for (const child of PROJECT_CHILDREN) {
      const ids = db.selectFrom(child as 'stageEvent').select('id').where('projectId', '=', id)
      entries = entries.unionAll(db.selectFrom('change').selectAll().where('entity', '=', child).where('entityId', 'in', ids))
    }
    const attachments = db.selectFrom('attachment').select('id').where('entity', '=', 'project').where('entityId', '=', id)
    entries = entries.unionAll(db.selectFrom('change').selectAll().where('entity', '=', 'attachment').where('entityId', 'in', attachments))
  }
  return db
    .selectFrom(entries.as('c'))
    .leftJoin('user as u', 'u.id', 'c.userId')
    .select(['c.seq', 'c.entity', 'c.entityId', 'c.action', 'c.at', 'c.userId', 'c.changes', 'u.name as userName'])
    .orderBy('c.seq', 'desc')
    .limit(limit)
}

// Compiled once each (see compiled-once.ts): the project's timeline has eight scopes to build.
const projectJournal = compiledOnce((db, entity: string, id: string, limit: number) => journalOf(db, entity, id, limit, true))
const recordJournal = compiledOnce((db, entity: string, id: string, limit: number) => journalOf(db, entity, id, limit, false))

export async function listHistory(ctx: Ctx, query: HistoryQuery): Promise<HistoryEntry[]> {
  const { entity, id, limit } = query
  const rows = await (entity === 'project' ? projectJournal : recordJournal)(ctx.db, entity, id, limit)
  return rows.map(({ changes, ...row }) => ({
    ...row,
    entity: row.entity as RecordEntity,
    entityLabel: ENTITY_LABELS[row.entity as RecordEntity] ?? row.entity,
    action: row.action as ChangeAction,
    changes: JSON.parse(changes) as HistoryEntry['changes'],
  }))
}
