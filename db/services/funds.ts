// Funds in place (到位资金): amounts by date per project, summed per year. SQLite sums integers
// exactly, so the totals match the ledger to the 元. Funds of deleted projects do not count.
import { type Kysely, sql } from 'kysely'
import { type Ctx, inTransaction } from '../context'
import type {
  FundsFields,
  FundsListQuery,
  FundsPage,
  FundsSummary,
  FundsSummaryQuery,
  FundsUpdate,
  FundsView,
} from '../domain/deal'
import { exactTotal } from '../domain/money'
import type { Database } from '../schema'
import { assertNotFuture, likeAny, likePattern, liveProject, pageWindow } from './followup-refs'
import { deleteRecord, getLive, insertRecord, restoreRecord, updateRecord } from './records'

const WHAT = '到位资金记录'

// Generic so that a full input gives a full row (typed insert) and a partial one a patch; an
// undefined amountYuan is left out of the write by kysely and by updateRecord.
function toColumns<F extends Partial<FundsFields>>({ amount, ...rest }: F): Omit<F, 'amount'> & { amountYuan: F['amount'] } {
  return { ...rest, amountYuan: amount }
}

function fromFunds(db: Kysely<Database>) {
  return db
    .selectFrom('funds as f')
    .innerJoin('project as p', 'p.id', 'f.projectId')
    .where('f.deletedAt', 'is', null)
    .where('p.deletedAt', 'is', null)
}

// A year as a date range, so the funds_arrived index serves it: 12-31 is the old year, 01-01 the new.
const amount = sql.ref('f.amountYuan')

const yearRange = (year: number): [string, string] => [`${year}-01-01`, `${year}-12-31`]

function filtered(ctx: Ctx, query: Omit<FundsListQuery, 'page' | 'pageSize'>) {
  const text = likePattern(query.text)
  let q = fromFunds(ctx.db)
  if (query.projectId) q = q.where('f.projectId', '=', query.projectId)
  if (query.year !== undefined) {
    const [first, last] = yearRange(query.year)
    q = q.where('f.arrivedOn', '>=', first).where('f.arrivedOn', '<=', last)
  }
  if (query.from) q = q.where('f.arrivedOn', '>=', query.from)
  if (query.to) q = q.where('f.arrivedOn', '<=', query.to)
  if (text) q = q.where(likeAny(['p.name', 'f.note'], text))
  return q
}

export async function listFunds(ctx: Ctx, query: FundsListQuery): Promise<FundsPage> {
  const { limit, offset } = pageWindow(query)
  const rows = await filtered(ctx, query)
    .selectAll('f')
    .select('p.name as projectName')
    .orderBy('f.arrivedOn', 'desc')
    .orderBy('f.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute()
  const totals = await filtered(ctx, query)
    .select((eb) => [eb.fn.countAll<number>().as('total'), sql<number>`coalesce(sum(${amount}), 0)`.as('totalYuan')])
    .executeTakeFirstOrThrow()
  return { rows, ...totals }
}

export async function fundsSummary(ctx: Ctx, query: FundsSummaryQuery): Promise<FundsSummary> {
  const yearOf = sql<number>`cast(substr(${sql.ref('f.arrivedOn')}, 1, 4) as integer)`
  const years = await filtered(ctx, query)
    .select((eb) => [yearOf.as('year'), sql<number>`sum(${amount})`.as('amountYuan'), eb.fn.countAll<number>().as('count')])
    .groupBy(yearOf)
    .orderBy(yearOf)
    .execute()
  const totalYuan = exactTotal(years.reduce((sum, row) => sum + row.amountYuan, 0))
  return { years, totalYuan }
}

async function getFunds(ctx: Ctx, id: string): Promise<FundsView> {
  await getLive(ctx.db, 'funds', id, WHAT)
  return ctx.db
    .selectFrom('funds as f')
    .innerJoin('project as p', 'p.id', 'f.projectId')
    .selectAll('f')
    .select('p.name as projectName')
    .where('f.id', '=', id)
    .executeTakeFirstOrThrow()
}

export async function createFunds(ctx: Ctx, input: FundsFields): Promise<FundsView> {
  assertNotFuture(ctx, input.arrivedOn, '到位日期', 'arrivedOn')
  const id = await inTransaction(ctx, async (trx) => {
    await liveProject(trx, input.projectId)
    return insertRecord(trx, ctx, 'funds', toColumns(input))
  })
  return getFunds(ctx, id)
}

export async function updateFunds(ctx: Ctx, { id, ...patch }: FundsUpdate): Promise<FundsView> {
  assertNotFuture(ctx, patch.arrivedOn, '到位日期', 'arrivedOn')
  await inTransaction(ctx, async (trx) => {
    await getLive(trx, 'funds', id, WHAT)
    if (patch.projectId !== undefined) await liveProject(trx, patch.projectId)
    await updateRecord(trx, ctx, 'funds', id, toColumns(patch), WHAT)
  })
  return getFunds(ctx, id)
}

export async function deleteFunds(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, (trx) => deleteRecord(trx, ctx, 'funds', id, WHAT))
}

export async function restoreFunds(ctx: Ctx, id: string): Promise<FundsView> {
  await inTransaction(ctx, (trx) => restoreRecord(trx, ctx, 'funds', id, WHAT))
  return getFunds(ctx, id)
}
