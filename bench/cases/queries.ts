// Cases 1–5: the project list, the kanban board, global search, the three reports (runQueryCases)
// and one project's detail with its timeline (runDetailCase) — each through the contract's handler
// (dispatch: input validation, service, kysely) against the same query written by hand on better-sqlite3.
import type Sqlite from 'better-sqlite3'
import { searchKeys } from '../../db/domain/pinyin'
import { dispatch } from '../../electron/handlers/dispatch'
import type { HandlerEnv } from '../../electron/handlers/types'
import { type BaselineName, SQL, prepareBaselines } from '../baseline-sql'
import { type Comparison, compare } from '../measure'

async function call(env: HandlerEnv, method: string, input: unknown): Promise<unknown> {
  const result = await dispatch(env, method, input)
  if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`)
  return result.value
}

export interface QueryParams {
  parks: string[]
  year: number
  /** Projects with many records (the longest timelines), and a few ordinary ones. */
  projects: string[]
  chinese: string
  initials: string
}

/** Parameters drawn from the data itself: the biggest parks, the busiest projects, a product word. */
export function chooseParams(sqlite: Sqlite.Database): QueryParams {
  const parks = sqlite
    .prepare('SELECT park_id FROM project WHERE deleted_at IS NULL AND park_id IS NOT NULL GROUP BY park_id ORDER BY count(*) DESC LIMIT 8')
    .pluck()
    .all() as string[]
  const busy = sqlite
    .prepare('SELECT project_id FROM negotiation WHERE project_id IS NOT NULL GROUP BY project_id ORDER BY count(*) DESC LIMIT 10')
    .pluck()
    .all() as string[]
  const ordinary = sqlite.prepare('SELECT id FROM project ORDER BY id LIMIT 10 OFFSET 1000').pluck().all() as string[]
  const chinese = '精密数控'
  return { parks, year: 2024, projects: [...busy, ...ordinary], chinese, initials: searchKeys('液压机械').initials }
}

function logComparison(c: Comparison, log: (line: string) => void): void {
  log(`  ${c.id} ${c.label}: ours p50 ${c.ours.median.toFixed(2)} / p95 ${c.ours.p95.toFixed(2)} ms (CPU ${c.cpu.ours.toFixed(2)}), baseline p50 ${c.baseline.median.toFixed(2)} ms (CPU ${c.cpu.baseline.toFixed(2)}), ratio ${c.ratio.toFixed(2)}`)
}

export async function runQueryCases(env: HandlerEnv, params: QueryParams, reps: number, log: (line: string) => void): Promise<Comparison[]> {
  const sqlite = env.ctx.sqlite
  const q = prepareBaselines(sqlite)
  const all = (name: BaselineName, ...args: unknown[]) => q[name].all(...args)
  const get = (name: BaselineName, ...args: unknown[]) => q[name].get(...args)
  const results: Comparison[] = []
  const done = (c: Comparison) => {
    results.push(c)
    logComparison(c, log)
  }

  // 1. The list: one park, one stage, 1亿–10亿, by 总投资 descending, a page of 50 with count and sum.
  const stages = ['negotiating', 'started', 'lead', 'operating'] as const
  const listParams = params.parks.flatMap((park) => stages.map((stage) => ({ park, stage, min: 100_000_000, max: 1_000_000_000 })))
  done(
    await compare(
      '1',
      'project-list: park + stage + amount range, page of 50 sorted by 总投资, count and sum',
      listParams,
      (p) => call(env, 'project-list', { parkId: p.park, stage: p.stage, minInvestment: p.min, maxInvestment: p.max, sort: 'totalInvestment', order: 'desc', page: 1, pageSize: 50 }),
      (p) => {
        get('listTotals', p)
        const rows = all('listPage', p) as Array<{ id: string }>
        all('tags', JSON.stringify(rows.map((r) => r.id)))
      },
      { reps },
    ),
  )
  // The projects page as it first opens: no filter, newest first.
  const allTotals = sqlite.prepare('SELECT count(*), sum(total_investment_yuan) FROM project WHERE deleted_at IS NULL')
  const newest = sqlite.prepare(`${SQL.listPage.split(' WHERE ')[0]} WHERE p.deleted_at IS NULL ORDER BY p.updated_at DESC, p.id DESC LIMIT 50`)
  done(
    await compare(
      '1b',
      'project-list: unfiltered first page (sort updatedAt desc), count and sum over all projects',
      [null],
      () => call(env, 'project-list', { page: 1, pageSize: 50 }),
      () => {
        allTotals.get()
        const rows = newest.all() as Array<{ id: string }>
        all('tags', JSON.stringify(rows.map((r) => r.id)))
      },
      { reps: Math.max(10, Math.round(reps / 2)), notes: 'informational: what browser mode loads first (case 9)' },
    ),
  )

  // 2. The kanban board of one park.
  done(
    await compare(
      '2',
      'project-board: column counts, sums and cards for one park',
      params.parks,
      (park) => call(env, 'project-board', { parkId: park }),
      (park) => {
        all('boardTotals', park)
        all('boardCards', park)
      },
      { reps },
    ),
  )

  // 3. Global search.
  // The same answer as the app's: the ten best of each kind by the same ranking, and for every hit
  // the record it belongs to (negotiation → project and investor, project → investor, contact →
  // investor). Terms here are single words of 3+ characters, so one FTS phrase and no LIKE terms.
  const searchBaseline = (text: string) => () => {
    const prefix = `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    const docs = all('search', { match: `"${text}"`, whole: text, prefix, wordPrefix: `% ${prefix}` }) as Array<{ kind: string; ref_id: string }>
    const owners = (name: BaselineName, kind: string) => {
      const ids = docs.filter((d) => d.kind === kind).map((d) => d.ref_id)
      if (ids.length > 0) all(name, JSON.stringify(ids))
    }
    owners('searchOwners', 'negotiation')
    owners('searchProjectOwners', 'project')
    owners('searchContactOwners', 'contact')
  }
  done(await compare('3a', `search: Chinese substring “${params.chinese}”`, [params.chinese], (t) => call(env, 'search', { text: t }), searchBaseline(params.chinese), { reps }))
  done(await compare('3b', `search: pinyin initials “${params.initials}”`, [params.initials], (t) => call(env, 'search', { text: t }), searchBaseline(params.initials), { reps }))

  // 4. Reports for one year.
  const from = `${params.year}-01-01`
  const to = `${params.year}-12-31`
  done(
    await compare('4a', `report-funnel: year ${params.year}`, [params.year], (year) => call(env, 'report-funnel', { year }), () => {
      all('funnelByStage', from, to)
      all('funnelReach', from, to)
      all('funnelMedians', { a: from, b: to })
    }, { reps }),
  )
  const lastFrom = `${params.year - 1}-01-01`
  const lastTo = `${params.year - 1}-12-31`
  done(
    await compare('4b', `report-flow: year ${params.year} with 同比`, [params.year], (year) => call(env, 'report-flow', { year }), () => {
      get('flow', { a: from, b: to })
      get('flow', { a: lastFrom, b: lastTo })
    }, { reps }),
  )
  done(
    await compare('4c', `report-breakdown: by district, year ${params.year}`, [params.year], (year) => call(env, 'report-breakdown', { by: 'district', year }), () => {
      all('breakdown', from, to)
      all('districtNames')
    }, { reps }),
  )
  return results
}

/** Case 5 apart, so that `--only 5` does not run the minutes of cases 1–4 first. */
export async function runDetailCase(env: HandlerEnv, params: QueryParams, reps: number, log: (line: string) => void): Promise<Comparison> {
  const q = prepareBaselines(env.ctx.sqlite)
  const all = (name: BaselineName, ...args: unknown[]) => q[name].all(...args)
  const get = (name: BaselineName, ...args: unknown[]) => q[name].get(...args)
  // 5. One project's detail and its whole timeline.
  const c = await compare(
    '5',
    'project-get + history-list (project with its children), busiest and ordinary projects',
    params.projects,
    async (id) => {
      await call(env, 'project-get', { id })
      await call(env, 'history-list', { entity: 'project', id })
    },
    (id) => {
      get('detail', id)
      all('stageEvents', id)
      all('projectTags', id)
      all('history', { a: id })
    },
    { reps },
  )
  logComparison(c, log)
  return c
}
