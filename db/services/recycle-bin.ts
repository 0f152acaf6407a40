// The recycle bin (回收站): deleted records of every kind in one list, restored with the rules of
// their own kind, or purged for good once nothing refers to them any more.
import { type Kysely, sql } from 'kysely'
import type { Database } from '../schema'
import { type Ctx, type Trx, inTransaction, nowIso } from '../context'
import { conflict, notFound } from '../domain/errors'
import { ENTITY_LABELS, type RecycleEntity, type RecycleItem, type RecyclePage, type RecycleQuery, type RecycleTarget } from '../domain/history'
import { AGREEMENT_TYPE, TARGET_INDICATOR, type AgreementType, type TargetIndicator } from '../domain/vocab'
import { removeBlobIfUnused } from './attachments'
import { restoreAgreement } from './agreements'
import { restoreContact } from './contacts'
import { restoreDistrict } from './districts'
import { restoreEvent } from './events'
import { restoreFunds } from './funds'
import { restoreIndustry } from './industries'
import { restoreInvestor } from './investors'
import { restoreNegotiation } from './negotiations'
import { restorePark } from './parks'
import { restoreProject } from './projects'
import { restoreRecord, untyped } from './records'
import { captureLink, capturePurge } from '../sync/capture'
import { restoreRequest } from './requests'
import { restoreTag } from './tags'
import { restoreUser } from './users'

// Tables are chosen at run time here (untyped); every name below comes from these constant tables.

/** How each kind shows in the list: SQL for its name and for where it belonged (t is the row). */
const LISTING: Record<RecycleEntity, { table: string; name: string; detail: string }> = {
  district: { table: 'district', name: 't.name', detail: "''" },
  park: { table: 'park', name: 't.name', detail: "coalesce((SELECT name FROM district WHERE id = t.district_id), '')" },
  investor: { table: 'investor', name: 't.name', detail: "coalesce(t.credit_code, '')" },
  contact: { table: 'contact', name: 't.name', detail: "coalesce((SELECT name FROM investor WHERE id = t.investor_id), '')" },
  project: { table: 'project', name: 't.name', detail: "coalesce((SELECT name FROM investor WHERE id = t.investor_id), '')" },
  negotiation: {
    table: 'negotiation',
    name: "t.happened_on || ' ' || substr(t.summary, 1, 40)",
    detail: "coalesce((SELECT name FROM project WHERE id = t.project_id), (SELECT name FROM investor WHERE id = t.investor_id), '')",
  },
  agreement: {
    table: 'agreement',
    name: "t.signed_on || ' ' || t.type || coalesce(' ' || t.contract_no, '')",
    detail: "coalesce((SELECT name FROM project WHERE id = t.project_id), '')",
  },
  funds: { table: 'funds', name: 't.arrived_on', detail: "coalesce((SELECT name FROM project WHERE id = t.project_id), '')" },
  request: {
    table: 'request',
    name: 't.title',
    detail: "coalesce((SELECT name FROM project WHERE id = t.project_id), (SELECT name FROM investor WHERE id = t.investor_id), '')",
  },
  event: { table: 'event', name: 't.name', detail: 't.start_on' },
  target: { table: 'target', name: "t.year || '年'", detail: 't.indicator' },
  user: { table: '"user"', name: 't.name', detail: "coalesce(t.title, '')" },
  industry: { table: 'industry', name: 't.name', detail: "coalesce((SELECT name FROM industry p WHERE p.id = t.parent_id), '')" },
  tag: { table: 'tag', name: 't.name', detail: "''" },
  attachment: { table: 'attachment', name: 't.file_name', detail: 't.entity' },
}

/** Word-list keys in names and details, turned into their Chinese labels. */
function readable(item: RecycleItem): RecycleItem {
  if (item.entity === 'agreement') {
    const [date, type, ...rest] = item.name.split(' ')
    return { ...item, name: [date, AGREEMENT_TYPE.labels[type as AgreementType] ?? type, ...rest].join(' ') }
  }
  if (item.entity === 'target') return { ...item, detail: TARGET_INDICATOR.labels[item.detail as TargetIndicator] ?? item.detail }
  if (item.entity === 'attachment') return { ...item, detail: ENTITY_LABELS[item.detail as RecycleEntity] ?? item.detail }
  return item
}

export async function listRecycleBin(ctx: Ctx, query: RecycleQuery): Promise<RecyclePage> {
  const kinds = query.entity ? [query.entity] : (Object.keys(LISTING) as RecycleEntity[])
  const union = sql.raw(
    kinds
      .map((entity) => {
        const { table, name, detail } = LISTING[entity]
        return `SELECT '${entity}' AS entity, t.id AS id, ${name} AS name, ${detail} AS detail, t.deleted_at AS deleted_at,
          t.updated_by AS deleted_by FROM ${table} t WHERE t.deleted_at IS NOT NULL`
      })
      .join('\nUNION ALL\n'),
  )
  const offset = (query.page - 1) * query.pageSize
  const { rows } = await sql<Omit<RecycleItem, 'entityLabel'>>`
    SELECT r.entity, r.id, r.name, r.detail, r.deleted_at, r.deleted_by, u.name AS deleted_by_name
    FROM (${union}) r LEFT JOIN "user" u ON u.id = r.deleted_by
    ORDER BY r.deleted_at DESC, r.id DESC
    LIMIT ${query.pageSize} OFFSET ${offset}`.execute(ctx.db)
  const { rows: counted } = await sql<{ n: number }>`SELECT count(*) AS n FROM (${union})`.execute(ctx.db)
  return {
    items: rows.map((row) => readable({ ...row, entityLabel: ENTITY_LABELS[row.entity] })),
    total: Number(counted[0]?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  }
}

/** Parents that must be live before a record comes back: a contact without its investor is an orphan. */
const PARENTS: Partial<Record<RecycleEntity, [column: string, table: RecycleEntity][]>> = {
  park: [['districtId', 'district']],
  contact: [['investorId', 'investor']],
  project: [['investorId', 'investor'], ['parkId', 'park']],
  negotiation: [['projectId', 'project'], ['investorId', 'investor']],
  agreement: [['projectId', 'project']],
  funds: [['projectId', 'project']],
  request: [['projectId', 'project'], ['investorId', 'investor']],
  industry: [['parentId', 'industry']],
}

async function assertParentsLive(db: Kysely<Database>, entity: RecycleEntity, row: Record<string, unknown>): Promise<void> {
  const parents: [string, RecycleEntity][] = [...(PARENTS[entity] ?? [])]
  if (entity === 'attachment') parents.push(['entityId', row.entity as RecycleEntity])
  if (entity === 'target' && row.unitType !== undefined) parents.push(['unitId', row.unitType as RecycleEntity])
  for (const [column, table] of parents) {
    const parentId = row[column]
    if (typeof parentId !== 'string') continue
    const parent = await untyped(db).selectFrom(table).select('deletedAt').where('id', '=', parentId).executeTakeFirst()
    if (parent?.deletedAt) throw conflict(`它所属的${ENTITY_LABELS[table]}也在回收站中，请先恢复那一条`, { entity: table, id: parentId })
  }
}

const isUniqueViolation = (error: unknown) =>
  error instanceof Error && (error as Error & { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE'

/** Kinds whose service knows more (unique names, merged investors, the primary contact): restored by it. */
const RESTORERS: Partial<Record<RecycleEntity, (ctx: Ctx, id: string) => Promise<unknown>>> = {
  district: restoreDistrict,
  park: restorePark,
  user: restoreUser,
  industry: restoreIndustry,
  tag: restoreTag,
  investor: restoreInvestor,
  contact: restoreContact,
  project: restoreProject,
  negotiation: restoreNegotiation,
  agreement: restoreAgreement,
  funds: restoreFunds,
  request: restoreRequest,
  event: restoreEvent,
}

export async function restoreFromBin(ctx: Ctx, { entity, id }: RecycleTarget): Promise<void> {
  const label = ENTITY_LABELS[entity]
  const row = await untyped(ctx.db).selectFrom(entity).selectAll().where('id', '=', id).executeTakeFirst()
  if (!row || row.deletedAt === null) throw notFound(`回收站中的${label}`, id)
  await assertParentsLive(ctx.db, entity, row)
  try {
    const restore = RESTORERS[entity]
    if (restore) await restore(ctx, id)
    else await inTransaction(ctx, (trx) => restoreRecord(trx, ctx, entity, id, label))
  } catch (error) {
    // Partial unique indexes (names, credit codes, targets) say whether a live twin exists now.
    if (isUniqueViolation(error)) throw conflict(`已有相同的${label}（名称或编号重复），请先修改或删除那一条再恢复`, { entity, id })
    throw error
  }
}

/** Rows that point at a record and keep it from being purged. */
const REFERENCES: Partial<Record<RecycleEntity, [table: string, column: string, label: string][]>> = {
  user: [
    ['project', 'ownerId', '项目（责任人）'],
    ['project', 'leaderId', '项目（包挂领导）'],
    ['negotiation', 'ownerId', '洽谈记录'],
    ['request', 'assigneeId', '企业诉求'],
    ['event', 'ownerId', '招商活动'],
  ],
  district: [['park', 'districtId', '园区'], ['project', 'districtId', '项目']],
  park: [['project', 'parkId', '项目']],
  industry: [['industry', 'parentId', '下级产业'], ['investor', 'industryId', '客商'], ['project', 'industryId', '项目']],
  investor: [
    ['contact', 'investorId', '联系人'],
    ['project', 'investorId', '项目'],
    ['negotiation', 'investorId', '洽谈记录'],
    ['request', 'investorId', '企业诉求'],
    ['investor', 'mergedInto', '已合并的客商'],
  ],
  event: [['project', 'sourceEventId', '项目'], ['negotiation', 'eventId', '洽谈记录']],
  project: [
    ['negotiation', 'projectId', '洽谈记录'],
    ['agreement', 'projectId', '协议'],
    ['funds', 'projectId', '到位资金'],
    ['request', 'projectId', '企业诉求'],
  ],
}

/** Rows that belong to a record and go with it: links, stage events. Attachments are handled apart. */
const OWNED: Partial<Record<RecycleEntity, [table: string, column: string][]>> = {
  tag: [['investorTag', 'tagId'], ['projectTag', 'tagId']],
  investor: [['investorTag', 'investorId'], ['eventInvestor', 'investorId']],
  event: [['eventInvestor', 'eventId'], ['eventProject', 'eventId']],
  project: [['projectTag', 'projectId'], ['eventProject', 'projectId']],
}

const ATTACHABLE = new Set<RecycleEntity>(['project', 'investor', 'agreement', 'negotiation', 'request', 'event'])
const STAMPS = new Set(['id', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy'])

/** Hard-deletes one row and keeps its last content in the journal, so the purge is traceable. */
async function purgeRow(trx: Trx, ctx: Ctx, entity: string, row: Record<string, unknown>): Promise<void> {
  await untyped(trx).deleteFrom(entity).where('id', '=', row.id).execute()
  capturePurge(ctx, entity, row.id as string)
  const changes = Object.fromEntries(Object.entries(row).filter(([key]) => !STAMPS.has(key)).map(([key, value]) => [key, [value, null]]))
  await trx
    .insertInto('change')
    .values({ entity, entityId: row.id as string, action: 'purge', changes: JSON.stringify(changes), userId: ctx.userId, at: nowIso(ctx) })
    .execute()
}

async function assertUnreferenced(trx: Trx, entity: RecycleEntity, id: string): Promise<void> {
  for (const [table, column, label] of REFERENCES[entity] ?? []) {
    const refs = await untyped(trx)
      .selectFrom(table)
      .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.count<number>('deletedAt').as('deleted')])
      .where(column, '=', id)
      .$if(table === entity, (q) => q.where('id', '!=', id))
      .executeTakeFirstOrThrow()
    const live = Number(refs.total) - Number(refs.deleted)
    if (live > 0) throw conflict(`仍有${live}条${label}在使用它，不能彻底删除`, { table, live })
    if (Number(refs.deleted) > 0) {
      throw conflict(`回收站中还有${refs.deleted}条${label}引用它，请先彻底删除那些记录`, { table, deleted: Number(refs.deleted) })
    }
  }
}

export async function purgeFromBin(ctx: Ctx, { entity, id }: RecycleTarget): Promise<void> {
  const label = ENTITY_LABELS[entity]
  const blobs = await inTransaction(ctx, async (trx) => {
    const row = await untyped(trx).selectFrom(entity).selectAll().where('id', '=', id).executeTakeFirst()
    if (!row || row.deletedAt === null) throw notFound(`回收站中的${label}`, id)
    await assertUnreferenced(trx, entity, id)
    if (entity === 'district' || entity === 'park' || entity === 'user') {
      // No foreign key guards a target's unit; a target of a purged unit would count for nobody.
      const target = await trx.selectFrom('target').select('id').where('unitType', '=', entity).where('unitId', '=', id).executeTakeFirst()
      if (target) throw conflict(`还有属于这个${label}的年度目标（含回收站中的），不能彻底删除`)
    }
    for (const [table, column] of OWNED[entity] ?? []) {
      const links = await untyped(trx).selectFrom(table).selectAll().where(column, '=', id).execute()
      await untyped(trx).deleteFrom(table).where(column, '=', id).execute()
      for (const link of links) captureLink(ctx, table, link, false)
    }
    if (entity === 'project') {
      const events = await trx.selectFrom('stageEvent').selectAll().where('projectId', '=', id).execute()
      for (const event of events) await purgeRow(trx, ctx, 'stageEvent', event)
    }
    const attachments = ATTACHABLE.has(entity)
      ? await trx.selectFrom('attachment').selectAll().where('entity', '=', entity as never).where('entityId', '=', id).execute()
      : entity === 'attachment'
        ? [row]
        : []
    for (const attachment of attachments) if (attachment.id !== id) await purgeRow(trx, ctx, 'attachment', attachment)
    await purgeRow(trx, ctx, entity, row)
    return [...new Set(attachments.map((a) => a.sha256 as string))]
  })
  // Files go after the commit: a rolled-back purge must not lose them.
  for (const sha256 of blobs) await removeBlobIfUnused(ctx, sha256)
}

