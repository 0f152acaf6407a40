// The report facts (project_report, project_stay; migration 0007) stay true on every write path:
// random sequences of writes through the API — creates, stage changes forwards, back and to the
// side, signing with its agreement, agreements and funds with edits, deletes and restores,
// purges, ledger imports and their undo — and afterwards (1) the facts equal a from-scratch
// computation with the queries the reports ran before the facts existed (kept below as the
// reference), (2) the one-pass rebuild gives the same tables, and (3) the funnel and the flow answer
// what those reference queries answer.
import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { REBUILD_REPORT_FACTS } from './fact-sql'
import { isReplicated } from '../../sync/tables'
import { type TestBackend, testBackend } from '../../../tests/support/backend'

// ---- The reference: the report queries as they were before migration 0007 ----------------------

const MAIN = ['lead', 'contacted', 'negotiating', 'signed', 'registered', 'started', 'completed', 'operating', 'evaluated']
const rankCase = (column: string) => `CASE ${column} ${MAIN.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} ELSE -1 END`
const SIGN_ON = `(CASE WHEN (p.signed_on IS NOT NULL OR p.registered_on IS NOT NULL OR p.started_on IS NOT NULL
  OR p.completed_on IS NOT NULL OR p.operating_on IS NOT NULL OR p.evaluated_on IS NOT NULL
  OR p.stage IN ('signed','registered','started','completed','operating','evaluated','terminated'))
  THEN coalesce((SELECT min(a.signed_on) FROM agreement a
  WHERE a.project_id = p.id AND a.deleted_at IS NULL AND a.type IN ('framework','investment')), p.signed_on) END)`
const SIGNED_AMOUNT = `coalesce(
  (SELECT sum(a.amount_yuan) FROM agreement a WHERE a.project_id = p.id AND a.deleted_at IS NULL AND a.type = 'investment'),
  (SELECT sum(a.amount_yuan) FROM agreement a WHERE a.project_id = p.id AND a.deleted_at IS NULL AND a.type = 'framework'),
  p.total_investment_yuan, 0)`
const REACH_RANK = `max(0, ${rankCase('p.stage')},
  CASE WHEN p.evaluated_on IS NOT NULL THEN 8 WHEN p.operating_on IS NOT NULL THEN 7 WHEN p.completed_on IS NOT NULL THEN 6
    WHEN p.started_on IS NOT NULL THEN 5 WHEN p.registered_on IS NOT NULL THEN 4 WHEN ${SIGN_ON} IS NOT NULL THEN 3 ELSE -1 END,
  CASE WHEN p.stage IN ('on_hold','lost','terminated') THEN coalesce((SELECT max(max(${rankCase('e.to_stage')}), max(${rankCase('e.from_stage')}))
    FROM stage_event e WHERE e.project_id = p.id AND e.deleted_at IS NULL), -1) ELSE -1 END)`
const STAYS = (cohort: string) => `WITH cohort AS (SELECT p.id, p.reserve_on FROM project p WHERE ${cohort}),
  entries AS (
    SELECT e.project_id, e.to_stage AS stage, e.happened_on AS on_date, e.id AS seq
      FROM stage_event e JOIN cohort c ON c.id = e.project_id WHERE e.deleted_at IS NULL
    UNION ALL
    SELECT c.id, 'lead', c.reserve_on, '' FROM cohort c
      WHERE NOT EXISTS (SELECT 1 FROM stage_event e WHERE e.project_id = c.id AND e.deleted_at IS NULL AND e.from_stage IS NULL)
  ),
  stays AS (
    SELECT project_id, stage, julianday(next_on) - julianday(on_date) AS days FROM (
      SELECT project_id, stage, on_date, lead(on_date) OVER (PARTITION BY project_id ORDER BY on_date, seq) AS next_on FROM entries
    ) WHERE next_on IS NOT NULL AND next_on >= on_date
  )`
const MEDIANS = (cohort: string) => `${STAYS(cohort)},
  ranked AS (SELECT stage, days, row_number() OVER (PARTITION BY stage ORDER BY days) AS rn, count(*) OVER (PARTITION BY stage) AS n FROM stays)
  SELECT stage, avg(days) AS median, max(n) AS n FROM ranked WHERE rn IN ((n + 1) / 2, (n + 2) / 2) GROUP BY stage`

const MILESTONE_SQL: Record<string, string> = {
  reserve: 'p.reserve_on',
  signed: SIGN_ON,
  registered: 'p.registered_on',
  started: 'p.started_on',
  operating: 'p.operating_on',
}

type Rows = Record<string, unknown>[]
const all = (api: TestBackend, query: string): Rows => api.env.ctx.sqlite.prepare(query).all() as Rows
const sortRows = (rows: Rows) => rows.map((r) => JSON.stringify(r)).sort()

/** What the old queries say, beside what the reports answer. */
async function compareReports(api: TestBackend, year: number | null, districtId?: string) {
  // City-wide reports read the facts alone (migration 0010), scoped ones start from project: both are compared.
  const scope = districtId === undefined ? '' : ` AND p.district_id = '${districtId}'`
  const cohort = year === null ? `p.deleted_at IS NULL${scope}` : `p.deleted_at IS NULL${scope} AND p.reserve_on BETWEEN '${year}-01-01' AND '${year}-12-31'`
  const filter = { ...(year === null ? {} : { year }), ...(districtId === undefined ? {} : { districtId }) }
  const funnel = await api.call('report-funnel', filter)
  const byStage = all(api, `SELECT p.stage, count(*) AS n, sum(coalesce(p.total_investment_yuan, 0)) AS s FROM project p WHERE ${cohort} GROUP BY p.stage`)
  for (const stage of funnel.stages) {
    const ref = byStage.find((r) => r.stage === stage.stage) ?? { n: 0, s: 0 }
    expect({ stage: stage.stage, count: stage.count, sum: stage.sumYuan }).toEqual({ stage: stage.stage, count: ref.n, sum: ref.s })
  }
  const reach = all(api, `SELECT ${REACH_RANK} AS r, count(*) AS n, sum(coalesce(p.total_investment_yuan, 0)) AS s FROM project p WHERE ${cohort} GROUP BY r`)
  const reached = MAIN.map((_, k) => reach.filter((r) => (r.r as number) >= k).reduce<{ n: number; s: number }>((t, r) => ({ n: t.n + (r.n as number), s: t.s + (r.s as number) }), { n: 0, s: 0 }))
  expect(funnel.conversions.map((c) => [c.reachedFrom.count, c.reachedFrom.sumYuan])).toEqual(reached.slice(0, -1).map((r) => [r.n, r.s]))
  expect(funnel.conversions.at(-1)!.reachedTo.count).toBe(reached.at(-1)!.n)
  const medians = all(api, MEDIANS(cohort))
  for (const stage of funnel.stages) {
    const ref = medians.find((m) => m.stage === stage.stage)
    expect({ stage: stage.stage, median: stage.medianDays, stays: stage.stays }).toEqual({ stage: stage.stage, median: ref?.median ?? null, stays: ref?.n ?? 0 })
  }

  if (year === null) return
  const flow = await api.call('report-flow', { ...filter, year })
  for (const row of flow.rows) {
    for (const [figure, y] of [[row.current, year], [row.lastYear, year - 1]] as const) {
      const [ref] = all(api, `SELECT count(*) AS n, coalesce(sum(coalesce(p.total_investment_yuan, 0)), 0) AS s FROM project p
        WHERE p.deleted_at IS NULL${scope} AND ${MILESTONE_SQL[row.milestone]} BETWEEN '${y}-01-01' AND '${y}-12-31'`)
      expect({ milestone: row.milestone, y, count: figure.count, sum: figure.sumYuan }).toEqual({ milestone: row.milestone, y, count: ref!.n, sum: ref!.s })
    }
  }
  // Drills reproduce their figures through the same facts.
  const signed = flow.rows.find((r) => r.milestone === 'signed')!.current
  const drill = await api.call('report-drill', { drill: signed.drill })
  expect([drill.count, drill.sumYuan]).toEqual([signed.count, signed.sumYuan])
}

/** The facts equal the old expressions run over every project, and the one-pass rebuild. */
const FACT_COLUMNS = 'project_id, signed_on, reach_rank, signed_amount_yuan, live, reserve_on, stage, investment_yuan'
const STAY_COLUMNS = 'project_id, stage, days, live, reserve_on'

function compareFacts(api: TestBackend) {
  const facts = all(api, `SELECT ${FACT_COLUMNS} FROM project_report ORDER BY project_id`)
  // The cohort's columns (migration 0010) are the project's own: live while not deleted, 总投资 0 when empty.
  const reference = all(api, `SELECT p.id AS project_id, ${SIGN_ON} AS signed_on, ${REACH_RANK} AS reach_rank, ${SIGNED_AMOUNT} AS signed_amount_yuan,
    p.deleted_at IS NULL AS live, p.reserve_on, p.stage, coalesce(p.total_investment_yuan, 0) AS investment_yuan FROM project p ORDER BY p.id`)
  expect(facts).toEqual(reference)
  const stays = all(api, `SELECT ${STAY_COLUMNS} FROM project_stay`)
  const referenceStays = all(api, `${STAYS('1')} SELECT s.project_id, s.stage, CAST(s.days AS INTEGER) AS days, p.deleted_at IS NULL AS live, p.reserve_on
    FROM stays s JOIN project p ON p.id = s.project_id`)
  expect(sortRows(stays)).toEqual(sortRows(referenceStays))

  for (const statement of REBUILD_REPORT_FACTS) api.env.ctx.sqlite.exec(statement)
  expect(all(api, `SELECT ${FACT_COLUMNS} FROM project_report ORDER BY project_id`)).toEqual(facts)
  expect(sortRows(all(api, `SELECT ${STAY_COLUMNS} FROM project_stay`))).toEqual(sortRows(stays))
}

// ---- Random writes -----------------------------------------------------------------------------

const STAGES = [...MAIN, 'on_hold', 'lost', 'terminated'] as const
const STAGE_WORDS = ['线索', '接洽', '在谈', '签约', '注册', '开工', '竣工', '投产', '暂缓'] as const
const FIRST_DAY = Date.UTC(2023, 0, 1)
const day = fc.integer({ min: 0, max: 1200 }).map((n) => new Date(FIRST_DAY + n * 86_400_000).toISOString().slice(0, 10))
const pick = fc.nat({ max: 40 })
const amount = fc.option(fc.integer({ min: 1, max: 50 }).map((n) => n * 10_000_000), { nil: null })

const write = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('create' as const), stage: fc.constantFrom(...MAIN.slice(0, 6)), reserveOn: day, stageOn: day, amount }) },
  { weight: 6, arbitrary: fc.record({ op: fc.constant('stage' as const), p: pick, toStage: fc.constantFrom(...STAGES), on: day, agreement: fc.option(fc.constantFrom('framework', 'investment'), { nil: null }), amount }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('agreement' as const), p: pick, type: fc.constantFrom('framework', 'investment', 'supplement'), on: day, amount }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('agreement-update' as const), a: pick, type: fc.option(fc.constantFrom('framework', 'investment', 'supplement'), { nil: undefined }), on: fc.option(day, { nil: undefined }), amount }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constantFrom('agreement-delete' as const, 'agreement-restore' as const), a: pick }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('funds' as const), p: pick, on: day, amount: fc.integer({ min: 1, max: 9 }).map((n) => n * 1_000_000) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('project-update' as const), p: pick, reserveOn: fc.option(day, { nil: undefined }), amount }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constantFrom('project-delete' as const, 'project-restore' as const, 'project-purge' as const), p: pick }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('import' as const), rows: fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.constantFrom(...STAGE_WORDS), day), { minLength: 1, maxLength: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('undo' as const) }) },
)
type Write = typeof write extends fc.Arbitrary<infer T> ? T : never

async function ledger(rows: [number, string, string][]) {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('台账')
  ws.addRow(['序号', '项目名称', '所属区县', '项目状态', '签约日期', '总投资（亿元）'])
  rows.forEach(([n, stage, on], i) => ws.addRow([i + 1, `台账项目${n}`, '槐荫区', stage, on, (n + 1) * 1.5]))
  return { fileName: '台账.xlsx', dataBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'), skipErrors: true }
}

const ids = (api: TestBackend, from: string) => (api.env.ctx.sqlite.prepare(`SELECT id FROM ${from} ORDER BY id`).pluck().all() as string[])
const nth = (list: string[], k: number) => (list.length === 0 ? null : list[k % list.length]!)

/** How many writes of each kind went through (the rest were refused), over all runs. */
const written = new Map<string, number>()

/** One write; a write the rules refuse (a stage jump they forbid, a purge of a referenced project…) changes nothing. */
async function apply(api: TestBackend, w: Write): Promise<void> {
  // Restores and purges pick from the recycle bin, everything else from all rows.
  const binned = (table: string) => (['project-restore', 'project-purge', 'agreement-restore'].includes(w.op) ? `${table} WHERE deleted_at IS NOT NULL` : table)
  const project = 'p' in w ? nth(ids(api, binned('project')), w.p) : null
  const agreement = 'a' in w ? nth(ids(api, binned('agreement')), w.a) : null
  try {
    await run(api, w, project, agreement)
    written.set(w.op, (written.get(w.op) ?? 0) + 1)
  } catch (error) {
    // Refusals are answers (validation, conflict, not found); anything else is a bug.
    const code = (error as { apiError?: { code?: string } }).apiError?.code
    if (!code || code === 'internal') throw error
  }
}

async function run(api: TestBackend, w: Write, project: string | null, agreement: string | null): Promise<void> {
  switch (w.op) {
    case 'create':
      await api.call('project-create', { name: `项目${ids(api, 'project').length}`, stage: w.stage, reserveOn: w.reserveOn, stageOn: w.stageOn, totalInvestment: w.amount } as never)
      return
    case 'stage':
      if (!project) return
      await api.call('project-stage-change', {
        id: project,
        toStage: w.toStage,
        happenedOn: w.on,
        note: null,
        reason: ['on_hold', 'lost', 'terminated'].includes(w.toStage) ? '企业原因' : null,
        ...(w.toStage === 'signed' && w.agreement ? { agreement: { type: w.agreement, amount: w.amount, contractNo: null, parties: null, note: null } } : {}),
      } as never)
      return
    case 'agreement':
      if (!project) return
      await api.call('agreement-create', { projectId: project, type: w.type, signedOn: w.on, amount: w.amount, contractNo: null, parties: null, note: null } as never)
      return
    case 'agreement-update':
      if (!agreement) return
      await api.call('agreement-update', { id: agreement, type: w.type, signedOn: w.on, amount: w.amount } as never)
      return
    case 'agreement-delete':
    case 'agreement-restore':
      if (!agreement) return
      await api.call(w.op, { id: agreement })
      return
    case 'funds':
      if (!project) return
      await api.call('funds-create', { projectId: project, arrivedOn: w.on, amount: w.amount, note: null } as never)
      return
    case 'project-update':
      if (!project) return
      await api.call('project-update', { id: project, reserveOn: w.reserveOn, totalInvestment: w.amount } as never)
      return
    case 'project-delete':
    case 'project-restore':
      if (!project) return
      await api.call(w.op, { id: project })
      return
    case 'project-purge':
      if (!project) return
      await api.call('recycle-purge', { entity: 'project', id: project })
      return
    case 'import':
      await api.call('ledger-import', (await ledger(w.rows)) as never)
      return
    case 'undo': {
      const batches = await api.call('ledger-import-batches', {})
      const open = batches.find((b) => !b.undoneAt)
      if (open) await api.call('ledger-import-undo', { id: open.id })
      return
    }
  }
}

describe('report facts after random writes through every write path', () => {
  it('equal a from-scratch computation, and the reports answer what the old queries answered', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 5, maxLength: 30 }), async (writes) => {
        const api = await testBackend({ now: '2026-04-30T10:00:00+08:00' })
        try {
          for (const w of writes) await apply(api, w)
          compareFacts(api)
          await compareReports(api, 2024)
          await compareReports(api, 2025)
          await compareReports(api, null)
          // The ledger rows' district (imports): the same reports with a scope.
          const district = api.env.ctx.sqlite.prepare("SELECT id FROM district WHERE name = '槐荫区'").pluck().get() as string | undefined
          if (district) {
            await compareReports(api, 2024, district)
            await compareReports(api, null, district)
          }
        } finally {
          await api.close()
        }
      }),
      // A fixed seed by default so that the check below is stable; FACTS_SEED / FACTS_RUNS explore further.
      { numRuns: Number(process.env.FACTS_RUNS ?? 12), seed: Number(process.env.FACTS_SEED ?? 20_260_331) },
    )
    // Every kind of write went through at least once (a property over refused writes proves nothing).
    console.log('report facts property, writes that went through:', Object.fromEntries(written))
    for (const op of ['create', 'stage', 'agreement', 'agreement-update', 'agreement-delete', 'agreement-restore', 'funds', 'project-update', 'project-delete', 'project-restore', 'import', 'undo']) {
      expect(written.get(op) ?? 0, op).toBeGreaterThan(0)
    }
  }, 600_000)

  it('are derived data: they never travel in sync', () => {
    for (const table of ['projectReport', 'projectStay', 'project_report', 'project_stay']) expect(isReplicated(table)).toBe(false)
  })
})

it('reads the reports through the facts (the old per-project expressions would scan agreements and events)', async () => {
  const api = await testBackend({ now: '2026-04-30T10:00:00+08:00' })
  try {
    const plan = (query: string) => (api.env.ctx.sqlite.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[]).map((r) => r.detail).join('\n')
    expect(plan(`SELECT s.stage, s.days, count(*) FROM project_stay s WHERE s.project_id IN (SELECT p.id FROM project p WHERE p.deleted_at IS NULL) GROUP BY s.stage, s.days`)).toMatch(
      /USING COVERING INDEX project_stay_project/,
    )
    // City-wide: one range of the facts' own indexes (migration 0010), no lookup per project.
    const year = "BETWEEN '2024-01-01' AND '2024-12-31'"
    expect(plan(`SELECT min(s.days) FROM project_stay s WHERE s.live = 1 AND s.stage = 'lead' AND s.days > 3`)).toMatch(
      /SEARCH s USING COVERING INDEX project_stay_length \(stage=\? AND days>\?\)/,
    )
    expect(plan(`SELECT count(*) FROM project_stay s WHERE s.live = 1 AND s.stage = 'lead' AND s.days = 3 AND s.reserve_on ${year}`)).toMatch(
      /SEARCH s USING COVERING INDEX project_stay_length \(stage=\? AND days=\? AND reserve_on>\? AND reserve_on<\?\)/,
    )
    expect(plan(`SELECT r.stage, r.reach_rank, count(*), sum(r.investment_yuan) FROM project_report r WHERE r.live = 1 AND r.reserve_on ${year} GROUP BY r.stage, r.reach_rank`)).toMatch(
      /SEARCH r USING COVERING INDEX project_report_cohort \(reserve_on>\? AND reserve_on<\?\)/,
    )
    expect(plan(`SELECT count(*), sum(r.investment_yuan) FROM project_report r WHERE r.live = 1 AND r.signed_on ${year}`)).toMatch(
      /SEARCH r USING COVERING INDEX project_report_signed_live \(signed_on>\? AND signed_on<\?\)/,
    )
  } finally {
    await api.close()
  }
})
