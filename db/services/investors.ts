// Investors (客商): create, edit, read, list, delete and restore, with tags and duplicate guards.
import { type Kysely, sql } from 'kysely'
import { escapeLike, likeColumn, likeContains } from './like'
import { type Ctx, type Trx, inTransaction, nowIso } from '../context'
import { normalizeCreditCode } from '../domain/credit-code'
import { conflict, notFound } from '../domain/errors'
import type {
  DuplicateCandidate,
  InvestorCreate,
  InvestorDetail,
  InvestorFields,
  InvestorListQuery,
  InvestorPage,
  InvestorRow,
  InvestorUpdate,
  InvestorView,
} from '../domain/investor'
import { normalizeInvestorName } from '../domain/investor-name'
import { searchKeys } from '../domain/pinyin'
import type { Database, Tag } from '../schema'
import { insertContacts, listContacts } from './contacts'
import { byCreditCode, duplicatesByName } from './investor-duplicates'
import { deleteRecord, getLive, insertRecord, restoreRecord, updateRecord } from './records'
import { captureLink } from '../sync/capture'
import { liveTags } from './tags'

const WHAT = '客商'

/** The columns derived from a name: what duplicate checks and pinyin search read. */
export function nameColumns(name: string) {
  const keys = searchKeys(name)
  return { name, nameNorm: normalizeInvestorName(name), searchKeys: `${keys.full} ${keys.initials}` }
}

function toColumns({ registeredCapital, tagIds: _tags, name, ...rest }: Partial<InvestorFields>) {
  return {
    ...rest,
    ...(name === undefined ? {} : nameColumns(name)),
    ...(registeredCapital === undefined ? {} : { registeredCapitalYuan: registeredCapital }),
  }
}

/**
 * A journal entry for what has no record columns of its own (tag and event links, merges), in the
 * same shape updateRecord writes.
 */
type Diff = Record<string, [unknown, unknown]>

export async function journalUpdate(trx: Trx, ctx: Ctx, entity: string, entityId: string, changes: Diff): Promise<void> {
  await trx
    .insertInto('change')
    .values({ entity, entityId, action: 'update', changes: JSON.stringify(changes), userId: ctx.userId, at: nowIso(ctx) })
    .execute()
}

export function selectInvestors(db: Kysely<Database>) {
  return db
    .selectFrom('investor as i')
    .leftJoin('industry as ind', 'ind.id', 'i.industryId')
    .leftJoin('industry as par', 'par.id', 'ind.parentId')
    .selectAll('i')
    .select(sql<string | null>`CASE WHEN ${sql.ref('par.name')} IS NULL THEN ${sql.ref('ind.name')}
      ELSE ${sql.ref('par.name')} || ' / ' || ${sql.ref('ind.name')} END`.as('industryName'))
}

export async function getInvestorView(db: Kysely<Database>, id: string): Promise<InvestorView> {
  const row = await selectInvestors(db).where('i.id', '=', id).where('i.deletedAt', 'is', null).executeTakeFirst()
  if (!row) throw notFound(WHAT, id)
  return row
}

/** Live tags of an investor (links to deleted tags wait for the tag's restore). */
export function investorTags(db: Kysely<Database>, investorId: string): Promise<Tag[]> {
  return db
    .selectFrom('investorTag as it')
    .innerJoin('tag as t', 't.id', 'it.tagId')
    .selectAll('t')
    .where('it.investorId', '=', investorId)
    .where('t.deletedAt', 'is', null)
    .orderBy('t.name')
    .execute()
}

export async function getInvestor(ctx: Ctx, id: string): Promise<InvestorDetail> {
  const investor = await getInvestorView(ctx.db, id)
  const liveProjects = ctx.db.selectFrom('project').select('id').where('investorId', '=', id).where('deletedAt', 'is', null)
  const projects = await liveProjects.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  // A follow-up belongs to the investor directly or through one of its projects.
  const negotiations = await ctx.db
    .selectFrom('negotiation')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('deletedAt', 'is', null)
    .where((eb) => eb.or([eb('investorId', '=', id), eb('projectId', 'in', liveProjects)]))
    .executeTakeFirstOrThrow()
  return {
    ...investor,
    contacts: await listContacts(ctx.db, id),
    tags: await investorTags(ctx.db, id),
    projectCount: projects.n,
    negotiationCount: negotiations.n,
  }
}


function filtered(db: Kysely<Database>, query: InvestorListQuery) {
  const text = query.text ? query.text : undefined
  return db
    .selectFrom('investor as i')
    .where('i.deletedAt', 'is', null)
    .$if(text !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          likeColumn('i.name', likeContains(text!)),
          likeColumn('i.searchKeys', likeContains(text!.toLowerCase().replace(/\s+/g, ''))),
          likeColumn('i.creditCode', `${escapeLike(normalizeCreditCode(text!))}%`),
        ]),
      ),
    )
    .$if(query.ownership !== undefined, (q) => q.where('i.ownership', '=', query.ownership!))
    .$if(query.origin !== undefined, (q) => q.where('i.origin', '=', query.origin!))
    .$if(query.sourceChannel !== undefined, (q) => q.where('i.sourceChannel', '=', query.sourceChannel!))
    .$if(query.industryId !== undefined, (q) =>
      q.where('i.industryId', 'in', (eb) =>
        eb
          .selectFrom('industry')
          .select('id')
          .where((w) => w.or([w('id', '=', query.industryId!), w('parentId', '=', query.industryId!)])),
      ),
    )
    .$if((query.tagIds ?? []).length > 0, (q) =>
      [...new Set(query.tagIds)].reduce(
        (acc, tagId) =>
          acc.where((eb) =>
            eb.exists(
              eb
                .selectFrom('investorTag as it')
                .select('it.tagId')
                .whereRef('it.investorId', '=', 'i.id')
                .where('it.tagId', '=', tagId),
            ),
          ),
        q,
      ),
    )
}

const SORT_COLUMN = {
  updatedAt: 'i.updatedAt',
  createdAt: 'i.createdAt',
  // searchKeys starts with the full pinyin: the order people expect from a Chinese list.
  name: 'i.searchKeys',
  registeredCapital: 'i.registeredCapitalYuan',
} as const

export async function listInvestors(ctx: Ctx, query: InvestorListQuery): Promise<InvestorPage> {
  const { total } = await filtered(ctx.db, query)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow()
  const desc = query.desc ?? query.sort !== 'name'
  const page = await filtered(ctx.db, query)
    .select('i.id')
    .orderBy(SORT_COLUMN[query.sort], desc ? 'desc' : 'asc')
    .orderBy('i.id', desc ? 'desc' : 'asc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute()
  if (page.length === 0) return { rows: [], total }
  // Counts and sums only for the rows on this page.
  const rows = await selectInvestors(ctx.db)
    .select((eb) => [
      eb
        .selectFrom('project as p')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('p.investorId', '=', 'i.id')
        .where('p.deletedAt', 'is', null)
        .as('projectCount'),
      eb
        .selectFrom('project as p')
        .select(sql<number>`coalesce(sum(${sql.ref('p.totalInvestmentYuan')}), 0)`.as('s'))
        .whereRef('p.investorId', '=', 'i.id')
        .where('p.deletedAt', 'is', null)
        .as('totalInvestmentYuan'),
    ])
    .where(
      'i.id',
      'in',
      page.map((row) => row.id),
    )
    .execute()
  const byId = new Map(rows.map((row) => [row.id, row as InvestorRow]))
  return { rows: page.map((row) => byId.get(row.id)!), total }
}

/**
 * The credit code is a hard key (the unique index enforces it too; this names the other investor).
 * A similar name only stops the write until the person confirms it is another company.
 */
interface DuplicateGuard {
  name?: string
  creditCode?: string | null
  confirmDuplicate?: boolean
}

async function guardDuplicates(trx: Trx, input: DuplicateGuard, selfId?: string): Promise<void> {
  if (input.creditCode) {
    const clash = await byCreditCode(trx, input.creditCode, selfId).executeTakeFirst()
    if (clash) {
      throw conflict(`统一社会信用代码 ${input.creditCode} 已属于客商“${clash.name}”`, {
        field: 'creditCode',
        id: clash.id,
        duplicates: [{ ...clash, similarity: 1 }],
      })
    }
  }
  if (input.name === undefined || input.confirmDuplicate) return
  const found = await duplicatesByName(trx, input.name, selfId)
  if (found.length === 0) return
  const names = found.slice(0, 3).map((d) => `“${d.name}”`).join('、')
  throw conflict(`可能与已有客商重复：${names}。如确认是不同企业，请确认后再保存`, {
    duplicates: found.map(
      ({ id, name, creditCode, similarity }): Omit<DuplicateCandidate, 'reason'> => ({ id, name, creditCode, similarity }),
    ),
  })
}

async function assertIndustry(trx: Trx, industryId: string | null | undefined) {
  if (industryId) await getLive(trx, 'industry', industryId, '产业')
}

/** Replaces the investor's live tags by tagIds and journals the names before and after. */
export async function setInvestorTags(trx: Trx, ctx: Ctx, investorId: string, tagIds: readonly string[]): Promise<void> {
  const next = await liveTags(trx, tagIds)
  const before = await investorTags(trx, investorId)
  const keep = new Set(next.map((tag) => tag.id))
  const gone = before.filter((tag) => !keep.has(tag.id)).map((tag) => tag.id)
  const added = next.filter((tag) => !before.some((b) => b.id === tag.id))
  if (gone.length === 0 && added.length === 0) return
  if (gone.length > 0) {
    await trx.deleteFrom('investorTag').where('investorId', '=', investorId).where('tagId', 'in', gone).execute()
    for (const tagId of gone) captureLink(ctx, 'investorTag', { investorId, tagId }, false)
  }
  if (added.length > 0) {
    await trx
      .insertInto('investorTag')
      .values(added.map((tag) => ({ investorId, tagId: tag.id })))
      .onConflict((oc) => oc.doNothing())
      .execute()
    for (const tag of added) captureLink(ctx, 'investorTag', { investorId, tagId: tag.id }, true)
  }
  const names = (tags: Tag[]) => tags.map((tag) => tag.name).sort()
  await journalUpdate(trx, ctx, 'investor', investorId, { tags: [names(before), names(next)] })
}

export async function createInvestor(ctx: Ctx, input: InvestorCreate): Promise<InvestorDetail> {
  const { contacts, confirmDuplicate, ...fields } = input
  const id = await inTransaction(ctx, async (trx) => {
    await assertIndustry(trx, fields.industryId)
    await guardDuplicates(trx, { ...fields, confirmDuplicate })
    const id = await insertRecord(trx, ctx, 'investor', { ...toColumns(fields), ...nameColumns(fields.name) })
    if (fields.tagIds) await setInvestorTags(trx, ctx, id, fields.tagIds)
    if (contacts) await insertContacts(trx, ctx, id, contacts)
    return id
  })
  return getInvestor(ctx, id)
}

export async function updateInvestor(ctx: Ctx, { id, confirmDuplicate, ...patch }: InvestorUpdate): Promise<InvestorDetail> {
  await inTransaction(ctx, async (trx) => {
    const before = await getLive(trx, 'investor', id, WHAT)
    await assertIndustry(trx, patch.industryId)
    // Only a name that now reads differently is checked again: re-saving a known near-twin is fine.
    const renamed = patch.name !== undefined && normalizeInvestorName(patch.name) !== before.nameNorm
    const code = patch.creditCode !== undefined && patch.creditCode !== before.creditCode ? patch.creditCode : undefined
    await guardDuplicates(trx, { name: renamed ? patch.name : undefined, creditCode: code, confirmDuplicate }, id)
    await updateRecord(trx, ctx, 'investor', id, toColumns(patch), WHAT)
    if (patch.tagIds) await setInvestorTags(trx, ctx, id, patch.tagIds)
  })
  return getInvestor(ctx, id)
}

export async function deleteInvestor(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    await getLive(trx, 'investor', id, WHAT)
    const projects = await trx
      .selectFrom('project')
      .select(['name', sql<number>`count(*) OVER ()`.as('n')])
      .where('investorId', '=', id)
      .where('deletedAt', 'is', null)
      .orderBy('name')
      .limit(1)
      .executeTakeFirst()
    if (projects) {
      throw conflict(`该客商还有${projects.n}个项目（如“${projects.name}”），请先删除这些项目或改为其他客商`, { projectCount: projects.n })
    }
    await deleteRecord(trx, ctx, 'investor', id, WHAT)
  })
}

export async function restoreInvestor(ctx: Ctx, id: string): Promise<InvestorDetail> {
  await inTransaction(ctx, async (trx) => {
    const row = await trx
      .selectFrom('investor')
      .select(['creditCode', 'mergedInto', 'deletedAt'])
      .where('id', '=', id)
      .executeTakeFirst()
    if (row?.deletedAt && row.mergedInto) {
      const target = await trx.selectFrom('investor').select('name').where('id', '=', row.mergedInto).executeTakeFirst()
      throw conflict(`该客商已合并到“${target?.name ?? row.mergedInto}”，不能恢复`, { mergedInto: row.mergedInto })
    }
    if (row?.deletedAt && row.creditCode) await guardDuplicates(trx, { creditCode: row.creditCode }, id)
    await restoreRecord(trx, ctx, 'investor', id, WHAT)
  })
  return getInvestor(ctx, id)
}
