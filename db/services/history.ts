// Record history: the change journal read back for one record. A project's timeline also shows
// what happened to the records that hang off it (stage events, follow-ups, agreements, …).
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely'
import type { Ctx } from '../context'
import type { Database } from '../schema'
import { compiledOnce } from './compiled-once'
import { type ChangeAction, ENTITY_LABELS, type HistoryEntry, type HistoryQuery, type RecordEntity } from '../domain/history'

/** Child tables of a project, by the entity name the journal stores and their SQL table. */
const PROJECT_CHILDREN = [
  ['stageEvent', 'stage_event'],
  ['negotiation', 'negotiation'],
  ['agreement', 'agreement'],
  ['funds', 'funds'],
  ['request', 'request'],
] as const

/** The journal of one record; for a project also its children's (all by change_entity). */
function journalOf(db: Kysely<Database>, entity: string, id: string, limit: number, withChildren: boolean) {
  const scopes: Expression<SqlBool>[] = [sql<SqlBool>`(c.entity = ${entity} AND c.entity_id = ${id})`]
  if (withChildren) {
    for (const [child, table] of PROJECT_CHILDREN) {
      scopes.push(sql<SqlBool>`(c.entity = ${child} AND c.entity_id IN (SELECT id FROM ${sql.table(table)} WHERE project_id = ${id}))`)
    }
    scopes.push(sql<SqlBool>`(c.entity = 'attachment' AND c.entity_id IN (SELECT id FROM attachment WHERE entity = 'project' AND entity_id = ${id}))`)
  }
  return db
    .selectFrom('change as c')
    .leftJoin('user as u', 'u.id', 'c.userId')
    .select(['c.seq', 'c.entity', 'c.entityId', 'c.action', 'c.at', 'c.userId', 'c.changes', 'u.name as userName'])
    .where((eb) => eb.or(scopes))
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
