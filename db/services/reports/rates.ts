// The rates of the monthly report, over the projects signed in the period (by signing date), each
// with its definition for the hover text; and 当年策划、当年开工、当年投产.
import type { Ctx } from '../../context'
import type { Milestone, Rate, RateKey, RatesQuery, RatesResult, ReportDrill } from '../../domain/report'
import { drillRows } from './drill'
import { measureDrill, parseDrill, periodOrThisYear, ratio, scopeDrill } from './filters'

const AFTER_SIGNING: Milestone[] = ['registered', 'started', 'completed', 'operating', 'evaluated']
const STARTED: Milestone[] = ['started', 'completed', 'operating', 'evaluated']

export const RATE_DEFINITIONS: Record<RateKey, { label: string; definition: string }> = {
  performance: {
    label: '履约率',
    definition: '期内签约的项目中，至今已注册落地或已开工的项目数 ÷ 期内签约项目数。',
  },
  landing: {
    label: '落地率',
    definition: '期内签约的项目中，至今已到注册落地或之后任一节点（开工、竣工、投产、后评价）的项目数 ÷ 期内签约项目数。',
  },
  start: {
    label: '开工率',
    definition: '期内签约的项目中，至今已开工（或已竣工、投产、后评价）的项目数 ÷ 期内签约项目数。',
  },
  operation: {
    label: '投产率',
    definition: '期内签约且已开工的项目中，至今已投产（或已后评价）的项目数 ÷ 其中已开工的项目数。',
  },
  funds: {
    label: '资金到位率',
    definition: '期内签约项目至今的到位资金合计（元）÷ 这些项目的签约金额合计（元）。签约金额取投资协议金额，无则框架协议金额，无协议金额则取总投资。',
  },
}

export async function ratesReport(ctx: Ctx, query: RatesQuery): Promise<RatesResult> {
  const period = periodOrThisYear(ctx, query)
  const scope = scopeDrill(query)
  const signed: ReportDrill = { ...scope, dates: { signed: { from: period.from, to: period.to } } }
  const cohort = await measureDrill(ctx, signed)
  const started = await measureDrill(ctx, { ...signed, reached: STARTED })

  const projectRate = async (key: RateKey, numerator: ReportDrill, denominator = cohort): Promise<Rate> => {
    const n = await measureDrill(ctx, numerator)
    return { key, ...RATE_DEFINITIONS[key], numerator: n, denominator, unit: 'projects', rate: ratio(n.count, denominator.count) }
  }
  const fundsIn = await measureDrill(ctx, { ...signed, measure: 'funds' })
  const signedAmount = await measureDrill(ctx, { ...signed, measure: 'signed_amount' })
  const rates: Rate[] = [
    await projectRate('performance', { ...signed, reached: ['registered', 'started'] }),
    await projectRate('landing', { ...signed, reached: AFTER_SIGNING }),
    await projectRate('start', { ...signed, reached: STARTED }),
    await projectRate('operation', { ...signed, reached: ['operating', 'evaluated'] }, started),
    {
      key: 'funds',
      ...RATE_DEFINITIONS.funds,
      numerator: fundsIn,
      denominator: signedAmount,
      unit: 'yuan',
      rate: ratio(fundsIn.sumYuan, signedAmount.sumYuan),
    },
  ]

  const year = Number(period.to.slice(0, 4))
  const inYear = { from: `${year}-01-01`, to: `${year}-12-31` }
  const all: ReportDrill = { ...scope, dates: { reserve: inYear, started: inYear, operating: inYear } }
  return {
    period,
    rates,
    sameYear: {
      year,
      plannedAndStarted: await measureDrill(ctx, { ...scope, dates: { reserve: inYear, started: inYear } }),
      startedAndOperating: await measureDrill(ctx, { ...scope, dates: { started: inYear, operating: inYear } }),
      all: await measureDrill(ctx, all),
      rows: await drillRows(ctx, parseDrill(all), 1, 200),
    },
  }
}
