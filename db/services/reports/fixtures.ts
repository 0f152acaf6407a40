// Test facts for the report tests: a small ledger written straight into the tables (not through
// the other services), so every figure can be worked out by hand. See the comments per project.
import type { Insertable } from 'kysely'
import type { Ctx } from '../../context'
import type { Database } from '../../schema'

const AT = '2024-01-01T00:00:00.000Z'
const rec = (id: string) => ({ id, createdAt: AT, updatedAt: AT })

type Row<T extends keyof Database> = Omit<Insertable<Database[T]>, 'id' | 'createdAt' | 'updatedAt'>

async function put<T extends keyof Database>(ctx: Ctx, table: T, id: string, row: Row<T>): Promise<void> {
  await ctx.db.insertInto(table).values({ ...rec(id), ...row } as never).execute()
}

type ProjectFacts = Partial<Row<'project'>> & Pick<Row<'project'>, 'reserveOn' | 'stage' | 'stageOn'>

const project = (ctx: Ctx, id: string, facts: ProjectFacts) => put(ctx, 'project', id, { name: `项目${id}`, searchKeys: '', ...facts })

let eventSeq = 0
async function moves(ctx: Ctx, projectId: string, steps: Array<[string | null, string, string]>): Promise<void> {
  for (const [fromStage, toStage, happenedOn] of steps) {
    eventSeq += 1
    await put(ctx, 'stageEvent', `SE${String(eventSeq).padStart(4, '0')}`, { projectId, fromStage: fromStage as never, toStage: toStage as never, happenedOn })
  }
}

/**
 * P1 signed (agreement 03-15 wins over signed_on 03-31), P2 started (no agreement, 0.1234…亿),
 * P3 operating since 2023, P4 terminated after signing, P5 went back from signed to negotiating,
 * P6 deleted, P7 lead from 2023-12-31, P8 lost, P9 reserve→operating within 2024.
 */
export async function fillLedger(ctx: Ctx): Promise<void> {
  eventSeq = 0
  await put(ctx, 'user', 'U1', { name: '张三', role: 'staff' })
  await put(ctx, 'user', 'U2', { name: '李四', role: 'staff' })
  await put(ctx, 'district', 'D1', { name: '槐荫区' })
  await put(ctx, 'district', 'D2', { name: '长清区' })
  await put(ctx, 'park', 'K1', { districtId: 'D1', name: '济南国际医学中心' })
  await put(ctx, 'park', 'K2', { districtId: 'D2', name: '长清经济开发区' })
  await put(ctx, 'industry', 'I1', { name: '生物医药', parentId: null, sortOrder: 0 })
  await put(ctx, 'industry', 'I1C', { name: '医疗器械', parentId: 'I1', sortOrder: 0 })
  await put(ctx, 'industry', 'I2', { name: '高端装备', parentId: null, sortOrder: 1 })
  const investor = { searchKeys: '' }
  await put(ctx, 'investor', 'V1', { ...investor, name: '北京某医药', nameNorm: 'v1', origin: 'other_province', originCity: '北京', ownership: 'private' })
  await put(ctx, 'investor', 'V2', { ...investor, name: '济南某国企', nameNorm: 'v2', origin: 'local', originCity: '济南', ownership: 'soe' })
  await put(ctx, 'investor', 'V3', { ...investor, name: '新加坡某外资', nameNorm: 'v3', origin: 'overseas', originCity: '新加坡', ownership: 'foreign' })

  const d1 = { districtId: 'D1', parkId: 'K1', ownerId: 'U1' }
  const d2 = { districtId: 'D2', parkId: 'K2', ownerId: 'U2' }
  await project(ctx, 'P1', { ...d1, industryId: 'I1C', investorId: 'V1', priority: 'provincial', reserveOn: '2024-01-01', stage: 'signed', stageOn: '2024-03-31', signedOn: '2024-03-31', totalInvestmentYuan: 1_000_000_000 })
  await moves(ctx, 'P1', [['lead', 'contacted', '2024-01-11'], ['contacted', 'negotiating', '2024-02-01'], ['negotiating', 'signed', '2024-03-31']])
  await put(ctx, 'agreement', 'A1', { projectId: 'P1', type: 'investment', signedOn: '2024-03-15', amountYuan: 800_000_000 })
  await put(ctx, 'agreement', 'A1S', { projectId: 'P1', type: 'supplement', signedOn: '2024-01-10', amountYuan: 5 })
  await put(ctx, 'funds', 'F1', { projectId: 'P1', arrivedOn: '2024-06-01', amountYuan: 200_000_000 })

  await project(ctx, 'P2', { ...d1, industryId: 'I1', investorId: 'V2', reserveOn: '2024-12-31', stage: 'started', stageOn: '2024-06-30', signedOn: '2024-02-10', registeredOn: '2024-04-01', startedOn: '2024-06-30', totalInvestmentYuan: 123_456_789 })
  await moves(ctx, 'P2', [[null, 'started', '2024-06-30']])

  await project(ctx, 'P3', { ...d2, industryId: 'I2', investorId: 'V3', reserveOn: '2023-05-05', stage: 'operating', stageOn: '2024-09-30', signedOn: '2023-06-01', registeredOn: '2023-07-01', startedOn: '2023-08-01', completedOn: '2024-01-15', operatingOn: '2024-09-30', totalInvestmentYuan: 500_000_000 })
  await moves(ctx, 'P3', [[null, 'signed', '2023-06-01'], ['signed', 'registered', '2023-07-01'], ['registered', 'started', '2023-08-01'], ['started', 'completed', '2024-01-15'], ['completed', 'operating', '2024-09-30']])
  await put(ctx, 'agreement', 'A3F', { projectId: 'P3', type: 'framework', signedOn: '2023-05-20', amountYuan: 300_000_000 })
  await put(ctx, 'agreement', 'A3I', { projectId: 'P3', type: 'investment', signedOn: '2023-06-01', amountYuan: 500_000_000 })
  await put(ctx, 'funds', 'F3A', { projectId: 'P3', arrivedOn: '2023-12-31', amountYuan: 100_000_000 })
  await put(ctx, 'funds', 'F3B', { projectId: 'P3', arrivedOn: '2024-01-01', amountYuan: 100_000_000 })

  await project(ctx, 'P4', { districtId: 'D2', ownerId: 'U2', reserveOn: '2024-02-01', stage: 'terminated', stageOn: '2024-06-15', signedOn: '2024-03-01', totalInvestmentYuan: 200_000_000 })
  await moves(ctx, 'P4', [[null, 'signed', '2024-03-01'], ['signed', 'terminated', '2024-06-15']])

  await project(ctx, 'P5', { districtId: 'D1', ownerId: 'U1', reserveOn: '2024-01-15', stage: 'negotiating', stageOn: '2024-05-01', totalInvestmentYuan: 50_000_000 })
  await moves(ctx, 'P5', [['lead', 'contacted', '2024-02-01'], ['contacted', 'negotiating', '2024-03-01'], ['negotiating', 'signed', '2024-04-01'], ['signed', 'negotiating', '2024-05-01']])
  await put(ctx, 'agreement', 'A5', { projectId: 'P5', type: 'framework', signedOn: '2024-04-01', amountYuan: 40_000_000 })

  await project(ctx, 'P6', { ...d1, reserveOn: '2024-03-03', stage: 'signed', stageOn: '2024-03-03', signedOn: '2024-03-03', totalInvestmentYuan: 999, deletedAt: '2024-05-01T00:00:00.000Z' })
  await put(ctx, 'funds', 'F6', { projectId: 'P6', arrivedOn: '2024-03-05', amountYuan: 999 })

  await project(ctx, 'P7', { districtId: 'D1', reserveOn: '2023-12-31', stage: 'lead', stageOn: '2023-12-31' })

  await project(ctx, 'P8', { ...d2, industryId: 'I2', reserveOn: '2024-07-01', stage: 'lost', stageOn: '2024-08-01', totalInvestmentYuan: 30_000_000 })
  await moves(ctx, 'P8', [['lead', 'negotiating', '2024-07-10'], ['negotiating', 'lost', '2024-08-01']])

  await project(ctx, 'P9', { ...d2, industryId: 'I2', reserveOn: '2024-02-02', stage: 'operating', stageOn: '2024-11-30', signedOn: '2024-02-20', startedOn: '2024-03-10', operatingOn: '2024-11-30', totalInvestmentYuan: 80_000_000 })
  await moves(ctx, 'P9', [[null, 'signed', '2024-02-20'], ['signed', 'started', '2024-03-10'], ['started', 'operating', '2024-11-30']])
  await put(ctx, 'funds', 'F9', { projectId: 'P9', arrivedOn: '2024-12-31', amountYuan: 10_000_000 })

  const talk = { summary: '洽谈' }
  await put(ctx, 'negotiation', 'N1', { ...talk, projectId: 'P1', happenedOn: '2024-11-30', type: 'visit_in', ownerId: 'U1', nextStep: '报送方案', nextDueOn: '2024-12-10' })
  await put(ctx, 'negotiation', 'N2', { ...talk, projectId: 'P5', happenedOn: '2024-12-15', type: 'phone', ownerId: 'U1', nextStep: '再约', nextDueOn: '2024-12-31' })
  await put(ctx, 'negotiation', 'N3', { ...talk, projectId: 'P2', happenedOn: '2024-08-01', type: 'visit_out', ownerId: 'U1', nextStep: '现场', nextDueOn: '2024-08-15', nextDoneOn: '2024-08-14' })
  await put(ctx, 'negotiation', 'N4', { ...talk, investorId: 'V3', happenedOn: '2024-10-01', type: 'visit_out', ownerId: 'U2', nextStep: '回访', nextDueOn: '2024-10-10' })
  await put(ctx, 'negotiation', 'N5', { ...talk, projectId: 'P6', happenedOn: '2024-04-01', type: 'visit_out', ownerId: 'U1', nextStep: '无', nextDueOn: '2024-05-01' })

  await put(ctx, 'request', 'R1', { projectId: 'P1', category: 'land', title: '用地指标', receivedOn: '2024-11-01', assigneeId: 'U1', deadlineOn: '2024-12-30', status: 'in_progress' })
  await put(ctx, 'request', 'R2', { projectId: 'P3', category: 'labor', title: '招工', receivedOn: '2024-05-01', assigneeId: 'U2', deadlineOn: '2024-06-01', status: 'resolved', resolvedOn: '2024-05-20' })
  await put(ctx, 'request', 'R3', { investorId: 'V2', category: 'policy', title: '政策兑现', receivedOn: '2024-12-01', assigneeId: 'U2', deadlineOn: '2024-12-31', status: 'received' })
  await put(ctx, 'request', 'R4', { projectId: 'P2', category: 'approval', title: '审批', receivedOn: '2024-09-01', assigneeId: 'U1', deadlineOn: '2024-11-01', status: 'revisited' })

  await put(ctx, 'event', 'E1', { name: '签约仪式', type: 'signing', startOn: '2024-05-05', ownerId: 'U1' })
  await put(ctx, 'event', 'E2', { name: '推介会', type: 'promotion', startOn: '2023-12-31', ownerId: 'U2' })
  await ctx.db.insertInto('eventProject').values({ eventId: 'E1', projectId: 'P1' }).execute()

  const target = (id: string, unitType: 'district' | 'park' | 'user', unitId: string, indicator: string, value: number) =>
    put(ctx, 'target', id, { year: 2024, unitType, unitId, indicator: indicator as never, value })
  await target('T1', 'district', 'D1', 'new_projects', 10)
  await target('T2', 'district', 'D2', 'signed_projects', 2)
  await target('T3', 'user', 'U1', 'signed_amount', 1_000_000_000)
  await target('T4', 'park', 'K1', 'funds', 500_000_000)
  await target('T5', 'district', 'D2', 'funds', 300_000_000)
  await target('T6', 'district', 'D2', 'started_projects', 3)
  await target('T7', 'user', 'U2', 'operating_projects', 2)
  await target('T8', 'district', 'D1', 'new_investment', 0)
}
