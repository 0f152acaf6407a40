// The 台账 round-trips: export → import into an EMPTY database gives back every field the 台账
// carries, compared field by field (names, not ids: the other database has its own ids).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { ProjectListQuery } from '../domain/project'
import { type LedgerRow, ledgerPages } from './ledger-rows'

let source: TestBackend
let target: TestBackend
beforeEach(async () => {
  source = await testBackend()
  target = await testBackend()
})
afterEach(async () => {
  await source.close()
  await target.close()
})

const AT = '2024-01-01T00:00:00Z'

/** Three projects using every column of the 台账, with Chinese text where people type it. */
function seed(api: TestBackend): void {
  const db = api.env.ctx.sqlite
  const run = (text: string, ...values: unknown[]) => db.prepare(text).run(...values)
  run(`INSERT INTO district (id, created_at, updated_at, name) VALUES ('D1', ?, ?, '槐荫区'), ('D2', ?, ?, '长清区')`, AT, AT, AT, AT)
  run(`INSERT INTO park (id, created_at, updated_at, name, district_id) VALUES ('K1', ?, ?, '西城科创园', 'D1'), ('K2', ?, ?, '长清经济开发区', 'D2')`, AT, AT, AT, AT)
  run(
    `INSERT INTO industry (id, created_at, updated_at, name, parent_id, sort_order) VALUES
      ('N1', ?, ?, '新能源', NULL, 1), ('N2', ?, ?, '储能电池', 'N1', 1), ('N3', ?, ?, '生物医药', NULL, 2)`,
    AT, AT, AT, AT, AT, AT,
  )
  run(
    `INSERT INTO user (id, created_at, updated_at, name, role, phone) VALUES
      ('U1', ?, ?, '李晓东', 'staff', '13905310001'), ('U2', ?, ?, '王副区长', 'staff', NULL), ('U3', ?, ?, '欧阳娜娜', 'staff', '0531-87654321')`,
    AT, AT, AT, AT, AT, AT,
  )
  run(
    `INSERT INTO investor (id, created_at, updated_at, name, name_norm, search_keys, credit_code) VALUES
      ('I1', ?, ?, '山东巨能液压有限公司', '山东巨能液压', '', '91370104MA3C000270'), ('I2', ?, ?, '齐鲁制药（济南）有限公司', '齐鲁制药济南', '', NULL)`,
    AT, AT, AT, AT,
  )
  const insert = db.prepare(
    `INSERT INTO project (id, created_at, updated_at, name, search_keys, investor_id, district_id, park_id, industry_id, chain, kind, stage, stage_on,
       total_investment_yuan, fixed_asset_yuan, priority, owner_id, leader_id, progress,
       reserve_on, signed_on, registered_on, started_on, completed_on, operating_on)
     VALUES (?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  // an operating project with every milestone, filed under a chain link; amounts to the 元
  insert.run('P1', AT, AT, '巨能液压储能电池生产基地项目', 'I1', 'D1', 'K1', 'N2', null, 'expansion', 'operating', '2024-09-30',
    1_234_567_891, 987_654_321, 'provincial', 'U1', 'U2', '一期已投产，二期厂房主体封顶；\n企业申请增容供电，已协调供电公司。',
    '2023-02-14', '2023-05-06', '2023-06-01', '2023-08-18', '2024-07-31', '2024-09-30')
  // a signed project with a chain written as text, no registered/started dates
  insert.run('P2', AT, AT, '齐鲁制药创新药研发中心（二期）', 'I2', 'D2', 'K2', 'N3', '创新药研发', 'new', 'signed', '2024-03-15',
    500_000_000, null, 'municipal', 'U3', null, '=已签约，待注册', '2024-01-08', '2024-03-15', null, null, null, null)
  // a lead with nothing but its name, place and stage
  insert.run('P3', AT, AT, '“数字经济”产业园招引项目', null, 'D1', null, null, null, null, 'lead', '2024-04-01',
    null, null, null, null, null, null, '2024-04-01', null, null, null, null, null)
}

function rowsOf(api: TestBackend): Map<string, Omit<LedgerRow, 'id'> & { stageOn: string }> {
  const stageOn = new Map((api.env.ctx.sqlite.prepare('SELECT name, stage_on FROM project WHERE deleted_at IS NULL').raw().all() as [string, string][]))
  const out = new Map<string, Omit<LedgerRow, 'id'> & { stageOn: string }>()
  for (const page of ledgerPages(api.env.ctx, ProjectListQuery.parse({ sort: 'reserveOn' }))) {
    for (const { id: _id, ...row } of page) out.set(row.name, { ...row, stageOn: stageOn.get(row.name)! })
  }
  return out
}

const FIELDS = [
  'name', 'investor', 'creditCode', 'district', 'park', 'industry', 'chain', 'kind', 'yuan', 'fixedAssetYuan', 'stage', 'stageOn', 'priority',
  'reserveOn', 'signedOn', 'registeredOn', 'startedOn', 'completedOn', 'operatingOn', 'owner', 'leader', 'phone', 'progress',
] as const

describe('the 台账 round-trips into an empty database', () => {
  for (const format of ['xlsx', 'csv'] as const) {
    it(`gives back every field, Chinese text included (${format})`, async () => {
      seed(source)
      const exported = await source.call('ledger-export', { query: { sort: 'reserveOn' }, format })
      const result = await target.call('ledger-import', { fileName: `台账.${format}`, dataBase64: exported.dataBase64, createPeople: true })
      expect(result.counts).toMatchObject({ rowsRead: 3, create: 3, error: 0 })
      const before = rowsOf(source)
      const after = rowsOf(target)
      expect([...after.keys()].sort()).toEqual([...before.keys()].sort())
      // the comparison is not vacuous: the source holds every field
      expect(before.get('巨能液压储能电池生产基地项目')).toMatchObject({ industry: '新能源', chain: '储能电池', leader: '王副区长', phone: '13905310001', creditCode: '91370104MA3C000270', yuan: 1_234_567_891, completedOn: '2024-07-31' })
      const differences: string[] = []
      for (const [name, row] of before) {
        const back = after.get(name)!
        for (const field of FIELDS) {
          if (JSON.stringify(back[field]) !== JSON.stringify(row[field])) differences.push(`${name} ${field}: ${JSON.stringify(row[field])} → ${JSON.stringify(back[field])}`)
        }
      }
      expect(differences).toEqual([])
    }, 60_000)
  }
})
