// Yearly targets (年度目标): one live value per year, unit and indicator (the target_unit index).
import { sql } from 'kysely'
import { type Ctx, inTransaction } from '../context'
import type { TargetListQuery, TargetSet, TargetView } from '../domain/target'
import { TARGET_INDICATOR, TARGET_UNIT, type TargetUnit } from '../domain/vocab'
import { assertLive } from './followup-refs'
import { deleteRecord, insertRecord, updateRecord } from './records'

const WHAT = '年度目标'

const UNIT_TABLE = { district: 'district', park: 'park', user: 'user' } as const satisfies Record<TargetUnit, string>
const UNIT_WHAT: Record<TargetUnit, string> = { district: '区县', park: '园区', user: '人员' }

// Lists follow the order of the word lists (区县, 园区, 个人; indicators as in the monthly report).
const rankOf = (column: string, keys: readonly string[]) =>
  sql<number>`case ${sql.ref(column)} ${sql.join(keys.map((key, i) => sql`when ${key} then ${i}`), sql` `)} end`

function selectTargets(ctx: Ctx) {
  return ctx.db
    .selectFrom('target as t')
    .leftJoin('district as d', (join) => join.onRef('d.id', '=', 't.unitId').on('t.unitType', '=', 'district'))
    .leftJoin('park as k', (join) => join.onRef('k.id', '=', 't.unitId').on('t.unitType', '=', 'park'))
    .leftJoin('user as u', (join) => join.onRef('u.id', '=', 't.unitId').on('t.unitType', '=', 'user'))
    .selectAll('t')
    .select((eb) => eb.fn.coalesce('d.name', 'k.name', 'u.name').as('unitName'))
    .where('t.deletedAt', 'is', null)
}

export async function listTargets(ctx: Ctx, query: TargetListQuery): Promise<TargetView[]> {
  return selectTargets(ctx)
    .where('t.year', '=', query.year)
    .$if(query.unitType !== undefined, (q) => q.where('t.unitType', '=', query.unitType!))
    .$if(query.unitId !== undefined, (q) => q.where('t.unitId', '=', query.unitId!))
    .orderBy(rankOf('t.unitType', TARGET_UNIT.keys))
    .orderBy('unitName')
    .orderBy('t.unitId')
    .orderBy(rankOf('t.indicator', TARGET_INDICATOR.keys))
    .execute()
}

/** Creates the target for its key, or changes the value of the live one. */
export async function setTarget(ctx: Ctx, input: TargetSet): Promise<TargetView> {
  const id = await inTransaction(ctx, async (trx) => {
    await assertLive(trx, UNIT_TABLE[input.unitType], input.unitId, UNIT_WHAT[input.unitType])
    const existing = await trx
      .selectFrom('target')
      .select('id')
      .where('year', '=', input.year)
      .where('unitType', '=', input.unitType)
      .where('unitId', '=', input.unitId)
      .where('indicator', '=', input.indicator)
      .where('deletedAt', 'is', null)
      .executeTakeFirst()
    if (!existing) return insertRecord(trx, ctx, 'target', input)
    await updateRecord(trx, ctx, 'target', existing.id, { value: input.value }, WHAT)
    return existing.id
  })
  return selectTargets(ctx).where('t.id', '=', id).executeTakeFirstOrThrow()
}

export async function deleteTarget(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, (trx) => deleteRecord(trx, ctx, 'target', id, WHAT))
}
