// From ledger records to a per-row plan: what each Excel row creates, updates or leaves alone,
// with every error and warning by row. Reads the database, never writes it: the preview is this
// plan, and the real import recomputes it inside its transaction and then writes exactly it.
// The rules (matching key, empty cells, errors) are documented in db/domain/ledger.ts.
import type { Kysely } from 'kysely'
import { newId } from '../context'
import { validateCreditCode } from '../domain/credit-code'
import { type ImportAction, type ImportMessage, type ImportRowPlan, LEDGER_FIELD_LABEL, type LedgerField } from '../domain/ledger'
import { normalizeInvestorName } from '../domain/investor-name'
import { formatYi, type MoneyUnit } from '../domain/money'
import { MILESTONE_COLUMN } from '../domain/project'
import type { PlanColumn, StageStep } from '../domain/stage-transition'
import { PRIORITY, PROJECT_KIND, type Priority, type ProjectKind } from '../domain/vocab'
import { searchKeys } from '../domain/pinyin'
import { stageFromWord } from '../domain/stage-words'
import { type MainStage, STAGE_LABELS, type Stage, isMainStage, stageRank } from '../domain/stages'
import type { Database, Project } from '../schema'
import type { RecordPatch, RecordValues } from '../services/records'
import type { Cell } from '../spreadsheet/grid'
import type { ColumnMapping } from './header'
import { readLedgerAmount } from './ledger-amounts'
import { readLedgerDate } from './ledger-dates'
import type { LedgerRecord } from './records'
import { type EventWrite, StagePath } from './stage-path'

export type { EventWrite }

export type Entity = 'district' | 'park' | 'industry' | 'user' | 'investor' | 'project' | 'stageEvent'

type HelperEntity = Exclude<Entity, 'project' | 'stageEvent'>

/**
 * A row's values without the pinyin search keys: a preview never needs them and pinyin costs as
 * much as the rest of a row's plan, so they are computed when the row is written (searchKeysOf).
 */
type Planned<E extends HelperEntity | 'project'> = E extends 'investor' | 'project' ? Omit<RecordValues<E>, 'searchKeys'> : RecordValues<E>

/** A helper record (区县, 园区…) a row needs and nobody has yet. Ids are chosen here. */
export type Creation = { [E in HelperEntity]: { entity: E; id: string; excelRow: number; values: Planned<E> } }[HelperEntity]

/** The start of the error of a 项目状态 word the import does not know (the CLI names its flag after it). */
export const UNKNOWN_STAGE_WORD = '无法识别的项目状态'

export const INFERRED_NOTE = '日期为推定：台账未写明此阶段日期，按台账日期记'

export type ProjectWrite =
  | { kind: 'create'; id: string; excelRow: number; values: Planned<'project'>; events: EventWrite[] }
  | { kind: 'update'; id: string; excelRow: number; patch: RecordPatch<'project'>; events: EventWrite[] }

export interface Plan {
  rows: ImportRowPlan[]
  messages: ImportMessage[]
  creations: Creation[]
  writes: ProjectWrite[]
  rowsRead: number
  ledgerTotalYuan: number | null
  rowsTotalYuan: number
  /** Amounts implausible for their unit: the import stops until the user confirms or fixes them. */
  confirmations: ImportMessage[]
  /** 责任人 / 包挂领导 names that are no user yet: created only when the user agrees (createPeople). */
  newPeople: string[]
  asOf: string | null
}

/** What the plan needs to know about time: today, and the date the ledger is as of (截至…). */
export interface LedgerClock {
  today: string
  /** The ledger's own date: 截至/填报日期, else the end of the month or year its title names. */
  asOf: string | null
  /** The year a date like '3月' belongs to. */
  year: number | null
}

export interface PlanInput {
  records: Iterable<LedgerRecord>
  columns: readonly ColumnMapping[]
  clock: LedgerClock
  /** Create users for unknown 责任人 / 包挂领导 names (otherwise they are listed and not linked). */
  createPeople?: boolean
  /** The 区县 of every row, from the sheet name or title, when the ledger has no 区县 column. */
  defaultDistrict?: string | null
  onRow?: (done: number) => void
  /** 项目状态 words this office uses that the import does not know: word → the stage it means. */
  stageWords?: Readonly<Record<string, Stage>>
}

/** One project of 1,000 亿元 is more than any district's whole year: the unit must be wrong. */
export const IMPLAUSIBLE_YUAN = 100_000_000_000

type MilestoneField = 'signedDate' | 'registeredDate' | 'startedDate' | 'completedDate' | 'operatingDate'
const MILESTONE_FIELDS: ReadonlyArray<[MainStage, MilestoneField]> = [
  ['signed', 'signedDate'],
  ['registered', 'registeredDate'],
  ['started', 'startedDate'],
  ['completed', 'completedDate'],
  ['operating', 'operatingDate'],
]
const PLAN_COLUMN: Partial<Record<MainStage, PlanColumn>> = {
  signed: 'planSignedOn',
  started: 'planStartedOn',
  operating: 'planOperatingOn',
}
const FIELD_LABEL = LEDGER_FIELD_LABEL
const UNIT: Record<'亿元' | '万元' | '元', MoneyUnit> = { 亿元: 'yi', 万元: 'wan', 元: 'yuan' }
const UNIT_NAME: Record<MoneyUnit, string> = { yi: '亿元', wan: '万元', yuan: '元' }
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
type Money = 'investment' | 'fixedAsset' | 'agreementAmount'
type Units = Record<Money, MoneyUnit>

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
    // top-level industries first (SQLite sorts NULL before any value): a name used at both levels means the 产业
    const industries = await this.db
      .selectFrom('industry')
      .select(['id', 'name', 'parentId'])
      .where('deletedAt', 'is', null)
      .orderBy('parentId', 'asc')
      .orderBy('id')
      .execute()
    for (const i of industries) {
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
    await this.loadInvestors()
  }

  addPark(key: string, id: string, districtId: string): void {
    this.parks.set(key, [...(this.parks.get(key) ?? []), { id, districtId }])
  }

  addProject(key: string, id: string, investorId: string | null): void {
    this.projects.set(key, [...(this.projects.get(key) ?? []), { id, investorId }])
  }

  /** Live investors in one query: 10⁴ rows must not each ask for their investor. */
  private async loadInvestors(): Promise<void> {
    // oldest first: the first investor of a name (or code) is the one a row links to
    const investors = await this.db
      .selectFrom('investor')
      .select(['id', 'name', 'nameNorm', 'creditCode'])
      .where('deletedAt', 'is', null)
      .orderBy('createdAt')
      .orderBy('id')
      .execute()
    for (const i of investors) {
      if (!this.investorsByNorm.has(i.nameNorm)) this.investorsByNorm.set(i.nameNorm, i.id)
      if (i.creditCode && !this.investorsByCode.has(i.creditCode)) this.investorsByCode.set(i.creditCode, { id: i.id, name: i.name })
    }
  }

  investorByCode(code: string): { id: string; name: string } | null {
    return this.investorsByCode.get(code) ?? null
  }

  investorByNorm(norm: string): string | null {
    return this.investorsByNorm.get(norm) ?? null
  }
}

// An investor named on many rows is created once but would be looked up per row: each name's
// keys are computed once per run of imports.
const SEARCH_KEYS_KEPT = 50_000
const searchKeysMemo = new Map<string, string>()

/** The search_keys column of a project or investor the import creates ('full initials'). */
export function searchKeysOf(name: string): string {
  let text = searchKeysMemo.get(name)
  if (text === undefined) {
    const keys = searchKeys(name)
    text = `${keys.full} ${keys.initials}`
    if (searchKeysMemo.size >= SEARCH_KEYS_KEPT) searchKeysMemo.delete(searchKeysMemo.keys().next().value!)
    searchKeysMemo.set(name, text)
  }
  return text
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

  /** A 项目状态 word no rule knows: an error that carries the word, so the wizard can ask about it. */
  unknownStage(word: string): void {
    this.push('error', 'stage', `${UNKNOWN_STAGE_WORD}“${word}”（可用：储备、在谈、签约、注册落地、开工、竣工、投产、暂缓、流失、终止等；请说明它对应哪个阶段）`)
    this.messages[this.messages.length - 1]!.stageWord = word
  }

  private push(level: 'error' | 'warning', field: LedgerField | null, message: string): void {
    this.messages.push({ excelRow: this.excelRow, level, field, column: field ? (this.letters.get(field) ?? null) : null, message })
  }

  hasColumn(field: LedgerField): boolean {
    return this.letters.has(field)
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
  const plan: Plan = { rows: [], messages: [], creations: [], writes: [], rowsRead: 0, ledgerTotalYuan: null, rowsTotalYuan: 0, confirmations: [], newPeople: [], asOf: input.clock.asOf }
  const fileMessage = (field: LedgerField, message: string) =>
    plan.messages.push({ excelRow: null, level: 'warning', field, column: letters.get(field) ?? null, message })
  const moneyUnits = {} as Units
  for (const field of ['investment', 'fixedAsset', 'agreementAmount'] as const) {
    moneyUnits[field] = units.get(field) ?? 'yi'
    if (letters.has(field) && !units.has(field)) fileMessage(field, `${FIELD_LABEL[field]}列未注明单位（表头、上方的合并表头和“单位：”行都没有写），按“亿元”读取`)
  }
  // the ledger's total: 总投资, or the agreement amount where the ledger has no 总投资
  const totalField: Money = !letters.has('investment') && letters.has('agreementAmount') ? 'agreementAmount' : 'investment'
  if (totalField === 'agreementAmount') fileMessage('agreementAmount', '台账没有“总投资”列，按“签约金额”作为项目总投资')
  const investmentUnit = moneyUnits[totalField]
  const clock = input.clock
  if (input.defaultDistrict) {
    plan.messages.push({ excelRow: null, level: 'warning', field: 'district', column: null, message: `台账没有“所属区县”列，按工作表名或标题记为“${input.defaultDistrict}”` })
  }
  const defaultDistrict = input.defaultDistrict ?? null
  const people = { create: input.createPeople === true, asked: new Set<string>() }
  const stageWords = new Map(Object.entries(input.stageWords ?? {}).map(([word, stage]) => [nameKey(word), stage]))
  const seen = new Map<string, number>()
  let totalRow: { excelRow: number; yuan: number | null } | null = null
  let rowsTotal = 0n
  let groupTotal = 0n
  let done = 0

  for (const record of input.records) {
    if (++done % 500 === 0) input.onRow?.(done)
    if (record.kind === 'blank') continue
    if (record.kind === 'total' || record.kind === 'subtotal' || record.kind === 'note') {
      const cell = record.values[totalField]
      const parsed = cellText(cell) === null ? null : readLedgerAmount(numberOrText(cell!), investmentUnit)
      const yuan = parsed?.ok ? parsed.yuan : null
      if (record.kind === 'total' && !totalRow) totalRow = { excelRow: record.excelRow, yuan }
      if (record.kind === 'subtotal') {
        // a 小计 sums the rows since the previous 小计 (one park's or district's projects)
        if (yuan !== null && BigInt(yuan) !== groupTotal) {
          plan.messages.push({
            excelRow: record.excelRow,
            level: 'warning',
            field: totalField,
            column: letters.get(totalField) ?? null,
            message: `小计（${formatYi(yuan)}亿元）与其上方各行之和（${formatYi(Number(groupTotal))}亿元）不一致`,
          })
        }
        groupTotal = 0n
      }
      const note = { total: '合计行，不导入', subtotal: '小计行，不导入', note: '说明行，不导入' }[record.kind]
      plan.rows.push(rowPlan(record.excelRow, 'skip', null, { note }))
      continue
    }
    plan.rowsRead++
    const work = new RowWork(record.excelRow, letters)
    const row = await planRow(registry, defaultDistrict && !record.values.district ? { ...record, values: { ...record.values, district: defaultDistrict } } : record, work, { units: moneyUnits, totalField, stageWords }, clock, seen, people)
    plan.messages.push(...work.messages)
    if (!row || work.failed) {
      plan.rows.push(rowPlan(record.excelRow, 'error', cellText(record.values.name)))
      continue
    }
    if (row.yuan !== null) {
      rowsTotal += BigInt(row.yuan)
      groupTotal += BigInt(row.yuan)
      if (row.yuan >= IMPLAUSIBLE_YUAN) {
        plan.confirmations.push({
          excelRow: record.excelRow,
          level: 'warning',
          field: totalField,
          column: letters.get(totalField) ?? null,
          message: `“${row.plan.name}”的总投资按“${UNIT_NAME[investmentUnit]}”读作 ${formatYi(row.yuan)} 亿元，超过 1000 亿元，单位很可能不对`,
        })
      }
    }
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
        field: totalField,
        column: letters.get(totalField) ?? null,
        message: `合计（${formatYi(totalRow.yuan)}亿元）与导入各行${FIELD_LABEL[totalField]}之和（${formatYi(Number(rowsTotal))}亿元）不一致`,
      })
      // off by a factor of ten or more: a unit or a column is wrong, not a typo
      const [small, large] = [Math.min(totalRow.yuan, Number(rowsTotal)), Math.max(totalRow.yuan, Number(rowsTotal))]
      // (the sums differ and neither is negative, so the larger one is above 0; x / 0 is Infinity)
      if (large / small >= 9.5) {
        plan.confirmations.push({
          excelRow: totalRow.excelRow,
          level: 'warning',
          field: totalField,
          column: letters.get(totalField) ?? null,
          message: `合计（${formatYi(totalRow.yuan)}亿元）与各行之和（${formatYi(Number(rowsTotal))}亿元）相差${small === 0 ? '悬殊' : `约${Math.round(large / small)}倍`}，单位或金额列很可能不对`,
        })
      }
    }
  }
  for (const c of plan.confirmations) plan.messages.push({ ...c, message: `${c.message}（需确认后才能导入）` })
  plan.newPeople = [...people.asked]
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
  leader: string | null
  phone: string | null
  progress: string | null
  chain: string | null
  kind: ProjectKind | null
  priority: Priority | null
  fixedAssetYuan: number | null
  agreementYuan: number | null
}

/** How cells are read: the money columns' units, and the stage words the user explained. */
type ReadingRules = { units: Units; totalField: Money; stageWords: ReadonlyMap<string, Stage> }

/** A word the user explained (--stage-word, the wizard's answer) first, then the known words. */
function stageOf(word: string, explained: ReadonlyMap<string, Stage>): Stage | null {
  return explained.get(nameKey(word)) ?? stageFromWord(word)
}

function readValues(record: LedgerRecord, work: RowWork, money: ReadingRules, clock: LedgerClock): RowValues | null {
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
    leader: limitText(work, 'leader', cellText(v.leader), 50),
    phone: limitText(work, 'phone', cellText(v.phone), 40),
    progress: limitText(work, 'progress', cellText(v.progress), 2000),
    chain: limitText(work, 'chain', cellText(v.chain), 100),
    kind: vocabulary(work, 'kind', cellText(v.kind), PROJECT_KIND.labels, KIND_WORDS),
    priority: vocabulary(work, 'priority', cellText(v.priority), PRIORITY.labels, PRIORITY_WORDS),
    fixedAssetYuan: null,
    agreementYuan: null,
  }
  const code = cellText(v.creditCode)
  if (code !== null) {
    const checked = validateCreditCode(code)
    if (checked.ok) values.creditCode = checked.code
    else work.warn('creditCode', `统一社会信用代码“${code}”无效（${checked.reason}），未使用`)
  }
  values.yuan = readMoney(v[money.totalField], money.totalField, money.units, work)
  values.fixedAssetYuan = readMoney(v.fixedAsset, 'fixedAsset', money.units, work)
  values.agreementYuan = money.totalField === 'agreementAmount' ? values.yuan : readMoney(v.agreementAmount, 'agreementAmount', money.units, work)
  if (values.stageWord !== null) {
    values.stage = stageOf(values.stageWord, money.stageWords)
    if (!values.stage) work.unknownStage(values.stageWord)
  }
  values.planned = readDate(v.plannedDate, 'plannedDate', work, clock)
  for (const [stage, field] of MILESTONE_FIELDS) {
    const date = readDate(v[field], field, work, clock)
    if (date) values.milestones[stage] = date
  }
  return values
}

function readMoney(cell: Cell | undefined, field: Money, units: Units, work: RowWork): number | null {
  if (cellText(cell) === null) return null
  const label = FIELD_LABEL[field]
  if (typeof cell === 'boolean' || cell instanceof Date) {
    work.error(field, `${label}不是有效金额（“${cellText(cell)}”）`)
    return null
  }
  const parsed = readLedgerAmount(numberOrText(cell!), units[field])
  if (!parsed.ok) {
    work.error(field, `${label}：${parsed.reason}（“${cellText(cell)}”）`)
    return null
  }
  if (parsed.approximate && parsed.yuan !== null) work.warn(field, `${label}“${cellText(cell)}”是约数，按 ${formatYi(parsed.yuan)} 亿元记`)
  return parsed.yuan
}

// 建设性质 and 重点级别 as offices write them; the vocabulary's own labels are read too
const KIND_WORDS: Record<string, ProjectKind> = { 新建: 'new', 新建项目: 'new', 扩建: 'expansion', 改扩建: 'expansion', 增资扩产: 'capital_increase', 增资: 'capital_increase', 技改: 'renovation', 技术改造: 'renovation' }
const PRIORITY_WORDS: Record<string, Priority> = { 省重点: 'provincial', 省级: 'provincial', 省重点项目: 'provincial', 市重点: 'municipal', 市级: 'municipal', 市重点项目: 'municipal', 区重点: 'district', 县重点: 'district', 区级: 'district', 县级: 'district', 区县重点: 'district' }

function vocabulary<K extends string>(work: RowWork, field: 'kind' | 'priority', text: string | null, labels: Record<K, string>, words: Record<string, K>): K | null {
  if (text === null) return null
  const key = nameKey(text)
  const found = words[key] ?? (Object.entries(labels) as [K, string][]).find(([, label]) => label === key)?.[0]
  if (found) return found
  // 续建 (construction carried over from last year) says the stage, not the kind
  if (field === 'kind' && key !== '续建') work.warn(field, `${FIELD_LABEL[field]}“${text}”无法识别（可用：${Object.values(labels).join('、')}），未导入`)
  if (field === 'priority') work.warn(field, `${FIELD_LABEL[field]}“${text}”无法识别（可用：${Object.values(labels).join('、')}），未导入`)
  return null
}

function readDate(cell: Cell | undefined, field: LedgerField, work: RowWork, clock: LedgerClock): Dated | null {
  if (cellText(cell) === null) return null
  if (typeof cell === 'boolean') {
    work.error(field, `${FIELD_LABEL[field]}不是有效日期（“${String(cell)}”）`)
    return null
  }
  // (readLedgerDate drops every space itself)
  const parsed = readLedgerDate(cell!, clock.year)
  if (!parsed.ok) {
    work.error(field, `${FIELD_LABEL[field]}：${parsed.reason}（“${cellText(cell)}”）`)
    return null
  }
  if (parsed.approximate) work.warn(field, `${FIELD_LABEL[field]}是大约的时间（“${cellText(cell)}”），按${parsed.date.slice(0, 7)}月记（约）`)
  else if (parsed.precision === 'month') work.warn(field, `${FIELD_LABEL[field]}只写到月（“${cellText(cell)}”），按当月1日记`)
  return { date: parsed.date, precision: parsed.precision }
}

async function planRow(
  registry: Registry,
  record: LedgerRecord,
  work: RowWork,
  money: ReadingRules,
  clock: LedgerClock,
  seen: Map<string, number>,
  people: { create: boolean; asked: Set<string> },
): Promise<{ plan: ImportRowPlan; write: ProjectWrite | null; yuan: number | null } | null> {
  const values = readValues(record, work, money, clock)
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

  const investorId = resolveInvestor(registry, values, work, creates)
  const industryId = resolveSimple(registry.industries, values.industry, work, 'industry', creates, (id) => ({ entity: 'industry', id, excelRow: work.excelRow, values: { name: values.industry!, parentId: null, sortOrder: 0 } }), '产业')
  const ownerId = resolvePerson(registry, values.owner, 'owner', values.phone, work, creates, people)
  const leaderId = resolvePerson(registry, values.leader, 'leader', null, work, creates, people)

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

  const refs = { investorId, districtId, parkId, industryId, ownerId, leaderId }
  if (!existing) {
    // no registry.addProject: a later row of the same key is refused by `seen` above
    const id = newId()
    const { values: projectValues, events } = createValues(values, refs, clock, work)
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
  const latestFirst =
    values.stage && values.stage !== project.stage
      ? await registry.db
          .selectFrom('stageEvent')
          .select(['fromStage', 'toStage', 'happenedOn'])
          .where('projectId', '=', project.id)
          .where('deletedAt', 'is', null)
          .orderBy('id', 'desc')
          .execute()
      : []
  const { patch, events } = updateValues(project, latestFirst, values, refs, clock, work)
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

/**
 * An unknown 责任人 or 包挂领导 becomes a user account only when the user agreed (createPeople);
 * otherwise the name is listed in the preview and the project is not linked to anyone.
 */
function resolvePerson(
  registry: Registry,
  name: string | null,
  field: 'owner' | 'leader',
  phone: string | null,
  work: RowWork,
  creates: string[],
  people: { create: boolean; asked: Set<string> },
): string | null {
  if (!name) return null
  const known = registry.users.get(nameKey(name)) ?? work.creations.find((c) => c.entity === 'user' && nameKey(String(c.values.name)) === nameKey(name))?.id
  if (known) return known
  people.asked.add(name)
  if (!people.create) {
    work.warn(field, `${FIELD_LABEL[field]}“${name}”还不是系统用户，未关联（确认新建这些人员后再导入即可关联）`)
    return null
  }
  return resolveSimple(registry.users, name, work, 'user', creates, (id) => ({ entity: 'user', id, excelRow: work.excelRow, values: { name, role: 'staff', phone: field === 'owner' ? phone : null } }), FIELD_LABEL[field])
}

function resolveSimple(
  map: Map<string, string>,
  name: string | null,
  work: RowWork,
  entity: 'industry' | 'user',
  creates: string[],
  creation: (id: string) => Creation,
  label: string,
): string | null {
  if (!name) return null
  const found = map.get(nameKey(name)) ?? work.creations.find((c) => c.entity === entity && nameKey(String(c.values.name)) === nameKey(name))?.id
  if (found) return found
  const id = newId()
  work.creations.push(creation(id))
  creates.push(`${label}“${name}”`)
  return id
}

function resolveInvestor(registry: Registry, values: RowValues, work: RowWork, creates: string[]): string | null {
  const code = values.creditCode
  if (code) {
    const byCode = registry.investorByCode(code)
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
  const byName = registry.investorByNorm(norm)
  if (byName) return byName
  const id = newId()
  work.creations.push({ entity: 'investor', id, excelRow: work.excelRow, values: { name: values.investor, nameNorm: norm, creditCode: code } })
  creates.push(`客商“${values.investor}”`)
  return id
}

type Refs = { investorId: string | null; districtId: string | null; parkId: string | null; industryId: string | null; ownerId: string | null; leaderId: string | null }

type PlainColumns = Partial<Pick<Project, 'totalInvestmentYuan' | 'fixedAssetYuan' | 'progress' | 'chain' | 'kind' | 'priority'>>

/** Columns a row sets directly (empty cells leave the app's value, as everywhere in the import). */
function plainColumns(values: RowValues): PlainColumns {
  const out: PlainColumns = {}
  if (values.yuan !== null) out.totalInvestmentYuan = values.yuan
  if (values.fixedAssetYuan !== null) out.fixedAssetYuan = values.fixedAssetYuan
  if (values.progress !== null) out.progress = values.progress
  if (values.chain !== null) out.chain = values.chain
  if (values.kind !== null) out.kind = values.kind
  if (values.priority !== null) out.priority = values.priority
  return out
}

/** Milestone dates split into what happened (≤ today) and what is planned (later: plan columns). */
function splitMilestones(values: RowValues, today: string, work: RowWork): { actual: Partial<Record<MainStage, string>>; plans: Partial<Record<PlanColumn, string>> } {
  // the plan columns exist for 签约, 开工 and 投产 only
  const actual: Partial<Record<MainStage, string>> = {}
  const plans: Partial<Record<PlanColumn, string>> = {}
  for (const [stage, field] of MILESTONE_FIELDS) {
    const date = values.milestones[stage]?.date
    if (!date) continue
    if (date > today) {
      const column = PLAN_COLUMN[stage]
      if (column) {
        plans[column] = date
        work.warn(field, `${FIELD_LABEL[field]}（${date}）晚于今天，记为计划${STAGE_LABELS[stage]}日期`)
      } else {
        work.warn(field, `${FIELD_LABEL[field]}（${date}）晚于今天，未导入`)
      }
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
function createValues(values: RowValues, refs: Refs, clock: LedgerClock, work: RowWork): { values: Planned<'project'>; events: EventWrite[] } {
  const today = clock.today
  const { actual, plans } = splitMilestones(values, today, work)
  let stage = targetStage(values, actual, work)
  if (stage === 'terminated' && !actual.signed && !actual.started && !actual.operating) {
    work.warn('stage', `状态“${values.stageWord}”但没有签约日期：项目未签约，记为“流失”`)
    stage = 'lost'
  }
  const planned = values.planned && values.planned.date <= today ? values.planned.date : null
  if (values.planned && !planned) work.warn('plannedDate', `谋划日期（${values.planned.date}）晚于今天，未导入`)
  const path = new StagePath(null, [], importReason(values))
  const stageOn = pathTo(stage, actual, planned, clock, work, path)
  const known = [planned, ...Object.values(actual)].filter((d): d is string => !!d).sort()
  // 入库 without a date: the ledger's own date (a 2024 ledger's projects are 2024's), never the import day
  let reserveOn = planned ?? known[0] ?? null
  if (!reserveOn) {
    reserveOn = clock.asOf ?? today
    if (values.planned === null && work.hasColumn('plannedDate')) {
      work.warn('plannedDate', clock.asOf ? `未填写谋划/入库日期，按台账日期（${clock.asOf}）记` : `未填写谋划/入库日期，台账中也没有截至日期，按今天（${today}）记`)
    }
  }
  return {
    values: {
      name: values.name,
      ...refs,
      ...plainColumns(values),
      reserveOn,
      ...path.patch,
      stage,
      stageOn,
      ...plans,
    },
    events: path.events,
  }
}

const importReason = (values: RowValues): string => `${IMPORT_REASON}：${values.stageWord ?? ''}`

/**
 * Walks `path` to `stage` through the milestones the ledger dates beyond `fromRank`, one step of
 * the stage rule each, and returns the stage date. A stage without its own date takes the
 * ledger's date, marked as inferred.
 */
function pathTo(stage: Stage, actual: Partial<Record<MainStage, string>>, planned: string | null, clock: LedgerClock, work: RowWork, path: StagePath, fromRank = -1): string {
  const rank = isMainStage(stage) ? stageRank(stage) : Number.POSITIVE_INFINITY
  const step = (toStage: Stage, on: string, note: string | null = null) => {
    const refusal = path.step(toStage, on, note)
    if (refusal) work.error('stage', refusal)
  }
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
    if (milestone !== stage) step(milestone, date)
    lastDate = date
  }
  // every milestone is beyond 线索, so none was walked: no lastDate here
  if (stage === 'lead') return planned ?? clock.asOf ?? clock.today
  const own = isMainStage(stage) && MILESTONE_COLUMN[stage] ? actual[stage] : undefined
  if (own) {
    step(stage, own)
    return own
  }
  // The ledger does not say when the stage was reached. It was reached by the ledger's own date
  // (截至…, the title's month or year), so that date stands, marked as inferred; the import
  // day only when the ledger has no date at all, said out loud.
  const inferred = clock.asOf ?? lastDate ?? planned ?? clock.today
  const what = clock.asOf ? `台账日期（${inferred}，推定）` : lastDate ? `最近的节点日期（${inferred}）` : planned ? `谋划日期（${inferred}）` : `今天（${inferred}）`
  const needsDate = !isMainStage(stage) || MILESTONE_COLUMN[stage] !== undefined
  if (needsDate) work.warn('stage', `未填写“${STAGE_LABELS[stage]}”的日期，阶段日期按${what}记`)
  step(stage, inferred, INFERRED_NOTE)
  return inferred
}

/** What an existing project takes from its ledger row: only what the row says (empty cells keep). */
function updateValues(project: Project, latestFirst: readonly StageStep[], values: RowValues, refs: Refs, clock: LedgerClock, work: RowWork): { patch: RecordPatch<'project'>; events: EventWrite[] } {
  const today = clock.today
  const { actual, plans } = splitMilestones(values, today, work)
  const wanted: RecordPatch<'project'> = { ...plans, ...plainColumns(values) }
  // not the district: the project was found by its name in that very district
  for (const key of ['investorId', 'parkId', 'industryId', 'ownerId', 'leaderId'] as const) if (refs[key]) wanted[key] = refs[key]
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
  } else {
    // a stage change: by the stage rule, as the stage dialog would make it (see stage-path.ts)
    const path = new StagePath(project, latestFirst, importReason(values))
    if (isMainStage(stage) && stageRank(stage) > current && isMainStage(project.stage)) {
      // forward: the steps the ledger dates beyond where the project stands, then the stage
      const stageOn = pathTo(stage, actual, null, clock, work, path, current)
      Object.assign(wanted, path.patch, { stageOn })
      for (const [milestone] of MILESTONE_FIELDS) {
        const date = actual[milestone]
        if (date && stageRank(milestone) <= current) wanted[MILESTONE_COLUMN[milestone]!] = date
      }
    } else if (!isMainStage(stage) && isMainStage(project.stage) && MILESTONE_FIELDS.some(([milestone]) => actual[milestone] && stageRank(milestone) > current)) {
      // aside after steps the row dates beyond where the project stands (终止 with its 开工 date):
      // those steps first, then aside — as a new project's row walks — rather than dropping the
      // dates or refusing 解约 of a project the ledger shows signed
      pathTo(stage, actual, null, clock, work, path, current)
      Object.assign(wanted, path.patch)
    } else {
      // back along the path, onto a side stage, or back from one: one step
      // undated: the ledger's own date when it has one (as a step forward takes it), else today
      const dated = isMainStage(stage) ? actual[stage] : undefined
      const when = dated ?? clock.asOf ?? today
      if (!dated) work.warn('stage', `项目状态由“${STAGE_LABELS[project.stage]}”改为“${STAGE_LABELS[stage]}”，日期按${clock.asOf ? `台账日期（${when}，推定）` : `今天（${when}）`}记`)
      if (isMainStage(stage) && path.needsReason(stage)) work.warn('stage', `项目状态由“${STAGE_LABELS[project.stage]}”退回“${STAGE_LABELS[stage]}”`)
      const refusal = path.step(stage, when, !dated && clock.asOf ? INFERRED_NOTE : null)
      if (refusal) work.error('stage', refusal)
      Object.assign(wanted, path.patch)
      // the ledger's own date for the stage corrects the one the rule kept
      const own = isMainStage(stage) ? MILESTONE_COLUMN[stage] : undefined
      if (own && dated) wanted[own] = dated
    }
    events = path.events
  }
  const patch: RecordPatch<'project'> = {}
  for (const [column, value] of Object.entries(wanted)) {
    if ((project[column as keyof Project] ?? null) !== value) Object.assign(patch, { [column]: value })
  }
  return { patch, events }
}
