// Yearly targets (年度目标) for last year and this year, per district and for a few parks and staff,
// set a little above what the demo projects achieve, so completion rates look like real ones.
import { addDays, daysBetween } from '../../domain/dates'
import { TargetSet } from '../../domain/target'
import type { TargetIndicator, TargetUnit } from '../../domain/vocab'
import { setTarget } from '../targets'
import type { DemoCatalog } from './catalog'
import type { DemoClock } from './clock'
import type { DemoPlace, PlannedProject } from './projects'
import type { Rng } from './random'

type Actuals = Record<TargetIndicator, number>

const firstOn = (project: PlannedProject, stage: string) => project.steps.find((s) => s.stage === stage)?.on ?? null

function actuals(projects: PlannedProject[], year: number): Actuals {
  const inYear = (date: string | null) => date !== null && date.startsWith(String(year))
  const signed = projects.filter((p) => inYear(firstOn(p, 'signed')))
  const created = projects.filter((p) => inYear(p.reserveOn))
  return {
    new_projects: created.length,
    new_investment: created.reduce((sum, p) => sum + p.totalYuan, 0),
    signed_projects: signed.length,
    signed_amount: signed.reduce((sum, p) => sum + p.totalYuan, 0),
    started_projects: projects.filter((p) => inYear(firstOn(p, 'started'))).length,
    operating_projects: projects.filter((p) => inYear(firstOn(p, 'operating'))).length,
    funds: projects.reduce((sum, p) => sum + p.funds.filter((f) => inYear(f.on)).reduce((s, f) => s + f.yuan, 0), 0),
  }
}

const AMOUNT = new Set<TargetIndicator>(['new_investment', 'signed_amount', 'funds'])

/** A target as offices set them: whole 亿元 for amounts, round counts. */
function targetValue(rng: Rng, indicator: TargetIndicator, actual: number, scale: number): number {
  const goal = actual * scale * (1 + rng.next() * 0.25)
  if (AMOUNT.has(indicator)) return Math.max(1, Math.ceil(goal / 1e8)) * 100_000_000
  return goal >= 20 ? Math.ceil(goal / 5) * 5 : Math.max(1, Math.ceil(goal))
}

export async function seedTargets(clock: DemoClock, rng: Rng, catalog: DemoCatalog, place: DemoPlace, projects: PlannedProject[]): Promise<number> {
  const thisYear = Number(clock.today.slice(0, 4))
  let count = 0
  const set = async (year: number, unitType: TargetUnit, unitId: string, indicator: TargetIndicator, value: number) => {
    // Targets are set at the start of their year (or today, for this year's if that is later).
    const on = `${year}-01-15` < clock.today ? `${year}-01-15` : clock.today
    const manager = catalog.users.find((user) => user.role === 'manager')!
    await setTarget(clock.at(on, manager.id), TargetSet.parse({ year, unitType, unitId, indicator, value }))
    count++
  }
  for (const year of [thisYear - 1, thisYear]) {
    // This year's targets are for the whole year: what the days so far achieved, scaled up.
    const elapsed = year === thisYear ? Math.max(30, daysBetween(`${year}-01-01`, addDays(clock.today, 1))) : 365
    const scale = 365 / elapsed
    for (const [district, districtId] of place.districts) {
      const got = actuals(projects.filter((p) => p.district === district), year)
      for (const indicator of Object.keys(got) as TargetIndicator[]) await set(year, 'district', districtId, indicator, targetValue(rng, indicator, got[indicator], scale))
    }
    for (const park of ['济南国际医学中心', '槐荫智能制造产业区', '长清经济开发区', '平阴经济开发区']) {
      const got = actuals(projects.filter((p) => p.park === park), year)
      for (const indicator of ['new_projects', 'signed_projects', 'started_projects', 'signed_amount'] as const) {
        await set(year, 'park', place.parks.get(park)!.id, indicator, targetValue(rng, indicator, got[indicator], scale))
      }
    }
    for (const user of catalog.users.filter((u) => u.role === 'staff').slice(0, 4)) {
      for (const indicator of ['new_projects', 'signed_projects'] as const) {
        await set(year, 'user', user.id, indicator, rng.int(indicator === 'new_projects' ? 8 : 3, indicator === 'new_projects' ? 15 : 6))
      }
    }
  }
  return count
}
