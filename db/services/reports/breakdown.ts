// Breakdowns: projects and 总投资 per district, park, industry (top level), investor origin, city,
// ownership, responsible person or stage, with the count per current stage. One GROUP BY over
// the cohort (scope + reserve date in the period), labels joined for the groups only.
import { type RawBuilder, sql } from 'kysely'
import type { Ctx } from '../../context'
import { yuanToWanExact } from '../../domain/money'
import type { BreakdownBy, BreakdownQuery, BreakdownResult, BreakdownRow, ReportDrill } from '../../domain/report'
import { STAGES, STAGE_LABELS, type Stage } from '../../domain/stages'
import { ORIGIN, OWNERSHIP } from '../../domain/vocab'
import { INVESTMENT, drillCondition, exact, parseDrill, periodOf, scopeDrill } from './filters'

const NONE = '未填写'

interface Grouping {
  key: RawBuilder<string | null>
  /** The drill key that selects one group (the same value, null for 未填写). */
  drill: (key: string | null) => ReportDrill
  labels: (ctx: Ctx, keys: string[]) => Promise<Map<string, string>>
}

const names = (table: 'district' | 'park' | 'industry' | 'user') => async (ctx: Ctx, keys: string[]) => {
  if (keys.length === 0) return new Map<string, string>()
  const rows = await ctx.db.selectFrom(table).select(['id', 'name']).where('id', 'in', keys).execute()
  return new Map(rows.map((r) => [r.id, r.name]))
}

const words = (labels: Record<string, string>) => async () => new Map(Object.entries(labels))
const same = async (_: Ctx, keys: string[]) => new Map(keys.map((k) => [k, k]))

const GROUPINGS: Record<BreakdownBy, Grouping> = {
  district: { key: sql`p.district_id`, drill: (districtId) => ({ districtId }), labels: names('district') },
  park: { key: sql`p.park_id`, drill: (parkId) => ({ parkId }), labels: names('park') },
  industry: {
    // Chain links count under their top-level industry (the hierarchy has two levels).
    key: sql`(SELECT coalesce(x.parent_id, x.id) FROM industry x WHERE x.id = p.industry_id)`,
    drill: (industryId) => ({ industryId }),
    labels: names('industry'),
  },
  origin: { key: sql`(SELECT i.origin FROM investor i WHERE i.id = p.investor_id)`, drill: (k) => ({ origin: k as never }), labels: words(ORIGIN.labels) },
  city: { key: sql`(SELECT i.origin_city FROM investor i WHERE i.id = p.investor_id)`, drill: (originCity) => ({ originCity }), labels: same },
  ownership: {
    key: sql`(SELECT i.ownership FROM investor i WHERE i.id = p.investor_id)`,
    drill: (k) => ({ ownership: k as never }),
    labels: words(OWNERSHIP.labels),
  },
  person: { key: sql`p.owner_id`, drill: (ownerId) => ({ ownerId }), labels: names('user') },
  stage: { key: sql`p.stage`, drill: (k) => ({ stages: [k as Stage] }), labels: words(STAGE_LABELS) },
}

const emptyStages = (): Record<Stage, number> => Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>

export async function breakdownReport(ctx: Ctx, query: BreakdownQuery): Promise<BreakdownResult> {
  const period = periodOf(query)
  const base: ReportDrill = { ...scopeDrill(query), ...(period ? { dates: { reserve: { from: period.from, to: period.to } } } : {}) }
  const grouping = GROUPINGS[query.by]
  const result = await sql<{ k: string | null; stage: Stage; n: number; s: number | null }>`
    SELECT ${grouping.key} AS k, p.stage, count(*) AS n, sum(${INVESTMENT}) AS s
    FROM project p WHERE ${drillCondition(parseDrill(base))} GROUP BY k, p.stage`.execute(ctx.db)

  const groups = new Map<string | null, { projects: number; sum: number; byStage: Record<Stage, number> }>()
  const total = { projects: 0, sum: 0, byStage: emptyStages() }
  for (const row of result.rows) {
    const group = groups.get(row.k) ?? { projects: 0, sum: 0, byStage: emptyStages() }
    const s = exact(row.s)
    group.projects += row.n
    group.sum = exact(group.sum + s)
    group.byStage[row.stage] += row.n
    groups.set(row.k, group)
    total.projects += row.n
    total.sum = exact(total.sum + s)
    total.byStage[row.stage] += row.n
  }
  // By stage every stage gets its row, zeros included: the table of the monthly report is fixed.
  if (query.by === 'stage') for (const stage of STAGES) if (!groups.has(stage)) groups.set(stage, { projects: 0, sum: 0, byStage: emptyStages() })
  const labels = await grouping.labels(ctx, [...groups.keys()].filter((k): k is string => k !== null))
  const rows: BreakdownRow[] = [...groups].map(([key, g]) => ({
    key,
    label: key === null ? NONE : (labels.get(key) ?? key),
    projects: g.projects,
    investmentYuan: g.sum,
    investmentWan: yuanToWanExact(g.sum),
    byStage: g.byStage,
    drill: { ...base, ...grouping.drill(key) },
  }))
  // Stages in funnel order; everything else by 总投资, largest first, 未填写 last.
  rows.sort((a, b) =>
    query.by === 'stage'
      ? STAGES.indexOf(a.key as Stage) - STAGES.indexOf(b.key as Stage)
      : Number(a.key === null) - Number(b.key === null) || b.investmentYuan - a.investmentYuan || b.projects - a.projects || a.label.localeCompare(b.label, 'zh'),
  )
  return {
    by: query.by,
    period,
    rows,
    total: { key: null, label: '合计', projects: total.projects, investmentYuan: total.sum, investmentWan: yuanToWanExact(total.sum), byStage: total.byStage, drill: base },
  }
}
