// From ledger records to a per-row plan: what each Excel row creates, updates or leaves alone,
// with every error and warning by row. Reads the database, never writes it: the preview is this
// plan, and the real import recomputes it inside its transaction and then writes exactly it.
// The rules (matching key, empty cells, errors) are documented in db/domain/ledger.ts.
import type { Kysely } from 'kysely'
import { newId } from '../context'
import { validateCreditCode } from '../domain/credit-code'
import { parseLedgerDate } from '../domain/dates'
import { type ImportAction, type ImportMessage, type ImportRowPlan, LEDGER_FIELD_LABEL, type LedgerField } from '../domain/ledger'
import { normalizeInvestorName } from '../domain/investor-name'
import { formatYi, parseAmount, type MoneyUnit } from '../domain/money'
import { MILESTONE_COLUMN, type MilestoneColumn } from '../domain/project'
import { searchKeys } from '../domain/pinyin'
import { stageFromWord } from '../domain/stage-words'
import { type MainStage, STAGE_LABELS, type Stage, isMainStage, stageRank } from '../domain/stages'
import type { Database, Project } from '../schema'
import type { Cell } from '../spreadsheet/grid'
import type { ColumnMapping } from './header'
import type { LedgerRecord } from './records'

export type Entity = 'district' | 'park' | 'industry' | 'user' | 'investor' | 'project' | 'stageEvent'

/** A helper record (区县, 园区…) a row needs and nobody has yet. Ids are chosen here. */
export interface Creation {
  entity: Exclude<Entity, 'project' | 'stageEvent'>
  id: string
  excelRow: number
  values: Record<string, unknown>
}

export interface EventWrite {
  fromStage: Stage | null
  toStage: Stage
  happenedOn: string
  reason: string | null
}

export type ProjectWrite =
  | { kind: 'create'; id: string; excelRow: number; values: Record<string, unknown>; events: EventWrite[] }
  | { kind: 'update'; id: string; excelRow: number; patch: Record<string, unknown>; events: EventWrite[] }

export interface Plan {
  rows: ImportRowPlan[]
  messages: ImportMessage[]
  creations: Creation[]
  writes: ProjectWrite[]
  rowsRead: number
  ledgerTotalYuan: number | null
  rowsTotalYuan: number
}

export interface PlanInput {
  records: Iterable<LedgerRecord>
  columns: readonly ColumnMapping[]
  today: string
  onRow?: (done: number) => void
}

const MILESTONE_FIELDS: ReadonlyArray<[MainStage, 'signedDate' | 'startedDate' | 'operatingDate']> = [
  ['signed', 'signedDate'],
  ['started', 'startedDate'],
  ['operating', 'operatingDate'],
]
const PLAN_COLUMN: Record<'signed' | 'started' | 'operating', 'planSignedOn' | 'planStartedOn' | 'planOperatingOn'> = {
  signed: 'planSignedOn',
  started: 'planStartedOn',
  operating: 'planOperatingOn',
}
const FIELD_LABEL = LEDGER_FIELD_LABEL
const UNIT: Record<'亿元' | '万元' | '元', MoneyUnit> = { 亿元: 'yi', 万元: 'wan', 元: 'yuan' }
const IMPORT_REASON = '台账导入'

/** Names are compared as people see them: full-width folded, spaces and line breaks ignored. */
export const nameKey = (s: string): string => s.normalize('NFKC').replace(/[\s\u3000]+/g, '')

/** Cell text as typed; our own exports put a ' before text a spreadsheet would run as a formula. */
export function cellText(cell: Cell | undefined): string | null {
  if (cell === null || cell === undefined) return null
  if (cell instanceof Date) return cell.toISOString().slice(0, 10)
  const s = String(cell).replace(/\u3000/g, ' ').trim()
  if (s === '') return null
  return /^'[=+\-@]/.test(s) ? s.slice(1) : s
}

type Dated = { date: string; precision: 'day' | 'month' }

/** Lookups over the database plus what earlier rows of this file will create. */
class Registry {
  districts = new Map<string, string>()
  parks = new Map<string, { id: string; districtId: string }[]>()
  industries = new Map<string, string>()
  users = new Map<string, string>()
  investorsByCode = new Map<string, { id: string; name: string } | null>()
  investorsByNorm = new Map<string, string | null>()
  projects = new Map<string, { id: string; investorId: string | null }[]>()

  constructor(readonly db: Kysely<Database>) {}

  async load(): Promise<void> {
    for (const d of await this.db.selectFrom('district').select(['id', 'name']).where('deletedAt', 'is', null).orderBy('id').execute()) {
      if (!this.districts.has(nameKey(d.name))) this.districts.set(nameKey(d.name), d.id)
    }
    for (const p of await this.db.selectFrom('park').select(['id', 'name', 'districtId']).where('deletedAt', 'is', null).orderBy('id').execute()) {
      this.addPark(nameKey(p.name), p.id, p.districtId)
    }
    // top-level industries first: a name used at both levels means the 产业
    const industries = await this.db
      .selectFrom('industry')
      .select(['id', 'name', 'parentId'])
      .where('deletedAt', 'is', null)
      .orderBy('parentId', 'asc')
      .orderBy('id')
      .execute()
    for (const i of industries.sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null))) {
      if (!this.industries.has(nameKey(i.name))) this.industries.set(nameKey(i.name), i.id)
    }
    for (const u of await this.db.selectFrom('user').select(['id', 'name']).where('deletedAt', 'is', null).orderBy('id').execute()) {
      if (!this.users.has(nameKey(u.name))) this.users.set(nameKey(u.name), u.id)
    }
    // One pass over live projects, so 10⁴ rows do not each scan 10⁵ projects (name has no index).
    const projects = await this.db
      .selectFrom('project')
      .select(['id', 'name', 'districtId', 'investorId'])
      .where('deletedAt', 'is', null)
      .orderBy('id')
      .execute()
    for (const p of projects) this.addProject(projectKey(p.name, p.districtId), p.id, p.investorId)
  }

  addPark(key: string, id: string, districtId: string): void {
    this.parks.set(key, [...(this.parks.get(key) ?? []), { id, districtId }])
  }

  addProject(key: string, id: string, investorId: string | null): void {
    this.projects.set(key, [...(this.projects.get(key) ?? []), { id, investorId }])
  }

  async investorByCode(code: string): Promise<{ id: string; name: string } | null> {
    if (!this.investorsByCode.has(code)) {
      const row = await this.db
        .selectFrom('investor')
        .select(['id', 'name'])
        .where('creditCode', '=', code)
        .where('deletedAt', 'is', null)
        .executeTakeFirst()
      this.investorsByCode.set(code, row ?? null)
    }
    return this.investorsByCode.get(code) ?? null
  }

  async investorByNorm(norm: string): Promise<string | null> {
    if (!this.investorsByNorm.has(norm)) {
      const row = await this.db
        .selectFrom('investor')
        .select('id')
        .where('nameNorm', '=', norm)
        .where('deletedAt', 'is', null)
        .orderBy('createdAt')
        .orderBy('id')
        .executeTakeFirst()
      this.investorsByNorm.set(norm, row?.id ?? null)
    }
    return this.investorsByNorm.get(norm) ?? null
  }
}

export const projectKey = (name: string, districtId: string | null): string => `${nameKey(name)}\u0000${districtId ?? ''}`

/** One row's work in progress: its messages and the helpers it would create. */
class RowWork {
  messages: ImportMessage[] = []
  creations: Creation[] = []
  constructor(
    readonly excelRow: number,
    private letters: Map<LedgerField, string>,
  ) {}

  error(field: LedgerField | null, message: string): void {
    this.push('error', field, message)
  }

  warn(field: LedgerField | null, message: string): void {
    this.push('warning', field, message)
  }

  private push(level: 'error' | 'warning', field: LedgerField | null, message: string): void {
    this.messages.push({ excelRow: this.excelRow, level, field, column: field ? (this.letters.get(field) ?? null) : null, message })
  }

  get failed(): boolean {
    return this.messages.some((m) => m.level === 'error')
  }
}

export async function planImport(db: Kysely<Database>, input: PlanInput): Promise<Plan> {
  const registry = new Registry(db)
  await registry.load()
  const letters = new Map<LedgerField, string>()
  const units = new Map<LedgerField, MoneyUnit>()
  for (const c of input.columns) {
    if (!c.field) continue
    letters.set(c.field, c.letter)
    if (c.unit) units.set(c.field, UNIT[c.unit])
  }
  const plan: Plan = { rows: [], messages: [], creations: [], writes: [], rowsRead: 0, ledgerTotalYuan: null, rowsTotalYuan: 0 }
  const investmentUnit = units.get('investment') ?? 'yi'
  if (letters.has('investment') && !units.has('investment')) {
    plan.messages.push({ excelRow: null, level: 'warning', field: 'investment', column: letters.get('investment') ?? null, message: '总投资列未注明单位，按“亿元”读取' })
  }
  const seen = new Map<string, number>()
  let totalRow: { excelRow: number; yuan: number | null } | null = null
  let rowsTotal = 0n
  let done = 0

  for (const record of input.records) {
    if (++done % 500 === 0) input.onRow?.(done)
    if (record.kind === 'blank') continue
    if (record.kind === 'total' || record.kind === 'note') {
      if (record.kind === 'total' && !totalRow) {
        const cell = record.values.investment
        const parsed = cell === null || cell === undefined || cellText(cell) === null ? null : parseAmount(numberOrText(cell), investmentUnit)
        totalRow = { excelRow: record.excelRow, yuan: parsed?.ok ? parsed.yuan : null }
      }
      plan.rows.push(rowPlan(record.excelRow, 'skip', null, { note: record.kind === 'total' ? '合计行，不导入' : '说明行，不导入' }))
      continue
    }
    plan.rowsRead++
    const work = new RowWork(record.excelRow, letters)
    const row = await planRow(registry, record, work, investmentUnit, input.today, seen)
    plan.messages.push(...work.messages)
    if (!row || work.failed) {
      plan.rows.push(rowPlan(record.excelRow, 'error', cellText(record.values.name)))
      continue
    }
    if (row.yuan !== null) rowsTotal += BigInt(row.yuan)
    plan.creations.push(...work.creations)
    plan.rows.push(row.plan)
    if (row.write) plan.writes.push(row.write)
  }

  plan.rowsTotalYuan = Number(rowsTotal)
  if (totalRow) {
    plan.ledgerTotalYuan = totalRow.yuan
    if (totalRow.yuan !== null && BigInt(totalRow.yuan) !== rowsTotal) {
      plan.messages.push({
        excelRow: totalRow.excelRow,
        level: 'warning',
        field: 'investment',
        column: letters.get('investment') ?? null,
        message: `合计（${formatYi(totalRow.yuan)}亿元）与导入各行总投资之和（${formatYi(Number(rowsTotal))}亿元）不一致`,
      })
    }
  }
  return plan
}

function rowPlan(excelRow: number, action: ImportAction, name: string | null, extra: Partial<ImportRowPlan> = {}): ImportRowPlan {
  return { excelRow, action, name, projectId: null, changes: {}, creates: [], note: null, ...extra }
}

// Excel stores 12.35 as a double; a formula may leave 1590.8300000000002 in it. Fifteen significant
// digits is what Excel itself shows, and below that is float noise, not money.
function numberOrText(cell: Cell): string | number {
  if (typeof cell === 'number') return Number(cell.toPrecision(15))
  return cellText(cell) ?? ''
}

function limitText(work: RowWork, field: LedgerField, text: string | null, max: number): string | null {
  if (text !== null && [...text].length > max) {
    work.error(field, `${FIELD_LABEL[field]}超过${max}个字`)
    return null
  }
  return text
}

type RowValues = {
  name: string
  investor: string | null
  creditCode: string | null
  district: string | null
  park: string | null
  industry: string | null
  yuan: number | null
  stage: Stage | null
  stageWord: string | null
  planned: Dated | null
  milestones: Partial<Record<MainStage, Dated>>
  owner: string | null
  phone: string | null
  progress: string | null
}

function readValues(record: LedgerRecord, work: RowWork, unit: MoneyUnit): RowValues | null {
  const v = record.values
  const name = limitText(work, 'name', cellText(v.name), 200)
  if (name === null) {
    if (!work.failed) work.error('name', '项目名称为空')
    return null
  }
  const values: RowValues = {
    name,
    investor: limitText(work, 'investor', cellText(v.investor), 100),
    creditCode: null,
    district: limitText(work, 'district', cellText(v.district), 50),
    park: limitText(work, 'park', cellText(v.park), 100),
    industry: limitText(work, 'industry', cellText(v.industry), 50),
    yuan: null,
    stage: null,
    stageWord: cellText(v.stage),
    planned: null,
    milestones: {},
    owner: limitText(work, 'owner', cellText(v.owner), 50),
    phone: limitText(work, 'phone', cellText(v.phone), 40),
    progress: limitText(work, 'progress', cellText(v.progress), 2000),
  }
  const code = cellText(v.creditCode)
  if (code !== null) {
    const checked = validateCreditCode(code)
    if (checked.ok) values.creditCode = checked.code
    else work.warn('creditCode', `统一社会信用代码“${code}”无效（${checked.reason}），未使用`)
  }
  if (v.investment !== null && v.investment !== undefined && cellText(v.investment) !== null) {
    if (typeof v.investment === 'boolean' || v.investment instanceof Date) {
      work.error('investment', `总投资不是有效金额（“${cellText(v.investment)}”）`)
    } else {
      const parsed = parseAmount(numberOrText(v.investment), unit)
      if (parsed.ok) values.yuan = parsed.yuan
      else work.error('investment', `总投资：${parsed.reason}（“${cellText(v.investment)}”）`)
    }
  }
  if (values.stageWord !== null) {
    values.stage = stageFromWord(values.stageWord)
    if (!values.stage) work.error('stage', `无法识别的项目状态“${values.stageWord}”（可用：储备、在谈、签约、注册落地、开工、竣工、投产、暂缓、流失、终止等）`)
  }
  values.planned = readDate(v.plannedDate, 'plannedDate', work)
  for (const [stage, field] of MILESTONE_FIELDS) {
    const date = readDate(v[field], field, work)
    if (date) values.milestones[stage] = date
  }
  return values
}

function readDate(cell: Cell | undefined, field: LedgerField, work: RowWork): Dated | null {
  if (cell === null || cell === undefined || cellText(cell) === null) return null
  if (typeof cell === 'boolean') {
    work.error(field, `${FIELD_LABEL[field]}不是有效日期（“${String(cell)}”）`)
    return null
  }
  const parsed = parseLedgerDate(typeof cell === 'string' ? cell.trim() : cell)
  if (!parsed.ok) {
    work.error(field, `${FIELD_LABEL[field]}：${parsed.reason}（“${cellText(cell)}”）`)
    return null
  }
  if (parsed.precision === 'month') work.warn(field, `${FIELD_LABEL[field]}只写到月（“${cellText(cell)}”），按当月1日记`)
  return parsed
}

async function planRow(
  registry: Registry,
  record: LedgerRecord,
  work: RowWork,
  unit: MoneyUnit,
  today: string,
  seen: Map<string, number>,
): Promise<{ plan: ImportRowPlan; write: ProjectWrite | null; yuan: number | null } | null> {
  const values = readValues(record, work, unit)
  if (!values || work.failed) return null

  // Where the project is: the park tells the district when the district is not written.
  const creates: string[] = []
  let districtId: string | null = null
  if (values.district) {
    districtId = registry.districts.get(nameKey(values.district)) ?? null
    if (!districtId) {
      districtId = newId()
      work.creations.push({ entity: 'district', id: districtId, excelRow: work.excelRow, values: { name: values.district } })
      creates.push(`区县“${values.district}”`)
    }
  }
  let parkId: string | null = null
  if (values.park) {
    const parks = registry.parks.get(nameKey(values.park)) ?? []
    if (districtId) {
      parkId = parks.find((p) => p.districtId === districtId)?.id ?? null
      if (!parkId) {
        if (parks.length > 0) work.warn('park', `园区“${values.park}”在其他区县已存在，将在“${values.district}”下新建同名园区`)
        parkId = newId()
        work.creations.push({ entity: 'park', id: parkId, excelRow: work.excelRow, values: { name: values.park, districtId } })
        creates.push(`园区“${values.park}”`)
      }
    } else if (parks.length === 1) {
      parkId = parks[0]!.id
      districtId = parks[0]!.districtId
    } else if (parks.length > 1) {
      work.warn('park', `园区“${values.park}”在多个区县都有，未填写所属区县，未关联园区`)
    } else {
      work.warn('park', `园区“${values.park}”不存在，且未填写所属区县，无法新建，未关联园区`)
    }
  }

  const key = projectKey(values.name, districtId)
  const earlier = seen.get(key)
  if (earlier !== undefined) {
    work.error('name', `与第${earlier}行是同一项目（项目名称和所属区县相同），请合并为一行`)
    return null
  }

  const investorId = await resolveInvestor(registry, values, work, creates)
  const industryId = resolveSimple(registry.industries, values.industry, work, 'industry', creates, (name) => ({ name, parentId: null, sortOrder: 0 }), '产业')
  const ownerId = resolveSimple(registry.users, values.owner, work, 'user', creates, (name) => ({ name, role: 'staff', phone: values.phone }), '责任人')

  const candidates = registry.projects.get(key) ?? []
  let existing = candidates.length === 1 ? candidates[0]! : undefined
  if (candidates.length > 1) {
    const byInvestor = candidates.filter((c) => investorId !== null && c.investorId === investorId)
    if (byInvestor.length !== 1) {
      work.error('name', `已有${candidates.length}个同名项目在同一区县，${investorId ? '投资方也无法区分' : '请填写投资方以区分'}，未导入`)
      return null
    }
    existing = byInvestor[0]
  }
  seen.set(key, work.excelRow)
  // the helpers become known to later rows only when this row is valid
  commitCreations(registry, work.creations)

  const refs = { investorId, districtId, parkId, industryId, ownerId }
  if (!existing) {
    const id = newId()
    registry.addProject(key, id, investorId)
    const { values: projectValues, events } = createValues(values, refs, today, work)
    return {
      plan: rowPlan(work.excelRow, 'create', values.name, { projectId: id, creates }),
      write: { kind: 'create', id, excelRow: work.excelRow, values: projectValues, events },
      yuan: values.yuan,
    }
  }
  const project = (await registry.db
    .selectFrom('project')
    .selectAll()
    .where('id', '=', existing.id)
    .executeTakeFirstOrThrow()) as Project
  const { patch, events } = updateValues(project, values, refs, today, work)
  const changes: Record<string, [unknown, unknown]> = {}
  for (const [column, after] of Object.entries(patch)) changes[column] = [project[column as keyof Project] ?? null, after]
  const action: ImportAction = Object.keys(patch).length === 0 && events.length === 0 ? 'unchanged' : 'update'
  return {
    plan: rowPlan(work.excelRow, action, values.name, { projectId: project.id, changes, creates }),
    write: action === 'update' ? { kind: 'update', id: project.id, excelRow: work.excelRow, patch, events } : null,
    // the ledger's figure, or the app's when the cell was empty (what the project will hold)
    yuan: values.yuan ?? project.totalInvestmentYuan,
  }
}

function commitCreations(registry: Registry, creations: readonly Creation[]): void {
  for (const c of creations) {
    const name = nameKey(String(c.values.name))
    if (c.entity === 'district') registry.districts.set(name, c.id)
    else if (c.entity === 'park') registry.addPark(name, c.id, String(c.values.districtId))
    else if (c.entity === 'industry') registry.industries.set(name, c.id)
    else if (c.entity === 'user') registry.users.set(name, c.id)
    else if (c.entity === 'investor') {
      registry.investorsByNorm.set(String(c.values.nameNorm), c.id)
      if (c.values.creditCode) registry.investorsByCode.set(String(c.values.creditCode), { id: c.id, name: String(c.values.name) })
    }
  }
}

function resolveSimple(
  map: Map<string, string>,
  name: string | null,
  work: RowWork,
  entity: 'industry' | 'user',
  creates: string[],
  valuesOf: (name: string) => Record<string, unknown>,
  label: string,
): string | null {
  if (!name) return null
  const found = map.get(nameKey(name)) ?? work.creations.find((c) => c.entity === entity && nameKey(String(c.values.name)) === nameKey(name))?.id
  if (found) return found
  const id = newId()
  work.creations.push({ entity, id, excelRow: work.excelRow, values: valuesOf(name) })
  creates.push(`${label}“${name}”`)
  return id
}

async function resolveInvestor(registry: Registry, values: RowValues, work: RowWork, creates: string[]): Promise<string | null> {
  const code = values.creditCode
  if (code) {
    const byCode = await registry.investorByCode(code)
    if (byCode) {
      if (values.investor && normalizeInvestorName(values.investor) !== normalizeInvestorName(byCode.name)) {
        work.warn('investor', `信用代码 ${code} 属于客商“${byCode.name}”，与表中“${values.investor}”名称不同，按信用代码关联`)
      }
      return byCode.id
    }
  }
  if (!values.investor) {
    if (code) work.warn('creditCode', '填写了信用代码但未填写投资方名称，未关联客商')
    return null
  }
  const norm = normalizeInvestorName(values.investor)
  if (norm === '') {
    work.warn('investor', `投资方“${values.investor}”不是有效名称，未关联客商`)
    return null
  }
  const byName = await registry.investorByNorm(norm)
  if (byName) return byName
  const id = newId()
  const keys = searchKeys(values.investor)
  work.creations.push({
    entity: 'investor',
    id,
    excelRow: work.excelRow,
    values: { name: values.investor, nameNorm: norm, searchKeys: `${keys.full} ${keys.initials}`, creditCode: code },
  })
  creates.push(`客商“${values.investor}”`)
  return id
}

type Refs = { investorId: string | null; districtId: string | null; parkId: string | null; industryId: string | null; ownerId: string | null }

/** Milestone dates split into what happened (≤ today) and what is planned (later: plan columns). */
function splitMilestones(values: RowValues, today: string, work: RowWork): { actual: Partial<Record<MainStage, string>>; plans: Record<string, string> } {
  const actual: Partial<Record<MainStage, string>> = {}
  const plans: Record<string, string> = {}
  for (const [stage, field] of MILESTONE_FIELDS) {
    const date = values.milestones[stage]?.date
    if (!date) continue
    if (date > today) {
      plans[PLAN_COLUMN[stage as 'signed' | 'started' | 'operating']] = date
      work.warn(field, `${FIELD_LABEL[field]}（${date}）晚于今天，记为计划${STAGE_LABELS[stage]}日期`)
    } else {
      actual[stage] = date
    }
  }
  return { actual, plans }
}

/** The stage the row means: written, or inferred from the latest milestone that happened. */
function targetStage(values: RowValues, actual: Partial<Record<MainStage, string>>, work: RowWork): Stage {
  if (values.stage) return values.stage
  const reached = (['operating', 'started', 'signed'] as const).find((s) => actual[s])
  const stage = reached ?? 'lead'
  work.warn('stage', `未填写项目状态，按日期记为“${STAGE_LABELS[stage]}”`)
  return stage
}

/**
 * The stage path of a new project, as the stage service would have recorded it step by step: an
 * event for each milestone the ledger dates, in path order, ending at the ledger's stage.
 */
function createValues(values: RowValues, refs: Refs, today: string, work: RowWork): { values: Record<string, unknown>; events: EventWrite[] } {
  const { actual, plans } = splitMilestones(values, today, work)
  let stage = targetStage(values, actual, work)
  if (stage === 'terminated' && !actual.signed && !actual.started && !actual.operating) {
    work.warn('stage', `状态“${values.stageWord}”但没有签约日期：项目未签约，记为“流失”`)
    stage = 'lost'
  }
  const planned = values.planned && values.planned.date <= today ? values.planned.date : null
  if (values.planned && !planned) work.warn('plannedDate', `谋划日期（${values.planned.date}）晚于今天，未导入`)
  const { events, milestones, stageOn } = pathTo(stage, actual, planned, today, values, work)
  const known = [planned, ...Object.values(actual)].filter((d): d is string => !!d).sort()
  const reserveOn = planned ?? known[0] ?? today
  const keys = searchKeys(values.name)
  return {
    values: {
      name: values.name,
      searchKeys: `${keys.full} ${keys.initials}`,
      ...refs,
      stage,
      stageOn,
      totalInvestmentYuan: values.yuan,
      progress: values.progress,
      reserveOn,
      ...milestones,
      ...plans,
    },
    events,
  }
}

function pathTo(
  stage: Stage,
  actual: Partial<Record<MainStage, string>>,
  planned: string | null,
  today: string,
  values: RowValues,
  work: RowWork,
  fromStage: Stage | null = null,
  fromRank = -1,
): { events: EventWrite[]; milestones: Partial<Record<MilestoneColumn, string>>; stageOn: string } {
  const events: EventWrite[] = []
  const milestones: Partial<Record<MilestoneColumn, string>> = {}
  const rank = isMainStage(stage) ? stageRank(stage) : Number.POSITIVE_INFINITY
  let previous = fromStage
  let lastDate: string | null = null
  for (const [milestone, field] of MILESTONE_FIELDS) {
    const date = actual[milestone]
    if (!date) continue
    const r = stageRank(milestone)
    if (r > rank) {
      work.warn(field, `项目状态为“${STAGE_LABELS[stage]}”，${FIELD_LABEL[field]}（${date}）未导入`)
      continue
    }
    if (r <= fromRank) continue
    if (lastDate && date < lastDate) work.warn(field, `${FIELD_LABEL[field]}（${date}）早于前一节点日期（${lastDate}）`)
    milestones[MILESTONE_COLUMN[milestone]!] = date
    if (milestone !== stage) {
      events.push({ fromStage: previous, toStage: milestone, happenedOn: date, reason: null })
      previous = milestone
    }
    lastDate = date
  }
  if (stage === 'lead') return { events, milestones, stageOn: planned ?? lastDate ?? today }
  let own = isMainStage(stage) && MILESTONE_COLUMN[stage] ? actual[stage] : undefined
  if (!own) {
    // the ledger does not say when the stage was reached: the best date we know, said out loud
    own = lastDate ?? planned ?? today
    const what = lastDate ? `最近的节点日期（${own}）` : planned ? `谋划日期（${own}）` : `今天（${own}）`
    const needsDate = !isMainStage(stage) || MILESTONE_COLUMN[stage] !== undefined
    if (needsDate) work.warn('stage', `未填写“${STAGE_LABELS[stage]}”的日期，阶段日期按${what}记`)
    if (isMainStage(stage) && MILESTONE_COLUMN[stage]) milestones[MILESTONE_COLUMN[stage]!] = own
  }
  events.push({ fromStage: previous, toStage: stage, happenedOn: own, reason: isMainStage(stage) ? null : `${IMPORT_REASON}：${values.stageWord ?? ''}` })
  return { events, milestones, stageOn: own }
}

/** What an existing project takes from its ledger row: only what the row says (empty cells keep). */
function updateValues(project: Project, values: RowValues, refs: Refs, today: string, work: RowWork): { patch: Record<string, unknown>; events: EventWrite[] } {
  const { actual, plans } = splitMilestones(values, today, work)
  const wanted: Record<string, unknown> = { ...plans }
  for (const key of ['investorId', 'parkId', 'industryId', 'ownerId'] as const) if (refs[key]) wanted[key] = refs[key]
  if (refs.parkId && refs.districtId) wanted.districtId = refs.districtId
  if (values.yuan !== null) wanted.totalInvestmentYuan = values.yuan
  if (values.progress !== null) wanted.progress = values.progress
  if (values.planned) {
    if (values.planned.date <= today) wanted.reserveOn = values.planned.date
    else work.warn('plannedDate', `谋划日期（${values.planned.date}）晚于今天，未导入`)
  }
  let events: EventWrite[] = []
  let stage = values.stage ?? project.stage
  if (stage === 'terminated' && project.stage !== 'terminated' && !project.signedOn && !actual.signed && !actual.started && !actual.operating) {
    work.warn('stage', `状态“${values.stageWord}”但项目从未签约，记为“流失”`)
    stage = 'lost'
  }
  const current = isMainStage(project.stage) ? stageRank(project.stage) : -1
  if (stage === project.stage) {
    // same stage: correct the milestone dates the ledger gives (up to the stage)
    const rank = isMainStage(stage) ? stageRank(stage) : Number.POSITIVE_INFINITY
    for (const [milestone] of MILESTONE_FIELDS) {
      const date = actual[milestone]
      if (date && stageRank(milestone) <= rank) wanted[MILESTONE_COLUMN[milestone]!] = date
    }
    const own = isMainStage(stage) ? MILESTONE_COLUMN[stage] : undefined
    if (own && actual[stage as MainStage]) wanted.stageOn = actual[stage as MainStage]
  } else if (isMainStage(stage) && stageRank(stage) > current && isMainStage(project.stage)) {
    // forward: the steps the ledger dates beyond where the project stands, then the stage
    const path = pathTo(stage, actual, null, today, values, work, project.stage, current)
    events = path.events
    Object.assign(wanted, path.milestones, { stage, stageOn: path.stageOn })
    for (const [milestone] of MILESTONE_FIELDS) {
      const date = actual[milestone]
      if (date && stageRank(milestone) <= current) wanted[MILESTONE_COLUMN[milestone]!] = date
    }
  } else {
    // back along the path, onto a side stage, or back from one: one step, as changeStage records it
    const own = isMainStage(stage) ? MILESTONE_COLUMN[stage] : undefined
    const date = (isMainStage(stage) ? actual[stage] : undefined) ?? today
    if (!(isMainStage(stage) && actual[stage])) work.warn('stage', `项目状态由“${STAGE_LABELS[project.stage]}”改为“${STAGE_LABELS[stage]}”，日期按今天（${today}）记`)
    const back = isMainStage(stage) && isMainStage(project.stage) && stageRank(stage) < current
    if (back) work.warn('stage', `项目状态由“${STAGE_LABELS[project.stage]}”退回“${STAGE_LABELS[stage]}”`)
    events = [{ fromStage: project.stage, toStage: stage, happenedOn: date, reason: back || !isMainStage(stage) ? `${IMPORT_REASON}：${values.stageWord ?? ''}` : null }]
    Object.assign(wanted, { stage, stageOn: date })
    if (isMainStage(stage)) {
      const rank = stageRank(stage)
      for (const [milestone, column] of Object.entries(MILESTONE_COLUMN) as [MainStage, MilestoneColumn][]) {
        if (stageRank(milestone) > rank) wanted[column] = null
      }
      if (own) wanted[own] = (project[own] && !actual[stage] ? project[own] : date)
    }
  }
  const patch: Record<string, unknown> = {}
  for (const [column, value] of Object.entries(wanted)) {
    if ((project[column as keyof Project] ?? null) !== value) patch[column] = value
  }
  return { patch, events }
}
