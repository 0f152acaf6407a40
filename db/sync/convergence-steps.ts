// The writes of the randomized convergence tests (convergence.test.ts: files only;
// convergence-hub.test.ts: files and a PostgreSQL hub): what a laptop's user may do offline, as
// fast-check steps, and the checks every laptop must pass at the end.
import fc from 'fast-check'
import type { TestBackend } from '../../tests/support/backend'
import type { RowSnapshot } from './snapshot'

const STAGES = ['contacted', 'negotiating', 'signed', 'lost'] as const
const NAMES = ['液压件', '新能源电池', '生物医药', '智能装备']
const INVESTORS = ['巨能液压有限公司', '巨能液压（山东）有限公司', '华信科技有限公司']
const PARKS = ['齐鲁医药港', '玉清湖工业园']
// Ledger rows name projects of their own (an import matches them by name and district), so a later
// ledger updates what an earlier one — on this laptop or, after a sync, on another — created.
const LEDGER_PROJECTS = ['槐荫冷链物流项目', '槐荫数据中心项目', '槐荫新材料项目']
const LEDGER_STAGES = ['洽谈中', '签约', '在建', '已投产']
const LEDGER_NOTES = ['已约谈', '待回复用地', '已赴总部考察']

export interface LedgerRow {
  project: number
  park: number
  amount: number
  stage: number
  note: number
}

export type WriteStep =
  | { kind: 'createProject'; r: number; name: number }
  | { kind: 'rename'; r: number; pick: number; name: number }
  | { kind: 'progress'; r: number; pick: number; text: string }
  | { kind: 'delete'; r: number; pick: number }
  | { kind: 'restore'; r: number; pick: number }
  | { kind: 'stage'; r: number; pick: number; stage: number }
  | { kind: 'createInvestor'; r: number; name: number }
  | { kind: 'merge'; r: number; a: number; b: number }
  | { kind: 'createPark'; r: number; name: number }
  | { kind: 'import'; r: number; rows: LedgerRow[] }
  | { kind: 'undoImport'; pick: number }

const pick = fc.nat(20)
const ledgerRow: fc.Arbitrary<LedgerRow> = fc.record({
  project: fc.nat(LEDGER_PROJECTS.length - 1),
  park: fc.nat(PARKS.length - 1),
  amount: fc.constantFrom(3000, 12000, 50000),
  stage: fc.nat(LEDGER_STAGES.length - 1),
  note: fc.nat(LEDGER_NOTES.length - 1),
})

/** The writes, weighted for fc.oneof; `replica` picks the laptop (taken modulo the laptops there are). */
export function writeSteps(replica: fc.Arbitrary<number>): fc.WeightedArbitrary<WriteStep>[] {
  const once = (arbitrary: fc.Arbitrary<WriteStep>, weight = 1) => ({ arbitrary, weight })
  return [
    once(fc.record({ kind: fc.constant('createProject' as const), r: replica, name: fc.nat(NAMES.length - 1) })),
    once(fc.record({ kind: fc.constant('rename' as const), r: replica, pick, name: fc.nat(NAMES.length - 1) })),
    once(fc.record({ kind: fc.constant('progress' as const), r: replica, pick, text: fc.constantFrom('已约谈', '待回复', '考察中') })),
    once(fc.record({ kind: fc.constant('delete' as const), r: replica, pick })),
    once(fc.record({ kind: fc.constant('restore' as const), r: replica, pick })),
    once(fc.record({ kind: fc.constant('stage' as const), r: replica, pick, stage: fc.nat(STAGES.length - 1) })),
    once(fc.record({ kind: fc.constant('createInvestor' as const), r: replica, name: fc.nat(INVESTORS.length - 1) })),
    once(fc.record({ kind: fc.constant('merge' as const), r: replica, a: pick, b: pick })),
    once(fc.record({ kind: fc.constant('createPark' as const), r: replica, name: fc.nat(PARKS.length - 1) })),
    once(fc.record({ kind: fc.constant('import' as const), r: replica, rows: fc.array(ledgerRow, { minLength: 1, maxLength: 3 }) }), 2),
    once(fc.record({ kind: fc.constant('undoImport' as const), pick }), 2),
  ]
}

/** A small ledger as an office keeps it (CSV), through the same import path as a chosen file. */
function ledgerCsv(rows: LedgerRow[]): Buffer {
  const lines = ['项目名称,所属区县,所属园区,总投资(万元),项目状态,项目进展情况']
  // One row per project: a ledger naming a project twice is refused row by row, not what these tests are about.
  const seen = new Set<number>()
  for (const row of rows) {
    if (seen.has(row.project)) continue
    seen.add(row.project)
    lines.push([LEDGER_PROJECTS[row.project], '槐荫区', PARKS[row.park], row.amount, LEDGER_STAGES[row.stage], LEDGER_NOTES[row.note]].join(','))
  }
  return Buffer.from('\uFEFF' + lines.join('\r\n'), 'utf8')
}

function ids(b: TestBackend, table: 'project' | 'investor', live: boolean): string[] {
  return b.env.ctx.sqlite.prepare(`SELECT id FROM ${table} WHERE deleted_at IS ${live ? '' : 'NOT '}NULL ORDER BY id`).pluck().all() as string[]
}

export const at = <T,>(list: T[], n: number): T | undefined => (list.length === 0 ? undefined : list[n % list.length])

/** Domain refusals (a stage change not allowed, an undo over later edits) are normal user errors. */
export async function attempt(work: () => Promise<unknown>): Promise<boolean> {
  try {
    await work()
    return true
  } catch (error) {
    const code = (error as { apiError?: { code: string } }).apiError?.code
    if (!code || code === 'internal') throw error
    return false
  }
}

/**
 * Makes one write on its laptop (the district '槐荫区' exists everywhere). Returns what it did of
 * the rare kinds, so a test can prove its runs really imported and undid something.
 */
export async function write(backends: TestBackend[], s: WriteStep, at0: { districtId: string; clock: number }): Promise<'imported' | 'undone' | null> {
  if (s.kind === 'undoImport') {
    // Batches are local (the laptop that imported undoes): any laptop's batch not undone yet.
    const batches: [TestBackend, string][] = []
    for (const b of backends) for (const batch of await b.call('ledger-import-batches', {})) if (batch.undoneAt === null) batches.push([b, batch.id])
    const chosen = at(batches, s.pick)
    return chosen && (await attempt(() => chosen[0].call('ledger-import-undo', { id: chosen[1] }))) ? 'undone' : null
  }
  const b = backends[s.r % backends.length]!
  switch (s.kind) {
    case 'createProject':
      await attempt(() => b.call('project-create', { name: NAMES[s.name]! }))
      break
    case 'rename': {
      const id = at(ids(b, 'project', true), s.pick)
      if (id) await attempt(() => b.call('project-update', { id, name: `${NAMES[s.name]}-${s.r}` }))
      break
    }
    case 'progress': {
      const id = at(ids(b, 'project', true), s.pick)
      if (id) await attempt(() => b.call('project-update', { id, progress: s.text }))
      break
    }
    case 'delete': {
      const id = at(ids(b, 'project', true), s.pick)
      if (id) await attempt(() => b.call('project-delete', { id }))
      break
    }
    case 'restore': {
      const id = at(ids(b, 'project', false), s.pick)
      if (id) await attempt(() => b.call('project-restore', { id }))
      break
    }
    case 'stage': {
      const id = at(ids(b, 'project', true), s.pick)
      const toStage = STAGES[s.stage]!
      const happenedOn = new Date(at0.clock).toISOString().slice(0, 10)
      if (id) await attempt(() => b.call('project-stage-change', { id, toStage, happenedOn, note: null, reason: toStage === 'lost' ? '外迁' : null }))
      break
    }
    case 'createInvestor':
      await attempt(() => b.call('investor-create', { name: INVESTORS[s.name]!, confirmDuplicate: true }))
      break
    case 'merge': {
      const live = ids(b, 'investor', true)
      const [sourceId, targetId] = [at(live, s.a), at(live, s.b)]
      if (sourceId && targetId && sourceId !== targetId) await attempt(() => b.call('investor-merge', { sourceId, targetId }))
      break
    }
    case 'createPark':
      await attempt(() => b.call('park-create', { districtId: at0.districtId, name: PARKS[s.name]! }))
      break
    case 'import': {
      let batchId: string | null = null
      await attempt(async () => {
        batchId = (await b.call('ledger-import', { fileName: '台账.csv', dataBase64: ledgerCsv(s.rows).toString('base64'), skipErrors: true })).batchId
      })
      return batchId ? 'imported' : null
    }
  }
  return null
}

const PROJECT_COLUMNS: Record<string, string> = { name: 'name', progress: 'progress', stage: 'stage', deletedAt: 'deleted_at', totalInvestmentYuan: 'total_investment_yuan' }

/**
 * The fields of projects whose value is not that of their latest op, on one laptop. The latest op
 * of a field is the greatest hlc of the log and the compacted snapshot together.
 */
export function wrongWinners(b: TestBackend): unknown[] {
  const { sqlite } = b.env.ctx
  const latest = new Map<string, [string, unknown]>()
  const offer = (rowId: string, field: string, hlc: string, value: unknown) => {
    if (!(field in PROJECT_COLUMNS)) return
    const key = `${rowId}\u0000${field}`
    const held = latest.get(key)
    if (!held || held[0] < hlc) latest.set(key, [hlc, value])
  }
  for (const op of sqlite.prepare("SELECT row_id AS rowId, field, hlc, value FROM sync_operation WHERE tbl = 'project'").all() as { rowId: string; field: string; hlc: string; value: unknown }[]) {
    offer(op.rowId, op.field, op.hlc, op.value)
  }
  for (const row of sqlite.prepare("SELECT row_id AS rowId, ops FROM sync_snapshot WHERE tbl = 'project'").all() as { rowId: string; ops: string }[]) {
    for (const [field, [hlc, , value]] of Object.entries(JSON.parse(row.ops) as RowSnapshot)) offer(row.rowId, field, hlc, value)
  }
  const wrong: unknown[] = []
  const read = sqlite.prepare(`SELECT ${Object.values(PROJECT_COLUMNS).join(', ')} FROM project WHERE id = ?`)
  for (const [key, [hlc, value]] of latest) {
    const [rowId, field] = key.split('\u0000') as [string, string]
    const row = read.get(rowId) as Record<string, unknown> | undefined
    const held = row?.[PROJECT_COLUMNS[field]!]
    if (held !== value) wrong.push({ rowId, field, hlc, expected: value, held })
  }
  return wrong
}

/** Live duplicates that sync should have merged: two parks of one name in one district. */
export function duplicateParks(b: TestBackend): unknown[] {
  return b.env.ctx.sqlite.prepare('SELECT name, count(*) AS n FROM park WHERE deleted_at IS NULL GROUP BY district_id, name HAVING n > 1').all()
}
