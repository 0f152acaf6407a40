// report-drill: the projects behind a figure, with the count and exact sum of the same condition
// the figure was computed with (filters.drillCondition), so the two always agree.
import { sql } from 'kysely'
import type { Ctx } from '../../context'
import { yuanToWanExact } from '../../domain/money'
import type { DrillQuery, DrillResult, DrillRow, ParsedDrill } from '../../domain/report'
import { SIGN_ON, drillCondition, exact, measureOf } from './filters'
import './exceptions'

/** One page of a drill's projects, largest measure first (the rows a manager asks about). */
export async function drillRows(ctx: Ctx, drill: ParsedDrill, page: number, pageSize: number): Promise<DrillRow[]> {
  const result = await sql<DrillRow>`SELECT p.id, p.name, p.stage, d.name AS district_name, k.name AS park_name,
      p.owner_id, u.name AS owner_name, p.total_investment_yuan, p.reserve_on, ${SIGN_ON} AS signed_on,
      p.started_on, p.operating_on, ${measureOf(drill)} AS measure_yuan
    FROM project p
    LEFT JOIN district d ON d.id = p.district_id
    LEFT JOIN park k ON k.id = p.park_id
    LEFT JOIN user u ON u.id = p.owner_id
    WHERE ${drillCondition(drill)}
    ORDER BY measure_yuan DESC, p.reserve_on, p.id
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`.execute(ctx.db)
  return result.rows
}

export async function reportDrill(ctx: Ctx, query: DrillQuery): Promise<DrillResult> {
  const { drill, page, pageSize } = query
  const totals = await sql<{ n: number; s: number | null }>`SELECT count(*) AS n, sum(${measureOf(drill)}) AS s
    FROM project p WHERE ${drillCondition(drill)}`.execute(ctx.db)
  const sumYuan = exact(totals.rows[0]!.s)
  const rows = await drillRows(ctx, drill, page, pageSize)
  return { count: totals.rows[0]!.n, sumYuan, sumWan: yuanToWanExact(sumYuan), rows, page, pageSize }
}
