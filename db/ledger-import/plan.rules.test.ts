// The import plan's rules (plan.ts) called directly: small in-memory sheets planned against one
// migrated in-memory database for the whole file, so each test takes milliseconds and a mutation
// run (docs/mutation.md) can afford to run them for every mutant of plan.ts. Planning only reads
// the database; each test seeds what it needs under names of its own.
import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newId } from '../context'
import type { LedgerField } from '../domain/ledger'
import type { Stage } from '../domain/stages'
import { type OpenDatabase, openDatabase } from '../open'
import type { Database } from '../schema'
import type { Cell } from '../spreadsheet/grid'
import type { ColumnMapping } from './header'
import type { AmountUnit } from './header-words'
import { IMPLAUSIBLE_YUAN, INFERRED_NOTE, type LedgerClock, type Plan, type PlanInput, cellText, nameKey, planImport, projectKey, searchKeysOf } from './plan'
import type { LedgerRecord, LedgerRowKind } from './records'

let opened: OpenDatabase
let db: Kysely<Database>
beforeAll(async () => {
  opened = await openDatabase({ file: ':memory:' })
  db = opened.db
})
afterAll(() => opened.close())

const TODAY = '2026-11-30'
const YI = 100_000_000

/** A column: its field, with the unit its header names (`investment:万元`); null for one not imported. */
type Col = LedgerField | `${LedgerField}:${AmountUnit}` | null
type Row = Cell[] | { kind: LedgerRowKind; cells: Cell[] }
type Options = Partial<Omit<PlanInput, 'records' | 'columns' | 'clock'>> & { clock?: Partial<LedgerClock> }

function columnsOf(cols: readonly Col[]): ColumnMapping[] {
  return cols.map((col, index) => {
    const [field, unit] = col === null ? [null, null] : (col.split(':') as [LedgerField, AmountUnit | undefined])
    return { index, letter: String.fromCharCode(65 + index), header: col ?? '备注', field, unit: unit ?? null }
  })
}

/** Plans rows 2, 3, … of a sheet whose header (row 1) has these columns. */
function plan(cols: readonly Col[], rows: readonly Row[], options: Options = {}): Promise<Plan> {
  const columns = columnsOf(cols)
  const records: LedgerRecord[] = rows.map((row, i) => {
    const { kind, cells } = Array.isArray(row) ? { kind: 'data' as const, cells: row } : row
    const values: LedgerRecord['values'] = {}
    for (const c of columns) if (c.field) values[c.field] = cells[c.index] ?? null
    return { excelRow: i + 2, kind, values, cells }
  })
  const { clock, ...rest } = options
  return planImport(db, { records, columns, clock: { today: TODAY, asOf: null, year: 2026, ...clock }, ...rest })
}

// A row without a 项目状态 column is put at the stage its dates say, with a warning of its own
// (tested under 'the stage of a new project'); the other tests leave that warning aside.
const STAGE_FROM_DATES = /^未填写项目状态，按日期记为/
const messages = (p: Plan) => p.messages.filter((m) => !STAGE_FROM_DATES.test(m.message))
const said = (p: Plan, excelRow: number | null): string[] =>
  p.messages.filter((m) => m.excelRow === excelRow && !STAGE_FROM_DATES.test(m.message)).map((m) => m.message)
const creationsOf = (p: Plan, entity: string) => p.creations.filter((c) => c.entity === entity)
const createdValues = (p: Plan, excelRow: number) => {
  const write = p.writes.find((w) => w.excelRow === excelRow)
  if (write?.kind !== 'create') throw new Error(`row ${excelRow} creates no project`)
  return write
}
const updateOf = (p: Plan, excelRow: number) => {
  const write = p.writes.find((w) => w.excelRow === excelRow)
  if (write?.kind !== 'update') throw new Error(`row ${excelRow} updates no project`)
  return write
}

// ---- seeding: rows as another session left them ----
let clockTick = 0
const stamp = () => {
  const at = new Date(Date.UTC(2026, 0, 1) + ++clockTick * 1000).toISOString()
  return { createdAt: at, updatedAt: at }
}
async function seedDistrict(name: string, deleted = false): Promise<string> {
  const id = newId()
  await db.insertInto('district').values({ id, name, ...stamp(), deletedAt: deleted ? '2026-02-01T00:00:00.000Z' : null }).execute()
  return id
}
async function seedPark(name: string, districtId: string): Promise<string> {
  const id = newId()
  await db.insertInto('park').values({ id, name, districtId, ...stamp() }).execute()
  return id
}
async function seedIndustry(name: string, parentId: string | null = null): Promise<string> {
  const id = newId()
  await db.insertInto('industry').values({ id, name, parentId, sortOrder: 0, ...stamp() }).execute()
  return id
}
async function seedUser(name: string, deleted = false): Promise<string> {
  const id = newId()
  await db.insertInto('user').values({ id, name, role: 'staff', ...stamp(), deletedAt: deleted ? '2026-02-01T00:00:00.000Z' : null }).execute()
  return id
}
async function seedInvestor(name: string, nameNorm: string, creditCode: string | null = null, deleted = false): Promise<string> {
  const id = newId()
  await db.insertInto('investor').values({ id, name, nameNorm, creditCode, searchKeys: '', ...stamp(), deletedAt: deleted ? '2026-02-01T00:00:00.000Z' : null }).execute()
  return id
}
type SeedProject = { name: string; districtId?: string | null; investorId?: string | null; stage?: Stage; stageOn?: string; deleted?: boolean } & Record<string, unknown>
async function seedProject({ name, districtId = null, investorId = null, stage = 'lead', stageOn = '2025-01-01', deleted = false, ...columns }: SeedProject): Promise<string> {
  const id = newId()
  await db
    .insertInto('project')
    .values({ id, name, districtId, investorId, stage, stageOn, reserveOn: '2025-01-01', ...stamp(), deletedAt: deleted ? '2026-02-01T00:00:00.000Z' : null, ...columns } as never)
    .execute()
  return id
}
async function seedStageEvent(projectId: string, fromStage: Stage | null, toStage: Stage, happenedOn: string): Promise<void> {
  await db.insertInto('stageEvent').values({ id: newId(), projectId, fromStage, toStage, happenedOn, ...stamp() }).execute()
}

describe('cell text', () => {
  it('is null for an empty or blank cell, trimmed of ideographic spaces otherwise', () => {
    expect(cellText(null)).toBeNull()
    expect(cellText(undefined)).toBeNull()
    expect(cellText(' \u3000 ')).toBeNull()
    expect(cellText('\u3000甲 项目\u3000')).toBe('甲 项目')
    expect(cellText(12.5)).toBe('12.5')
  })

  it('reads a Date cell as its calendar day', () => {
    expect(cellText(new Date('2024-03-05T00:00:00Z'))).toBe('2024-03-05')
  })

  it("drops the ' our exports put before text a spreadsheet would run as a formula, and only that", () => {
    expect(cellText("'=SUM(A1)")).toBe('=SUM(A1)')
    expect(cellText("'+86 531")).toBe('+86 531')
    expect(cellText("'-1")).toBe('-1')
    expect(cellText("'@x")).toBe('@x')
    expect(cellText("'abc")).toBe("'abc")
    expect(cellText("a'=1")).toBe("a'=1")
  })

  it('gives a name’s search keys as full pinyin and initials, the same each time', () => {
    expect(searchKeysOf('济南')).toBe('jinan jn')
    expect(searchKeysOf('济南')).toBe('jinan jn')
  })

  it('compares names as people see them: full-width folded, every space and line break ignored', () => {
    expect(nameKey('Ａ 区\u3000\n甲  乙')).toBe('A区甲乙')
    expect(projectKey('甲 项目', 'd1')).toBe(projectKey('甲项目', 'd1'))
    expect(projectKey('甲项目', 'd1')).not.toBe(projectKey('甲项目', null))
  })
})

describe('money columns', () => {
  it('reads each money column in the unit its header names', async () => {
    const p = await plan(['name', 'investment:万元', 'fixedAsset:元'], [['万元项目', 150, 2000]])
    expect(createdValues(p, 2).values).toMatchObject({ totalInvestmentYuan: 1_500_000, fixedAssetYuan: 2000 })
    expect(said(p, null)).toEqual([])
  })

  it('reads a money column without a unit as 亿元 and says so once per column, naming it', async () => {
    const p = await plan(['name', 'investment', 'fixedAsset', 'agreementAmount:万元', null], [['无单位项目', 2, 1, 5, '备注']])
    expect(createdValues(p, 2).values).toMatchObject({ totalInvestmentYuan: 2 * YI, fixedAssetYuan: YI })
    expect(messages(p).filter((m) => m.message.includes('未注明单位')).map((m) => [m.excelRow, m.level, m.field, m.column])).toEqual([
      [null, 'warning', 'investment', 'B'],
      [null, 'warning', 'fixedAsset', 'C'],
    ])
  })

  it('says nothing about money for a ledger without money columns', async () => {
    const p = await plan(['name', 'stage'], [['无金额项目', '在谈']])
    expect(messages(p)).toEqual([])
    expect(p.rowsTotalYuan).toBe(0)
  })

  it('takes 签约金额 as the total where the ledger has no 总投资, read once in its unit', async () => {
    const p = await plan(['name', 'agreementAmount:万元'], [['签约额项目', '约500']])
    expect(said(p, null)).toEqual(['台账没有“总投资”列，按“签约金额”作为项目总投资'])
    expect(messages(p).find((m) => m.excelRow === null)).toMatchObject({ field: 'agreementAmount', column: 'B' })
    expect(createdValues(p, 2).values.totalInvestmentYuan).toBe(5_000_000)
    // the approximate amount is said once, not once as total and again as agreement
    expect(said(p, 2).filter((m) => m.includes('约数'))).toEqual(['签约金额“约500”是约数，按 0.05 亿元记'])
  })

  it('reads 签约金额 beside 总投资 on its own: an invalid one refuses the row', async () => {
    const p = await plan(['name', 'investment:亿元', 'agreementAmount:亿元'], [['两列项目', 3, '很多']])
    expect(p.rows[0]!.action).toBe('error')
    expect(messages(p)).toContainEqual(expect.objectContaining({ excelRow: 2, level: 'error', field: 'agreementAmount', column: 'C' }))
  })

  it('refuses a true/false or a date in a money column, with the cell as typed', async () => {
    const p = await plan(['name', 'investment:亿元'], [['布尔项目', true], ['日期项目', new Date('2024-01-02T00:00:00Z')]])
    expect(p.rows.map((r) => r.action)).toEqual(['error', 'error'])
    expect(said(p, 2)).toEqual(['总投资不是有效金额（“true”）'])
    expect(said(p, 3)).toEqual(['总投资不是有效金额（“2024-01-02”）'])
  })

  it('refuses text that is no amount, saying why and what was typed', async () => {
    const p = await plan(['name', 'investment:亿元'], [['文字项目', '很多']])
    expect(said(p, 2)).toEqual([expect.stringMatching(/^总投资：.+（“很多”）$/)])
    expect(messages(p)[0]).toMatchObject({ level: 'error', field: 'investment', column: 'B' })
  })

  it('leaves a blank money cell empty, and an amount to be decided (待定) too, without a word', async () => {
    const p = await plan(['name', 'investment:亿元', 'fixedAsset:亿元'], [['空白项目', ' ', '待定']])
    expect(p.rows[0]!.action).toBe('create')
    const values = createdValues(p, 2).values
    expect(values).not.toHaveProperty('totalInvestmentYuan')
    expect(values).not.toHaveProperty('fixedAssetYuan')
    expect(said(p, 2)).toEqual([])
  })

  it('reads a formula result with float noise as the amount Excel shows', async () => {
    const p = await plan(['name', 'investment:万元'], [['公式项目', 1590.8300000000002]])
    expect(createdValues(p, 2).values.totalInvestmentYuan).toBe(15_908_300)
  })
})

describe('the 合计 and 小计 rows', () => {
  const cols: Col[] = ['name', 'investment:亿元']
  const total = (cells: Cell[]): Row => ({ kind: 'total', cells })
  const subtotal = (cells: Cell[]): Row => ({ kind: 'subtotal', cells })

  it('are skipped with what they are, blank rows are not listed, a note row is said to be one', async () => {
    const p = await plan(cols, [['合甲', 1], { kind: 'blank', cells: [] }, subtotal(['小计', 1]), { kind: 'note', cells: ['注：单位亿元', 7] }, subtotal(['小计', null]), total(['合计', 1])])
    expect(p.rows.map((r) => [r.excelRow, r.action, r.note])).toEqual([
      [2, 'create', null],
      [4, 'skip', '小计行，不导入'],
      [5, 'skip', '说明行，不导入'],
      [6, 'skip', '小计行，不导入'],
      [7, 'skip', '合计行，不导入'],
    ])
    expect(p.rowsRead).toBe(1)
    expect(messages(p)).toEqual([])
  })

  it('counts every data row read, refused ones too, and sums only the kept ones', async () => {
    const p = await plan(cols, [['计甲', 1], ['', 4], ['计乙', 2]])
    expect(p.rowsRead).toBe(3)
    expect(p.rowsTotalYuan).toBe(3 * YI)
  })

  it('takes the first 合计 as the ledger total', async () => {
    const p = await plan(cols, [['首甲', 1], total(['合计', 1]), total(['总计', 9])])
    expect(p.ledgerTotalYuan).toBe(YI)
    expect(messages(p)).toEqual([])
  })

  it('reads a 合计 written as text, in the ledger unit', async () => {
    const p = await plan(['name', 'investment:万元'], [['文合甲', 100], total(['合计', '100万'])])
    expect(p.ledgerTotalYuan).toBe(1_000_000)
  })

  it('does not compare a 合计 whose cell is blank or no amount', async () => {
    for (const cell of ['  ', '见附表']) {
      const p = await plan(cols, [['空合甲', 1], total(['合计', cell])])
      expect(p.ledgerTotalYuan).toBeNull()
      expect(messages(p)).toEqual([])
    }
  })

  it('says a 合计 that differs from the rows on its row, with both sums', async () => {
    const p = await plan(cols, [['差甲', 3], ['差乙', 2], total(['合计', 5.5])])
    expect(messages(p)).toEqual([
      { excelRow: 4, level: 'warning', field: 'investment', column: 'B', message: '合计（5.50亿元）与导入各行总投资之和（5.00亿元）不一致' },
    ])
    expect(p.confirmations).toEqual([])
  })

  it('names the 签约金额 column in a 合计 mismatch where 签约金额 is the ledger’s total', async () => {
    const p = await plan(['name', 'agreementAmount:亿元'], [['签差甲', 3], ['签差乙', 2], total(['合计', 5.5])])
    expect(messages(p).filter((m) => m.excelRow === 4)).toEqual([
      { excelRow: 4, level: 'warning', field: 'agreementAmount', column: 'B', message: '合计（5.50亿元）与导入各行签约金额之和（5.00亿元）不一致' },
    ])
  })

  it('stops the import from 9.5 times apart on, and says about how many times', async () => {
    const at = await plan(cols, [['倍甲', 2], total(['合计', 19])])
    expect(at.confirmations).toEqual([
      { excelRow: 3, level: 'warning', field: 'investment', column: 'B', message: '合计（19.00亿元）与各行之和（2.00亿元）相差约10倍，单位或金额列很可能不对' },
    ])
    expect(said(at, 3)).toContain('合计（19.00亿元）与各行之和（2.00亿元）相差约10倍，单位或金额列很可能不对（需确认后才能导入）')
    const below = await plan(cols, [['倍乙', 2], total(['合计', 18.8])])
    expect(below.confirmations).toEqual([])
    expect(said(below, 3)).toHaveLength(1)
    const rounded = await plan(cols, [['倍丙', 2], total(['合计', 25])])
    expect(rounded.confirmations[0]!.message).toContain('约13倍')
  })

  it('stops the import when the rows sum to nothing and the 合计 has an amount', async () => {
    const p = await plan(cols, [['零甲', null], total(['合计', 5])])
    expect(p.confirmations.map((c) => c.message)).toEqual(['合计（5.00亿元）与各行之和（0.00亿元）相差悬殊，单位或金额列很可能不对'])
  })

  it('checks each 小计 against the rows since the previous 小计 only', async () => {
    const p = await plan(cols, [['组甲', 1], ['组乙', 2], subtotal(['小计', 3]), ['组丙', 4], subtotal(['小计', 5]), total(['合计', 7])])
    expect(messages(p)).toEqual([
      { excelRow: 6, level: 'warning', field: 'investment', column: 'B', message: '小计（5.00亿元）与其上方各行之和（4.00亿元）不一致' },
    ])
  })

  it('compares a 小计 of 签约金额 in that column', async () => {
    const p = await plan(['name', 'agreementAmount:亿元'], [['签组甲', 1], subtotal(['小计', 2])])
    expect(messages(p).filter((m) => m.excelRow === 3)).toEqual([expect.objectContaining({ field: 'agreementAmount', column: 'B' })])
  })

  it('counts the app’s figure for a project whose row leaves the amount empty', async () => {
    const districtId = await seedDistrict('合计区')
    await seedProject({ name: '已有合计项目', districtId, totalInvestmentYuan: 4 * YI })
    const p = await plan(['name', 'district', 'investment:亿元'], [['已有合计项目', '合计区', null], ['新合计项目', '合计区', 1], total(['合计', 5])])
    expect(p.rowsTotalYuan).toBe(5 * YI)
    expect(messages(p)).toEqual([])
  })
})

describe('an amount too large for its unit', () => {
  it('stops the import from 1000 亿元 on, naming the unit it was read in', async () => {
    const p = await plan(['name', 'investment:万元'], [['大甲', IMPLAUSIBLE_YUAN / 10_000], ['大乙', IMPLAUSIBLE_YUAN / 10_000 - 1]])
    expect(p.confirmations).toEqual([
      { excelRow: 2, level: 'warning', field: 'investment', column: 'B', message: '“大甲”的总投资按“万元”读作 1000.00 亿元，超过 1000 亿元，单位很可能不对' },
    ])
    expect(said(p, 2)).toEqual(['“大甲”的总投资按“万元”读作 1000.00 亿元，超过 1000 亿元，单位很可能不对（需确认后才能导入）'])
    expect(said(p, 3)).toEqual([])
    // the row itself is still planned: the confirmation lets it in
    expect(p.rows.map((r) => r.action)).toEqual(['create', 'create'])
  })
})

describe('rows', () => {
  it('reports progress every 500 rows read', async () => {
    const seen: number[] = []
    await plan(['name'], Array.from({ length: 1001 }, () => ({ kind: 'blank' as const, cells: [] })), { onRow: (done) => seen.push(done) })
    expect(seen).toEqual([500, 1000])
    // progress is optional
    await expect(plan(['name'], Array.from({ length: 500 }, () => ({ kind: 'blank' as const, cells: [] })))).resolves.toMatchObject({ rowsRead: 0 })
  })

  it('refuses a row without a name, and one whose name is too long only for its length', async () => {
    const long = '长'.repeat(201)
    const p = await plan(['name', 'investment:亿元'], [['\u3000', 1], [long, 1], ['名'.repeat(200), 1]])
    expect(p.rows.map((r) => [r.action, r.name])).toEqual([
      ['error', null],
      ['error', long],
      ['create', '名'.repeat(200)],
    ])
    expect(said(p, 2)).toEqual(['项目名称为空'])
    expect(said(p, 3)).toEqual(['项目名称超过200个字'])
    expect(messages(p)[0]).toMatchObject({ level: 'error', field: 'name', column: 'A' })
    expect(p.rowsTotalYuan).toBe(YI)
  })

  it('refuses a text longer than its column allows, counting characters not UTF-16 units', async () => {
    const p = await plan(['name', 'district'], [['长区甲', '𠀀'.repeat(50)], ['长区乙', '区'.repeat(51)]])
    expect(p.rows.map((r) => r.action)).toEqual(['create', 'error'])
    expect(said(p, 3)).toEqual(['所属区县超过50个字'])
  })

  it('keeps a refused row’s helpers out of the plan, so a later row creates them', async () => {
    const p = await plan(['name', 'district', 'investment:亿元'], [['拒甲', '拒绝区', '很多'], ['拒乙', '拒绝区', 1]])
    expect(creationsOf(p, 'district')).toEqual([expect.objectContaining({ excelRow: 3, values: { name: '拒绝区' } })])
    expect(p.writes.map((w) => w.excelRow)).toEqual([3])
  })

  it('refuses the same project twice in one ledger, naming the first row', async () => {
    const p = await plan(['name', 'district'], [['重复项目', '重复区'], ['重复 项目', '重复区'], ['重复项目', '别的区']])
    expect(p.rows.map((r) => r.action)).toEqual(['create', 'error', 'create'])
    expect(said(p, 3)).toEqual(['与第2行是同一项目（项目名称和所属区县相同），请合并为一行'])
  })

  it('warns about an invalid 信用代码 and does not use it', async () => {
    const p = await plan(['name', 'investor', 'creditCode'], [['代码项目', '无效代码公司', '914403001922038126']])
    expect(said(p, 2)).toEqual([expect.stringMatching(/^统一社会信用代码“914403001922038126”无效（.+），未使用$/)])
    expect(creationsOf(p, 'investor')[0]!.values).toMatchObject({ creditCode: null })
  })
})

describe('vocabulary columns', () => {
  it('reads 建设性质 and 重点级别 as offices write them and as the app labels them', async () => {
    const p = await plan(['name', 'kind', 'priority'], [['词甲', '技术改造', '省级'], ['词乙', '扩 建', '市重点']])
    expect(createdValues(p, 2).values).toMatchObject({ kind: 'renovation', priority: 'provincial' })
    expect(createdValues(p, 3).values).toMatchObject({ kind: 'expansion', priority: 'municipal' })
    expect(messages(p).filter((m) => m.excelRow !== null && m.field !== 'stage')).toEqual([])
  })

  it('says which words are known when one is not, and leaves the column empty', async () => {
    const p = await plan(['name', 'kind', 'priority'], [['词丙', '大型', '特别']])
    expect(said(p, 2).filter((m) => !m.includes('项目状态'))).toEqual([
      '建设性质“大型”无法识别（可用：新建、扩建、增资扩产、技改），未导入',
      '重点级别“特别”无法识别（可用：省重点、市重点、区重点），未导入',
    ])
    expect(createdValues(p, 2).values).not.toHaveProperty('kind')
    expect(p.rows[0]!.action).toBe('create')
  })

  it('takes 续建 in 建设性质 silently (it says the stage), but not in 重点级别', async () => {
    const p = await plan(['name', 'kind', 'priority'], [['续甲', '续建', '续建']])
    expect(messages(p).filter((m) => m.field === 'kind')).toEqual([])
    expect(messages(p).filter((m) => m.field === 'priority')).toHaveLength(1)
  })
})

describe('dates', () => {
  it('refuses true/false and text that is no date, with the cell as typed', async () => {
    const p = await plan(['name', 'signedDate'], [['日甲', false], ['日乙', '下个月']])
    expect(said(p, 2)).toEqual(['签约日期不是有效日期（“false”）'])
    expect(said(p, 3)).toEqual([expect.stringMatching(/^签约日期：.+（“下个月”）$/)])
    expect(p.rows.map((r) => r.action)).toEqual(['error', 'error'])
  })

  it('reads a date with spaces around it and an Excel date', async () => {
    const p = await plan(['name', 'stage', 'signedDate', 'startedDate'], [['日丙', '开工', ' 2024-03-05 ', new Date('2024-06-01T00:00:00Z')]])
    expect(createdValues(p, 2).values).toMatchObject({ signedOn: '2024-03-05', startedOn: '2024-06-01' })
  })

  it('says when a date names only its month, or only about when', async () => {
    const p = await plan(['name', 'stage', 'signedDate'], [['日丁', '签约', '2024年3月'], ['日戊', '签约', '2024年5月中旬']])
    expect(said(p, 2)).toEqual(['签约日期只写到月（“2024年3月”），按当月1日记'])
    expect(said(p, 3)).toEqual(['签约日期是大约的时间（“2024年5月中旬”），按2024-05月记（约）'])
    expect(createdValues(p, 3).values.signedOn).toBe('2024-05-01')
  })

  it('reads a date with only month and day in the ledger’s year', async () => {
    const p = await plan(['name', 'stage', 'signedDate'], [['日己', '签约', '3月5日']], { clock: { year: 2025 } })
    expect(createdValues(p, 2).values.signedOn).toBe('2025-03-05')
  })
})

describe('stage words', () => {
  it('refuses a word it does not know, carrying the word for the wizard to ask about', async () => {
    const p = await plan(['name', 'stage'], [['状甲', '进展顺利']])
    expect(messages(p)).toEqual([expect.objectContaining({ excelRow: 2, level: 'error', field: 'stage', column: 'B', stageWord: '进展顺利' })])
    expect(messages(p)[0]!.message.startsWith('无法识别的项目状态“进展顺利”')).toBe(true)
  })

  it('takes a word the user explained before the known words, as people see it', async () => {
    const p = await plan(['name', 'stage'], [['状乙', '进展 顺利'], ['状丙', '签约']], { stageWords: { '进展顺利 ': 'negotiating', 签约: 'lead' } })
    expect(createdValues(p, 2).values.stage).toBe('negotiating')
    expect(createdValues(p, 3).values.stage).toBe('lead')
  })
})

describe('where the project is', () => {
  it('links the district by its name as people see it, ignoring deleted ones', async () => {
    await seedDistrict('链接区', true)
    const id = await seedDistrict('链接区')
    const p = await plan(['name', 'district'], [['区甲', '链接 区']])
    expect(createdValues(p, 2).values.districtId).toBe(id)
    expect(p.creations).toEqual([])
  })

  it('links the oldest of two districts whose names differ only in spaces', async () => {
    const oldest = await seedDistrict('重名区')
    await seedDistrict('重 名区')
    const p = await plan(['name', 'district'], [['重名区项目', '重名区']])
    expect(createdValues(p, 2).values.districtId).toBe(oldest)
  })

  it('links the oldest of two people of one name', async () => {
    const oldest = await seedUser('同名人')
    await seedUser('同名人')
    const p = await plan(['name', 'owner'], [['同名人项目', '同名人']])
    expect(createdValues(p, 2).values.ownerId).toBe(oldest)
  })

  it('creates an unknown district once, for the rows below too', async () => {
    const p = await plan(['name', 'district'], [['区乙', '新设区'], ['区丙', '新设区']])
    const [created] = creationsOf(p, 'district')
    expect(creationsOf(p, 'district')).toHaveLength(1)
    expect(p.rows[0]!.creates).toEqual(['区县“新设区”'])
    expect(p.rows[1]!.creates).toEqual([])
    expect(createdValues(p, 3).values.districtId).toBe(created!.id)
  })

  it('puts every row without a district in the sheet’s district, and says so once', async () => {
    const id = await seedDistrict('表名区')
    const p = await plan(['name', 'district'], [['表甲', null], ['表乙', '其他表区']], { defaultDistrict: '表名区' })
    expect(said(p, null)).toEqual(['台账没有“所属区县”列，按工作表名或标题记为“表名区”'])
    expect(messages(p).find((m) => m.excelRow === null)).toMatchObject({ field: 'district', column: null })
    expect(createdValues(p, 2).values.districtId).toBe(id)
    expect(creationsOf(p, 'district').map((c) => c.values.name)).toEqual(['其他表区'])
  })

  it('links the park of the row’s district, and creates it there when only another district has it', async () => {
    const east = await seedDistrict('园东区')
    const west = await seedDistrict('园西区')
    const eastPark = await seedPark('同名园', east)
    await seedPark('同名园', west)
    const p = await plan(['name', 'district', 'park'], [['园甲', '园东区', '同名园'], ['园乙', '园北区', '同名园'], ['园丙', '园北区', '同名园']])
    expect(createdValues(p, 2).values.parkId).toBe(eastPark)
    expect(said(p, 3)).toEqual(['园区“同名园”在其他区县已存在，将在“园北区”下新建同名园区'])
    const [park] = creationsOf(p, 'park')
    expect(park!.values).toMatchObject({ name: '同名园', districtId: creationsOf(p, 'district')[0]!.id })
    expect(p.rows[1]!.creates).toEqual(['区县“园北区”', '园区“同名园”'])
    // the park created for row 3 is the one row 4 finds (there is no second creation)
    expect(createdValues(p, 4).values.parkId).toBe(park!.id)
    expect(said(p, 4)).toEqual([])
  })

  it('takes the district from a park that only one district has', async () => {
    const districtId = await seedDistrict('唯一园区区')
    const parkId = await seedPark('唯一园', districtId)
    const p = await plan(['name', 'park'], [['唯甲', '唯一园']])
    expect(createdValues(p, 2).values).toMatchObject({ parkId, districtId })
  })

  it('links no park without a district when several districts or none have it', async () => {
    await seedPark('多区园', await seedDistrict('多一区'))
    await seedPark('多区园', await seedDistrict('多二区'))
    const p = await plan(['name', 'park'], [['多甲', '多区园'], ['多乙', '无此园']])
    expect(said(p, 2)).toEqual(['园区“多区园”在多个区县都有，未填写所属区县，未关联园区'])
    expect(said(p, 3)).toEqual(['园区“无此园”不存在，且未填写所属区县，无法新建，未关联园区'])
    expect(createdValues(p, 2).values).toMatchObject({ parkId: null, districtId: null })
    expect(p.creations).toEqual([])
  })
})

describe('investors', () => {
  const cols: Col[] = ['name', 'investor', 'creditCode']

  it('links by 信用代码 first, and says when the name differs', async () => {
    const id = await seedInvestor('代码一有限公司', '代码一', '91110000100006485K')
    const p = await plan(cols, [['投甲', '代码一有限公司', '91110000100006485K'], ['投乙', '别名公司', '91110000100006485K']])
    expect(createdValues(p, 2).values.investorId).toBe(id)
    expect(createdValues(p, 3).values.investorId).toBe(id)
    expect(said(p, 2)).toEqual([])
    expect(said(p, 3)).toEqual(['信用代码 91110000100006485K 属于客商“代码一有限公司”，与表中“别名公司”名称不同，按信用代码关联'])
  })

  it('links by the normalized name, the oldest investor of that name, never a deleted one', async () => {
    await seedInvestor('名称一集团', '名称一', null, true)
    const oldest = await seedInvestor('名称一集团', '名称一')
    await seedInvestor('名称一集团有限公司', '名称一')
    const p = await plan(cols, [['投丙', '名称一集团', null]])
    expect(createdValues(p, 2).values.investorId).toBe(oldest)
    expect(p.creations).toEqual([])
  })

  it('creates an unknown investor once, with its code, and later rows find it by name or code', async () => {
    const p = await plan(cols, [['投丁', '新客商科技有限公司', '91330100799655058B'], ['投戊', '新客商科技有限公司', null], ['投己', '另一个名字', '91330100799655058B']])
    const created = creationsOf(p, 'investor')
    expect(created).toHaveLength(1)
    expect(created[0]!.values).toMatchObject({ name: '新客商科技有限公司', creditCode: '91330100799655058B' })
    expect(p.rows[0]!.creates).toEqual(['客商“新客商科技有限公司”'])
    for (const row of [3, 4]) expect(createdValues(p, row).values.investorId).toBe(created[0]!.id)
    expect(said(p, 4)).toEqual([expect.stringContaining('与表中“另一个名字”名称不同')])
  })

  it('links no investor for a code without a name, nor for a name that is only a legal form', async () => {
    const p = await plan(cols, [['投庚', null, '91370104MA3C000270'], ['投辛', '——', null]])
    expect(said(p, 2)).toEqual(['填写了信用代码但未填写投资方名称，未关联客商'])
    expect(said(p, 3)).toEqual(['投资方“——”不是有效名称，未关联客商'])
    expect(messages(p).map((m) => m.field)).toEqual(['creditCode', 'investor'])
    expect(p.creations).toEqual([])
    expect(createdValues(p, 2).values.investorId).toBeNull()
  })
})

describe('industries and people', () => {
  it('links an industry name used at both levels to the top-level 产业, as people see the name', async () => {
    const parent = await seedIndustry('父产业')
    await seedIndustry('两级产业', parent)
    const top = await seedIndustry('两级产业')
    const p = await plan(['name', 'industry'], [['业甲', '两级 产业']])
    expect(createdValues(p, 2).values.industryId).toBe(top)
  })

  it('creates an unknown industry once, at the top level', async () => {
    const p = await plan(['name', 'industry'], [['业乙', '新产业'], ['业丙', '新产业']])
    expect(creationsOf(p, 'industry').map((c) => c.values)).toEqual([{ name: '新产业', parentId: null, sortOrder: 0 }])
    expect(p.rows[0]!.creates).toEqual(['产业“新产业”'])
    expect(createdValues(p, 3).values.industryId).toBe(creationsOf(p, 'industry')[0]!.id)
  })

  it('links a known person, and lists an unknown one without linking unless asked to create people', async () => {
    await seedUser('旧人', true)
    const known = await seedUser('张 三')
    const p = await plan(['name', 'owner', 'leader'], [['人甲', '张三', '旧人']])
    expect(createdValues(p, 2).values).toMatchObject({ ownerId: known, leaderId: null })
    expect(said(p, 2)).toEqual(['包挂领导“旧人”还不是系统用户，未关联（确认新建这些人员后再导入即可关联）'])
    expect(p.newPeople).toEqual(['旧人'])
    expect(p.creations).toEqual([])
  })

  it('creates the people asked for once, the 责任人 with the row’s phone and the 包挂领导 without', async () => {
    const p = await plan(['name', 'owner', 'leader', 'phone'], [['人乙', '新责任人', '新领导', '13800000000'], ['人丙', '新领导', '新领导', null]], { createPeople: true })
    expect(creationsOf(p, 'user').map((c) => c.values)).toEqual([
      { name: '新责任人', role: 'staff', phone: '13800000000' },
      { name: '新领导', role: 'staff', phone: null },
    ])
    expect(p.rows[0]!.creates).toEqual(['责任人“新责任人”', '包挂领导“新领导”'])
    const leader = creationsOf(p, 'user')[1]!.id
    expect(createdValues(p, 3).values).toMatchObject({ ownerId: leader, leaderId: leader })
    expect(p.newPeople).toEqual(['新责任人', '新领导'])
    expect(said(p, 2)).toEqual([])
  })

  it('creates one person named as both 责任人 and 包挂领导 of a row', async () => {
    const p = await plan(['name', 'owner', 'leader'], [['人丁', '一人两职', '一人 两职']], { createPeople: true })
    expect(creationsOf(p, 'user')).toHaveLength(1)
    const id = creationsOf(p, 'user')[0]!.id
    expect(createdValues(p, 2).values).toMatchObject({ ownerId: id, leaderId: id })
  })
})

describe('a project already in the app', () => {
  it('is found by name and district, deleted ones aside, and takes only what the row changes', async () => {
    const districtId = await seedDistrict('更新区')
    await seedProject({ name: '更新项目', districtId, deleted: true })
    const id = await seedProject({ name: '更新项目', districtId, totalInvestmentYuan: YI, chain: '上游' })
    const p = await plan(['name', 'district', 'investment:亿元', 'chain', 'progress'], [['更新 项目', '更新区', 2, '上游', null]])
    expect(p.rows[0]).toMatchObject({ action: 'update', projectId: id, changes: { totalInvestmentYuan: [YI, 2 * YI] } })
    expect(updateOf(p, 2).patch).toEqual({ totalInvestmentYuan: 2 * YI })
    expect(updateOf(p, 2).events).toEqual([])
  })

  it('is unchanged when the row says what the app has, and writes nothing', async () => {
    const districtId = await seedDistrict('不变区')
    const id = await seedProject({ name: '不变项目', districtId, totalInvestmentYuan: YI, kind: 'new' })
    const p = await plan(['name', 'district', 'investment:亿元', 'kind'], [['不变项目', '不变区', 1, '新建']])
    expect(p.rows[0]).toMatchObject({ action: 'unchanged', projectId: id, changes: {} })
    expect(p.writes).toEqual([])
  })

  it('of several with one name in one district is told apart by its investor, or refused', async () => {
    const districtId = await seedDistrict('同名区')
    const a = await seedInvestor('甲方公司', '甲方')
    const b = await seedInvestor('乙方公司', '乙方')
    const forA = await seedProject({ name: '同名项目', districtId, investorId: a })
    await seedProject({ name: '同名项目', districtId, investorId: b })
    await seedProject({ name: '同名项目二', districtId, investorId: a })
    await seedProject({ name: '同名项目二', districtId, investorId: a })
    const cols: Col[] = ['name', 'district', 'investor']
    const p = await plan(cols, [['同名项目', '同名区', '甲方公司'], ['同名项目二', '同名区', '甲方公司']])
    expect(p.rows[0]).toMatchObject({ action: 'unchanged', projectId: forA })
    expect(said(p, 3)).toEqual(['已有2个同名项目在同一区县，投资方也无法区分，未导入'])
    expect(p.rows.map((r) => r.action)).toEqual(['unchanged', 'error'])
    const unnamed = await plan(cols, [['同名项目', '同名区', null]])
    expect(said(unnamed, 2)).toEqual(['已有2个同名项目在同一区县，请填写投资方以区分，未导入'])
    // a row without investor does not pick the one project that has none either
    await seedProject({ name: '同名项目三', districtId, investorId: a })
    await seedProject({ name: '同名项目三', districtId })
    const third = await plan(cols, [['同名项目三', '同名区', null]])
    expect(third.rows[0]!.action).toBe('error')
  })

  it('takes the park, industry, people and investor the row names, and leaves them when the row is empty', async () => {
    const districtId = await seedDistrict('引用区')
    const parkId = await seedPark('引用园', districtId)
    const owner = await seedUser('引用人')
    const id = await seedProject({ name: '引用项目', districtId, ownerId: owner })
    const p = await plan(['name', 'district', 'park', 'owner', 'leader', 'industry'], [['引用项目', '引用区', '引用园', null, '引用人', null]])
    expect(updateOf(p, 2).patch).toEqual({ parkId, leaderId: owner })
    expect(p.rows[0]!.projectId).toBe(id)
  })
})

describe('the stage of a new project', () => {
  const cols: Col[] = ['name', 'stage', 'plannedDate', 'signedDate', 'registeredDate', 'startedDate', 'completedDate', 'operatingDate']
  /** A row of `cols`: name, stage word, then 谋划, 签约, 注册, 开工, 竣工, 投产 dates. */
  const row = (name: string, stage: string | null, ...dates: (string | null)[]): Cell[] => [name, stage, ...dates]

  it('is the latest of 投产, 开工 and 签约 that happened when the row names none, else 线索, said out loud', async () => {
    const p = await plan(['name', 'signedDate', 'registeredDate', 'startedDate', 'operatingDate'], [
      ['推甲', '2024-01-01', null, '2024-05-01', null],
      ['推乙', '2024-01-01', null, null, null],
      ['推丙', null, null, null, '2024-09-01'],
      ['推丁', null, '2024-03-01', null, null],
    ])
    expect(p.writes.map((w) => (w.kind === 'create' ? w.values.stage : null))).toEqual(['started', 'signed', 'operating', 'lead'])
    expect(p.messages.filter((m) => STAGE_FROM_DATES.test(m.message)).map((m) => m.message)).toEqual([
      '未填写项目状态，按日期记为“开工”',
      '未填写项目状态，按日期记为“签约”',
      '未填写项目状态，按日期记为“投产”',
      '未填写项目状态，按日期记为“线索”',
    ])
    expect(said(p, 5)).toEqual(['项目状态为“线索”，注册日期（2024-03-01）未导入'])
  })

  it('walks the path through each dated milestone in order, from nowhere to the row’s stage', async () => {
    const p = await plan(cols, [row('路甲', '投产', null, '2024-01-10', null, '2024-05-01', null, '2024-09-01')])
    const write = createdValues(p, 2)
    expect(write.events).toEqual([
      { fromStage: null, toStage: 'signed', happenedOn: '2024-01-10', reason: null, note: null },
      { fromStage: 'signed', toStage: 'started', happenedOn: '2024-05-01', reason: null, note: null },
      { fromStage: 'started', toStage: 'operating', happenedOn: '2024-09-01', reason: null, note: null },
    ])
    expect(write.values).toMatchObject({ stage: 'operating', stageOn: '2024-09-01', signedOn: '2024-01-10', startedOn: '2024-05-01', operatingOn: '2024-09-01', reserveOn: '2024-01-10' })
    expect(said(p, 2)).toEqual([])
  })

  it('leaves out a milestone beyond the row’s stage, saying so', async () => {
    const p = await plan(cols, [row('路乙', '签约', null, '2024-01-10', null, '2024-05-01', null, null)])
    expect(said(p, 2)).toEqual(['项目状态为“签约”，开工日期（2024-05-01）未导入'])
    expect(createdValues(p, 2).values).toMatchObject({ stage: 'signed', stageOn: '2024-01-10' })
    expect(createdValues(p, 2).values).not.toHaveProperty('startedOn')
  })

  it('says when a milestone is dated before the one before it, and starts the project at its earliest date', async () => {
    const p = await plan(cols, [row('路丙', '开工', null, '2024-06-01', null, '2024-05-01', null, null)])
    expect(said(p, 2)).toEqual(['开工日期（2024-05-01）早于前一节点日期（2024-06-01）'])
    expect(createdValues(p, 2).values.reserveOn).toBe('2024-05-01')
  })

  it('takes a date later than today as a plan where the app has a plan column, else leaves it out', async () => {
    const p = await plan(cols, [row('计甲', '在谈', null, '2027-01-01', '2027-02-01', '2027-03-01', '2027-04-01', '2027-05-01'), row('计乙', '签约', null, TODAY, null, null, null, null)])
    expect(said(p, 2)).toEqual([
      '签约日期（2027-01-01）晚于今天，记为计划签约日期',
      '注册日期（2027-02-01）晚于今天，未导入',
      '开工日期（2027-03-01）晚于今天，记为计划开工日期',
      '竣工日期（2027-04-01）晚于今天，未导入',
      '投产日期（2027-05-01）晚于今天，记为计划投产日期',
      '未填写谋划/入库日期，台账中也没有截至日期，按今天（2026-11-30）记',
    ])
    expect(createdValues(p, 2).values).toMatchObject({ stage: 'negotiating', planSignedOn: '2027-01-01', planStartedOn: '2027-03-01', planOperatingOn: '2027-05-01' })
    expect(createdValues(p, 2).values).not.toHaveProperty('signedOn')
    // today itself has happened
    expect(createdValues(p, 3).values).toMatchObject({ stage: 'signed', signedOn: TODAY })
  })

  it('dates a stage the row gives no date for by the ledger’s date, marked as inferred', async () => {
    const p = await plan(cols, [row('推定甲', '开工', null, '2024-01-10', null, null, null, null)], { clock: { asOf: '2026-06-30' } })
    expect(said(p, 2)).toEqual(['未填写“开工”的日期，阶段日期按台账日期（2026-06-30，推定）记'])
    expect(createdValues(p, 2).events.at(-1)).toEqual({ fromStage: 'signed', toStage: 'started', happenedOn: '2026-06-30', reason: null, note: INFERRED_NOTE })
    expect(createdValues(p, 2).values).toMatchObject({ stageOn: '2026-06-30', startedOn: '2026-06-30' })
  })

  it('without a ledger date, dates it by the latest milestone, the 谋划 date or today, in that order', async () => {
    const p = await plan(cols, [
      row('推定乙', '开工', null, '2024-01-10', null, null, null, null),
      row('推定丙', '开工', '2023-12-01', null, null, null, null, null),
      row('推定丁', '开工', null, null, null, null, null, null),
    ])
    expect(said(p, 2)).toEqual(['未填写“开工”的日期，阶段日期按最近的节点日期（2024-01-10）记'])
    expect(said(p, 3)).toEqual(['未填写“开工”的日期，阶段日期按谋划日期（2023-12-01）记'])
    expect(said(p, 4)).toEqual(['未填写“开工”的日期，阶段日期按今天（2026-11-30）记', '未填写谋划/入库日期，台账中也没有截至日期，按今天（2026-11-30）记'])
    expect([2, 3, 4].map((r) => createdValues(p, r).values.stageOn)).toEqual(['2024-01-10', '2023-12-01', TODAY])
  })

  it('dates a stage that has no date column of its own silently, a side stage with its reason', async () => {
    const p = await plan(cols, [row('侧甲', '在谈', '2024-01-01', null, null, null, null, null), row('侧乙', '暂缓', '2024-01-01', null, null, null, null, null)], { clock: { asOf: '2026-06-30' } })
    expect(said(p, 2)).toEqual([])
    expect(createdValues(p, 2).values).toMatchObject({ stage: 'negotiating', stageOn: '2026-06-30', reserveOn: '2024-01-01' })
    expect(said(p, 3)).toEqual(['未填写“暂缓”的日期，阶段日期按台账日期（2026-06-30，推定）记'])
    expect(createdValues(p, 3).events).toEqual([{ fromStage: null, toStage: 'on_hold', happenedOn: '2026-06-30', reason: '台账导入：暂缓', note: INFERRED_NOTE }])
  })

  it('puts a 线索 at its 谋划 date, else the ledger’s date, else today, without a word', async () => {
    const p = await plan(cols, [row('线甲', '储备', '2024-02-01', null, null, null, null, null), row('线乙', '储备', null, null, null, null, null, null)], { clock: { asOf: '2026-06-30' } })
    expect(createdValues(p, 2).values).toMatchObject({ stage: 'lead', stageOn: '2024-02-01', reserveOn: '2024-02-01' })
    expect(createdValues(p, 2).events).toEqual([])
    expect(createdValues(p, 3).values).toMatchObject({ stageOn: '2026-06-30', reserveOn: '2026-06-30' })
    expect(said(p, 3)).toEqual(['未填写谋划/入库日期，按台账日期（2026-06-30）记'])
    const undated = await plan(['name', 'stage'], [['线丙', '储备']])
    expect(createdValues(undated, 2).values).toMatchObject({ stageOn: TODAY, reserveOn: TODAY })
    expect(said(undated, 2)).toEqual([])
  })

  it('records 终止 of a project never signed as 流失, and 终止 after 签约, 开工 or 投产 as it is', async () => {
    const p = await plan(cols, [
      row('终甲', '终止', null, null, null, null, null, null),
      row('终乙', '终止', null, '2024-01-10', null, null, null, null),
      row('终丙', '终止', null, null, null, '2024-05-01', null, null),
      row('终丁', '终止', null, null, null, null, null, '2024-09-01'),
    ])
    expect(said(p, 2)).toContain('状态“终止”但没有签约日期：项目未签约，记为“流失”')
    expect(p.writes.map((w) => (w.kind === 'create' ? w.values.stage : null))).toEqual(['lost', 'terminated', 'terminated', 'terminated'])
    expect(createdValues(p, 3).events.map((e) => [e.fromStage, e.toStage, e.reason])).toEqual([
      [null, 'signed', null],
      ['signed', 'terminated', '台账导入：终止'],
    ])
  })

  it('leaves out a 谋划 date later than today, saying so', async () => {
    const p = await plan(cols, [row('谋甲', '在谈', '2027-01-01', null, null, null, null, null), row('谋乙', '在谈', TODAY, null, null, null, null, null)])
    expect(said(p, 2)).toEqual(['谋划日期（2027-01-01）晚于今天，未导入'])
    expect(createdValues(p, 2).values.reserveOn).toBe(TODAY)
    expect(createdValues(p, 3).values.reserveOn).toBe(TODAY)
    expect(said(p, 3)).toEqual([])
  })

  it('sets progress, chain, kind and priority only from cells that say something', async () => {
    const p = await plan(['name', 'progress', 'chain', 'kind', 'priority'], [['列甲', '已完成选址', '下游', '新建', '区级'], ['列乙', null, null, null, null]])
    expect(createdValues(p, 2).values).toMatchObject({ progress: '已完成选址', chain: '下游', kind: 'new', priority: 'district' })
    for (const column of ['progress', 'chain', 'kind', 'priority', 'totalInvestmentYuan', 'fixedAssetYuan']) expect(createdValues(p, 3).values).not.toHaveProperty(column)
  })
})

describe('a project moving stage', () => {
  const cols: Col[] = ['name', 'district', 'stage', 'plannedDate', 'signedDate', 'startedDate', 'operatingDate']
  let districtId: string
  beforeAll(async () => {
    districtId = await seedDistrict('阶段区')
  })
  const row = (name: string, stage: string | null, planned: string | null, signed: string | null, started: string | null, operating: string | null): Cell[] => [name, '阶段区', stage, planned, signed, started, operating]

  it('takes a 谋划 date that has happened as its 入库 date, and leaves out a later one', async () => {
    await seedProject({ name: '谋划更新甲', districtId, stage: 'negotiating' })
    await seedProject({ name: '谋划更新乙', districtId, stage: 'negotiating' })
    const p = await plan(cols, [row('谋划更新甲', null, '2024-02-01', null, null, null), row('谋划更新乙', null, '2027-01-01', null, null, null)])
    expect(updateOf(p, 2).patch).toEqual({ reserveOn: '2024-02-01' })
    expect(said(p, 3)).toEqual(['谋划日期（2027-01-01）晚于今天，未导入'])
    expect(p.rows[1]!.action).toBe('unchanged')
  })

  it('at the same stage, corrects the milestone dates up to it and its stage date, and no later one', async () => {
    await seedProject({ name: '同阶段', districtId, stage: 'started', stageOn: '2024-05-01', signedOn: '2024-01-01', startedOn: '2024-05-01' })
    const p = await plan(cols, [row('同阶段', '开工', null, '2024-02-01', '2024-06-01', '2024-09-01')])
    expect(updateOf(p, 2).patch).toEqual({ signedOn: '2024-02-01', startedOn: '2024-06-01', stageOn: '2024-06-01' })
    expect(updateOf(p, 2).events).toEqual([])
  })

  it('at a side stage, corrects every milestone date the row gives and keeps its stage date', async () => {
    await seedProject({ name: '同暂缓', districtId, stage: 'on_hold', stageOn: '2024-07-01', signedOn: '2024-01-01' })
    const p = await plan(cols, [row('同暂缓', '暂缓', null, '2024-02-01', null, '2024-09-01')])
    expect(updateOf(p, 2).patch).toEqual({ signedOn: '2024-02-01', operatingOn: '2024-09-01' })
  })

  it('forward, steps through the milestones beyond where the project stands and corrects those before', async () => {
    await seedProject({ name: '向前', districtId, stage: 'signed', stageOn: '2024-01-01', signedOn: '2024-01-01' })
    await seedStageEvent(await seedProject({ name: '向前二', districtId, stage: 'negotiating', stageOn: '2024-01-01' }), null, 'negotiating', '2024-01-01')
    const p = await plan(cols, [row('向前', '投产', null, '2024-02-01', '2024-05-01', '2024-09-01'), row('向前二', '开工', null, null, null, null)], { clock: { asOf: '2026-06-30' } })
    const write = updateOf(p, 2)
    expect(write.events).toEqual([
      { fromStage: 'signed', toStage: 'started', happenedOn: '2024-05-01', reason: null, note: null },
      { fromStage: 'started', toStage: 'operating', happenedOn: '2024-09-01', reason: null, note: null },
    ])
    expect(write.patch).toEqual({ signedOn: '2024-02-01', startedOn: '2024-05-01', operatingOn: '2024-09-01', stage: 'operating', stageOn: '2024-09-01' })
    expect(said(p, 2)).toEqual([])
    expect(updateOf(p, 3).patch).toMatchObject({ stage: 'started', stageOn: '2026-06-30', startedOn: '2026-06-30' })
    expect(said(p, 3)).toEqual(['未填写“开工”的日期，阶段日期按台账日期（2026-06-30，推定）记'])
  })

  it('back along the path, takes the row’s date, with the rule’s reason, and says it moved back', async () => {
    await seedProject({ name: '退回', districtId, stage: 'started', stageOn: '2024-05-01', signedOn: '2024-01-01', startedOn: '2024-05-01' })
    const p = await plan(cols, [row('退回', '签约', null, '2024-02-01', null, null)])
    expect(said(p, 2)).toEqual(['项目状态由“开工”退回“签约”'])
    const write = updateOf(p, 2)
    expect(write.events).toEqual([{ fromStage: 'started', toStage: 'signed', happenedOn: '2024-02-01', reason: '台账导入：签约', note: null }])
    expect(write.patch).toMatchObject({ stage: 'signed', stageOn: '2024-02-01', signedOn: '2024-02-01', startedOn: null })
    // a dated step is no inference, ledger date or not
    const asOf = await plan(cols, [row('退回', '签约', null, '2024-02-01', null, null)], { clock: { asOf: '2026-06-30' } })
    expect(updateOf(asOf, 2).events).toEqual([expect.objectContaining({ happenedOn: '2024-02-01', note: null })])
  })

  it('back or aside without a date, takes the ledger’s date as inferred, else today said out loud', async () => {
    await seedProject({ name: '无日期退回', districtId, stage: 'started', stageOn: '2024-05-01', signedOn: '2024-01-01', startedOn: '2024-05-01' })
    await seedProject({ name: '无日期暂缓', districtId, stage: 'negotiating' })
    const inferred = await plan(cols, [row('无日期退回', '签约', null, null, null, null)], { clock: { asOf: '2026-06-30' } })
    expect(said(inferred, 2)).toEqual(['项目状态由“开工”改为“签约”，日期按台账日期（2026-06-30，推定）记', '项目状态由“开工”退回“签约”'])
    expect(updateOf(inferred, 2).events).toEqual([{ fromStage: 'started', toStage: 'signed', happenedOn: '2026-06-30', reason: '台账导入：签约', note: INFERRED_NOTE }])
    // the rule keeps the signing date it had: the ledger gives none to correct it
    expect(updateOf(inferred, 2).patch).toMatchObject({ stageOn: '2026-06-30' })
    expect(updateOf(inferred, 2).patch).not.toHaveProperty('signedOn')
    const today = await plan(cols, [row('无日期暂缓', '暂缓', null, null, null, null)])
    expect(said(today, 2)).toEqual(['项目状态由“在谈”改为“暂缓”，日期按今天（2026-11-30）记'])
    expect(updateOf(today, 2).events).toEqual([{ fromStage: 'negotiating', toStage: 'on_hold', happenedOn: TODAY, reason: '台账导入：暂缓', note: null }])
  })

  it('back from a side stage reads the stages the project went through before it', async () => {
    const id = await seedProject({ name: '暂缓后退', districtId, stage: 'on_hold', stageOn: '2024-07-01', signedOn: '2024-01-01', startedOn: '2024-05-01' })
    await seedStageEvent(id, null, 'signed', '2024-01-01')
    await seedStageEvent(id, 'signed', 'started', '2024-05-01')
    await seedStageEvent(id, 'started', 'on_hold', '2024-07-01')
    const p = await plan(cols, [row('暂缓后退', '签约', null, '2024-01-01', null, null)])
    expect(said(p, 2)).toEqual(['项目状态由“暂缓”退回“签约”'])
    expect(updateOf(p, 2).events).toEqual([{ fromStage: 'on_hold', toStage: 'signed', happenedOn: '2024-01-01', reason: '台账导入：签约', note: null }])
  })

  it('records 终止 of a project never signed as 流失, and 终止 after signing as it is', async () => {
    await seedProject({ name: '终止更新甲', districtId, stage: 'negotiating' })
    await seedProject({ name: '终止更新乙', districtId, stage: 'signed', signedOn: '2024-01-01' })
    await seedProject({ name: '终止更新丙', districtId, stage: 'terminated', signedOn: '2024-01-01' })
    const p = await plan(cols, [row('终止更新甲', '终止', null, null, null, null), row('终止更新乙', '终止', null, null, null, null), row('终止更新丙', '终止', null, null, null, null)])
    expect(said(p, 2)).toEqual(['状态“终止”但项目从未签约，记为“流失”', '项目状态由“在谈”改为“流失”，日期按今天（2026-11-30）记'])
    expect(updateOf(p, 2).patch).toMatchObject({ stage: 'lost' })
    expect(updateOf(p, 3).patch).toMatchObject({ stage: 'terminated' })
    expect(p.rows[2]!.action).toBe('unchanged')
  })

  it('aside after milestones the row dates beyond the project’s stage, walks them first (终止 with its 开工 date, 暂缓 with its 签约 date)', async () => {
    await seedProject({ name: '开工后解约', districtId, stage: 'negotiating' })
    await seedProject({ name: '签约后暂缓', districtId, stage: 'negotiating' })
    const p = await plan(cols, [row('开工后解约', '终止', null, null, '2024-05-01', null), row('签约后暂缓', '暂缓', null, '2024-02-01', null, null)], { clock: { asOf: '2026-06-30' } })
    expect(p.rows.map((r) => r.action)).toEqual(['update', 'update'])
    expect(updateOf(p, 2).events).toEqual([
      { fromStage: 'negotiating', toStage: 'started', happenedOn: '2024-05-01', reason: null, note: null },
      { fromStage: 'started', toStage: 'terminated', happenedOn: '2026-06-30', reason: '台账导入：终止', note: INFERRED_NOTE },
    ])
    expect(updateOf(p, 2).patch).toMatchObject({ stage: 'terminated', stageOn: '2026-06-30', startedOn: '2024-05-01' })
    expect(updateOf(p, 3).events).toEqual([
      { fromStage: 'negotiating', toStage: 'signed', happenedOn: '2024-02-01', reason: null, note: null },
      { fromStage: 'signed', toStage: 'on_hold', happenedOn: '2026-06-30', reason: '台账导入：暂缓', note: INFERRED_NOTE },
    ])
    expect(updateOf(p, 3).patch).toMatchObject({ stage: 'on_hold', signedOn: '2024-02-01' })
  })

  it('aside with dates only up to the project’s stage, is one step dated by the ledger', async () => {
    await seedProject({ name: '签约后只暂缓', districtId, stage: 'signed', stageOn: '2024-01-01', signedOn: '2024-01-01' })
    const p = await plan(cols, [row('签约后只暂缓', '暂缓', null, '2024-01-01', null, null)], { clock: { asOf: '2026-06-30' } })
    expect(said(p, 2)).toEqual(['项目状态由“签约”改为“暂缓”，日期按台账日期（2026-06-30，推定）记'])
    expect(updateOf(p, 2).events).toEqual([{ fromStage: 'signed', toStage: 'on_hold', happenedOn: '2026-06-30', reason: '台账导入：暂缓', note: INFERRED_NOTE }])
  })

  // The row's own 开工 date keeps 终止 from becoming 流失; from a side stage the change is one
  // step, and the project was never signed in the app, so the rule refuses 解约.
  it('refuses a row the stage rule refuses, with the rule’s own words', async () => {
    await seedProject({ name: '拒绝解约', districtId, stage: 'on_hold' })
    const p = await plan(cols, [row('拒绝解约', '终止', null, null, '2024-05-01', null)])
    expect(p.rows[0]!.action).toBe('error')
    expect(messages(p)).toContainEqual(expect.objectContaining({ excelRow: 2, level: 'error', field: 'stage', message: expect.stringContaining('项目尚未签约，不能解约') }))
  })
})
