import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { creditCodeCheckChar } from '../../db/domain/credit-code'
import { insertRecord } from '../../db/services/records'

/** A valid credit code from its first 17 characters. */
const code = (first17: string) => first17 + creditCodeCheckChar(first17)
const JUNENG = code('91370100MA3C0001X')
const ZHONGQI = code('91370000163043000')

describe('investors and contacts through the contract', () => {
  let api: TestBackend
  beforeEach(async () => (api = await testBackend()))
  afterEach(() => api.close())

  /** Rows other slices own, written as their services would (through insertRecord). */
  const insert = (table: 'project' | 'negotiation' | 'request' | 'event' | 'attachment', values: Record<string, unknown>) => {
    const { ctx } = api.env
    return ctx.db.transaction().execute((trx) => insertRecord(trx, ctx, table, values))
  }
  const project = (investorId: string, name: string, totalInvestmentYuan: number | null = null) =>
    insert('project', { name, searchKeys: '', investorId, totalInvestmentYuan, stageOn: '2026-03-01', reserveOn: '2026-03-01' })
  const softDelete = (table: 'project', id?: string) =>
    api.env.ctx.db
      .updateTable(table)
      .set({ deletedAt: '2026-11-20T00:00:00Z' })
      .$if(id !== undefined, (q) => q.where('id', '=', id!))
      .execute()
  const journal = (entityId: string) =>
    api.env.ctx.db.selectFrom('change').selectAll().where('entityId', '=', entityId).orderBy('seq').execute()

  it('normalises a valid credit code and refuses a wrong check character with the reason', async () => {
    const lower = `  ${JUNENG.toLowerCase().replace('ma3c', 'ＭＡ３Ｃ')} `
    const created = await api.call('investor-create', { name: '巨能液压有限公司', creditCode: lower, registeredCapital: '1.2亿' })
    expect(created).toMatchObject({ creditCode: JUNENG, registeredCapitalYuan: 120_000_000, nameNorm: '巨能液压' })
    expect(created.searchKeys).toBe('junengyeyayouxiangongsi jnyyyxgs')

    const wrong = JUNENG.slice(0, 17) + (JUNENG[17] === '0' ? '1' : '0')
    const invalid = await api.fail('investor-create', { name: '某公司', creditCode: wrong })
    expect(invalid).toMatchObject({ code: 'validation', message: expect.stringContaining('校验位错误') })
    const short = await api.fail('investor-update', { id: created.id, creditCode: '9137' })
    expect(short.message).toContain('应为18位')
    expect((await api.call('investor-update', { id: created.id, creditCode: '' })).creditCode).toBeNull()
  })

  it('refuses a credit code a live investor already has, naming it, even when duplicates are confirmed', async () => {
    const first = await api.call('investor-create', { name: '中国重型汽车集团有限公司', creditCode: ZHONGQI })
    const again = await api.fail('investor-create', { name: '重汽（济南）卡车', creditCode: ZHONGQI, confirmDuplicate: true })
    expect(again).toMatchObject({ code: 'conflict', message: expect.stringContaining('中国重型汽车集团有限公司') })
    expect(again.details).toMatchObject({ field: 'creditCode', id: first.id })

    const other = await api.call('investor-create', { name: '济南二机床集团有限公司' })
    expect((await api.fail('investor-update', { id: other.id, creditCode: ZHONGQI })).code).toBe('conflict')
    // A deleted investor's code is free again; restoring it then conflicts.
    await api.call('investor-delete', { id: first.id })
    await api.call('investor-update', { id: other.id, creditCode: ZHONGQI })
    expect((await api.fail('investor-restore', { id: first.id })).message).toContain('济南二机床集团有限公司')
  })

  it('warns of likely duplicates by name until the caller confirms', async () => {
    const first = await api.call('investor-create', { name: '巨能液压（济南）有限公司', creditCode: JUNENG })
    const same = await api.fail('investor-create', { name: '巨能液压(济南)股份有限公司' })
    expect(same).toMatchObject({ code: 'conflict', message: expect.stringContaining('巨能液压（济南）有限公司') })
    expect(same.details).toEqual({ duplicates: [{ id: first.id, name: first.name, creditCode: JUNENG, similarity: 1 }] })

    const similar = await api.fail('investor-create', { name: '山东巨能液压(济南)有限公司' })
    const [candidate] = (similar.details as { duplicates: { id: string; similarity: number }[] }).duplicates
    expect(candidate!.id).toBe(first.id)
    expect(candidate!.similarity).toBeGreaterThanOrEqual(0.8)
    expect(candidate!.similarity).toBeLessThan(1)

    const second = await api.call('investor-create', { name: '巨能液压(济南)股份有限公司', confirmDuplicate: true })
    // Unrelated names and edits that keep the name do not warn.
    const energy = await api.call('investor-create', { name: '济南能源集团有限公司' })
    await api.call('investor-update', { id: second.id, note: '与巨能液压是同一集团的两家公司', name: '巨能液压（济南）有限责任公司' })
    const rename = await api.fail('investor-update', { id: energy.id, name: '巨能液压济南公司' })
    expect(rename.code).toBe('conflict')
    await api.call('investor-update', { id: energy.id, name: '巨能液压济南公司', confirmDuplicate: true })

    const live = await api.call('investor-duplicates', { name: '巨能液压济南', excludeId: second.id })
    expect(live.map((d) => [d.name, d.reason]).sort()).toEqual([['巨能液压济南公司', 'name'], ['巨能液压（济南）有限公司', 'name']])
    const byCode = await api.call('investor-duplicates', {
      creditCode: JUNENG.toLowerCase(),
      name: '巨能液压济南',
      excludeId: energy.id,
    })
    expect(byCode.map((d) => [d.id, d.reason])).toEqual([[first.id, 'credit_code'], [second.id, 'name']])
    expect(await api.call('investor-duplicates', { creditCode: '9137', name: '完全不同的名字' })).toEqual([])
  })

  it('keeps one primary contact per investor', async () => {
    const investor = await api.call('investor-create', {
      name: '济南比亚迪汽车有限公司',
      contacts: [{ name: '张经理', isPrimary: true }, { name: '李总', title: '总经理', isPrimary: true }],
    })
    expect(investor.contacts.map((c) => [c.name, c.isPrimary])).toEqual([['张经理', true], ['李总', false]])
    const li = investor.contacts[1]!
    await api.call('contact-update', { id: li.id, isPrimary: true, phone: '0531-8888 0000' })
    const wang = await api.call('contact-create', { investorId: investor.id, name: '王秘书', email: 'wang@example.com' })
    expect(wang.isPrimary).toBe(false)
    let contacts = (await api.call('investor-get', { id: investor.id })).contacts
    expect(contacts.map((c) => [c.name, c.isPrimary])).toEqual([['李总', true], ['张经理', false], ['王秘书', false]])

    await api.call('contact-delete', { id: li.id })
    await api.call('contact-create', { investorId: investor.id, name: '赵主任', isPrimary: true })
    await api.call('contact-restore', { id: li.id })
    contacts = (await api.call('investor-get', { id: investor.id })).contacts
    expect(contacts.filter((c) => c.isPrimary).map((c) => c.name)).toEqual(['赵主任'])
    const flags = await journal(investor.contacts[0]!.id)
    expect(flags.map((c) => JSON.parse(c.changes))).toContainEqual({ isPrimary: [1, 0] })
    expect((await api.fail('contact-create', { investorId: investor.id, name: '钱', email: 'not-mail' })).code).toBe('validation')
    expect((await api.fail('contact-create', { investorId: 'NOPE', name: '钱' })).code).toBe('not_found')
  })

  it('filters, sorts and pages the list, with project counts and investment of the page rows', async () => {
    const energy = await api.call('industry-create', { name: '新能源' })
    const storage = await api.call('industry-create', { name: '储能', parentId: energy.id })
    const gazelle = await api.call('tag-create', { name: '瞪羚企业' })
    const special = await api.call('tag-create', { name: '专精特新' })
    const names = ['阿里巴巴', '百度在线', '长城汽车', '东方电气', '鄂尔多斯能源', '福耀玻璃', '格力电器']
    const ids: string[] = []
    for (const [i, name] of names.entries()) {
      api.setNow(`2026-11-0${i + 1}T09:00:00+08:00`)
      const created = await api.call('investor-create', {
        name: `${name}有限公司`,
        ownership: i % 2 === 0 ? 'private' : 'soe',
        origin: i < 2 ? 'other_province' : 'local',
        industryId: i === 3 ? storage.id : i === 4 ? energy.id : null,
        sourceChannel: i === 6 ? 'fund' : null,
        tagIds: i < 3 ? [gazelle.id, ...(i === 1 ? [special.id] : [])] : [],
        confirmDuplicate: true,
      })
      ids.push(created.id)
    }
    await project(ids[0]!, '杭州阿里云数据中心', 350_000_000)
    await project(ids[0]!, '阿里二期', 29_000_000)
    const gone = await project(ids[0]!, '已删除项目', 1_000_000)
    await softDelete('project', gone)

    const list = (query: object) => api.call('investor-list', query)
    const first = await list({ pageSize: 3 })
    expect(first.total).toBe(7)
    expect(first.rows.map((r) => r.name)).toEqual(['格力电器有限公司', '福耀玻璃有限公司', '鄂尔多斯能源有限公司'])
    const last = await list({ pageSize: 3, page: 3 })
    expect(last.rows.map((r) => r.name)).toEqual(['阿里巴巴有限公司'])
    expect(last.rows[0]).toMatchObject({ projectCount: 2, totalInvestmentYuan: 379_000_000 })
    expect(first.rows[0]).toMatchObject({ projectCount: 0, totalInvestmentYuan: 0 })

    const byName = await list({ sort: 'name', pageSize: 2 })
    expect(byName.rows.map((r) => r.name)).toEqual(['阿里巴巴有限公司', '百度在线有限公司'])
    const text = async (t: string) => (await list({ text: t })).rows.map((r) => r.name).sort()
    expect(await text('长城')).toEqual(['长城汽车有限公司'])
    expect(await text('gldq')).toEqual(['格力电器有限公司'])
    expect(await text('DongFang')).toEqual(['东方电气有限公司'])
    expect(await text('%')).toEqual([])
    const count = async (query: object) => (await list(query)).total
    expect(await count({ ownership: 'soe' })).toBe(3)
    expect(await count({ origin: 'other_province', ownership: 'private' })).toBe(1)
    expect(await count({ industryId: energy.id })).toBe(2)
    expect(await count({ industryId: storage.id })).toBe(1)
    expect(await count({ sourceChannel: 'fund' })).toBe(1)
    expect(await count({ tagIds: [gazelle.id] })).toBe(3)
    expect(await count({ tagIds: [gazelle.id, special.id] })).toBe(1)
    expect((await list({ page: 9 })).rows).toEqual([])
    expect((await api.fail('investor-list', { pageSize: 10_000 })).code).toBe('validation')
  })

  it('refuses to delete an investor with live projects, naming one', async () => {
    const investor = await api.call('investor-create', { name: '济南国际医学中心投资公司' })
    await project(investor.id, '质子治疗中心')
    const refused = await api.fail('investor-delete', { id: investor.id })
    expect(refused).toMatchObject({ code: 'conflict', message: expect.stringContaining('质子治疗中心') })
    await softDelete('project')
    await api.call('investor-delete', { id: investor.id })
    expect((await api.fail('investor-get', { id: investor.id })).code).toBe('not_found')
    expect((await api.call('investor-restore', { id: investor.id })).name).toBe('济南国际医学中心投资公司')
  })

  it('merges a duplicate: moves everything, fills fields, and keeps both histories', async () => {
    const t1 = await api.call('tag-create', { name: '世界500强' })
    const t2 = await api.call('tag-create', { name: '专精特新' })
    const target = await api.call('investor-create', {
      name: '巨能液压有限公司',
      ownership: 'private',
      address: '济南市槐荫区',
      tagIds: [t1.id],
      contacts: [{ name: '张经理', isPrimary: true }],
    })
    const source = await api.call('investor-create', {
      name: '巨能液压（济南）有限公司',
      creditCode: JUNENG,
      ownership: 'foreign',
      address: '济南市长清区',
      originCity: '北京',
      tagIds: [t1.id, t2.id],
      contacts: [{ name: '李总', isPrimary: true }, { name: '王秘书' }],
      confirmDuplicate: true,
    })
    const projectId = await project(source.id, '液压件生产基地', 500_000_000)
    const deletedProject = await project(source.id, '已放弃的二期')
    await softDelete('project', deletedProject)
    const negotiationId = await insert('negotiation', {
      investorId: source.id,
      happenedOn: '2026-05-06',
      type: 'visit_in',
      summary: '来访考察园区',
    })
    const requestId = await insert('request', {
      investorId: source.id,
      category: 'land',
      title: '用地指标',
      receivedOn: '2026-06-01',
    })
    const eventA = await insert('event', { name: '京沪推介会', type: 'promotion', startOn: '2026-04-01' })
    const eventB = await insert('event', { name: '签约仪式', type: 'signing', startOn: '2026-07-01' })
    await api.env.ctx.db.insertInto('eventInvestor').values([
      { eventId: eventA, investorId: source.id },
      { eventId: eventB, investorId: source.id },
      { eventId: eventB, investorId: target.id },
    ]).execute()
    const attachmentId = await insert('attachment', {
      entity: 'investor',
      entityId: source.id,
      fileName: '营业执照.pdf',
      sha256: 'a'.repeat(64),
      size: 10,
    })

    const preview = await api.call('investor-merge-preview', { sourceId: source.id, targetId: target.id })
    expect(preview.contacts).toEqual({ count: 2, names: ['李总', '王秘书'] })
    expect(preview.projects).toEqual({ count: 1, names: ['液压件生产基地'] })
    expect(preview.negotiations.count).toBe(1)
    expect(preview.requests).toEqual({ count: 1, names: ['用地指标'] })
    expect(preview.events).toEqual({ count: 2, names: ['京沪推介会', '签约仪式'] })
    expect(preview.attachments.count).toBe(1)
    expect(preview.newTags).toEqual(['专精特新'])
    expect(preview.conflicts.map((c) => [c.field, c.source, c.target])).toEqual([
      ['name', '巨能液压（济南）有限公司', '巨能液压有限公司'],
      ['ownership', 'foreign', 'private'],
      ['address', '济南市长清区', '济南市槐荫区'],
    ])
    expect((await api.fail('investor-merge', { sourceId: source.id, targetId: source.id })).code).toBe('conflict')

    const merged = await api.call('investor-merge', { sourceId: source.id, targetId: target.id, fields: { address: 'source' } })
    expect(merged).toMatchObject({
      name: '巨能液压有限公司',
      creditCode: JUNENG,
      ownership: 'private',
      address: '济南市长清区',
      originCity: '北京',
      projectCount: 1,
      negotiationCount: 1,
    })
    expect(merged.contacts.map((c) => [c.name, c.isPrimary])).toEqual([['张经理', true], ['李总', false], ['王秘书', false]])
    expect(merged.tags.map((t) => t.name)).toEqual(['专精特新', '世界500强'])

    const db = api.env.ctx.db
    const investorOf = async (table: 'project' | 'negotiation' | 'request', id: string) =>
      (await db.selectFrom(table).select('investorId').where('id', '=', id).executeTakeFirstOrThrow()).investorId
    expect(await investorOf('project', projectId)).toBe(target.id)
    expect(await investorOf('project', deletedProject)).toBe(target.id)
    expect(await investorOf('negotiation', negotiationId)).toBe(target.id)
    expect(await investorOf('request', requestId)).toBe(target.id)
    const links = await db.selectFrom('eventInvestor').selectAll().orderBy('eventId').execute()
    expect(links).toEqual([{ eventId: eventA, investorId: target.id }, { eventId: eventB, investorId: target.id }])
    expect(await db.selectFrom('investorTag').select('investorId').where('investorId', '=', source.id).execute()).toEqual([])
    const attachment = db.selectFrom('attachment').select('entityId').where('id', '=', attachmentId)
    expect((await attachment.executeTakeFirstOrThrow()).entityId).toBe(target.id)

    const gone = await db.selectFrom('investor').selectAll().where('id', '=', source.id).executeTakeFirstOrThrow()
    expect(gone).toMatchObject({ mergedInto: target.id, creditCode: null })
    expect(gone.deletedAt).not.toBeNull()
    expect((await api.fail('investor-restore', { id: source.id })).message).toContain('已合并到“巨能液压有限公司”')

    const sourceHistory = await journal(source.id)
    expect(sourceHistory[0]!.action).toBe('create')
    expect(sourceHistory.map((c) => JSON.parse(c.changes))).toEqual(
      expect.arrayContaining([
        { creditCode: [JUNENG, null] },
        { mergedInto: [null, target.id] },
        { tags: [['专精特新', '世界500强'], []] },
      ]),
    )
    expect(sourceHistory.at(-1)!.action).toBe('delete')
    const targetHistory = (await journal(target.id)).map((c) => JSON.parse(c.changes))
    expect(targetHistory).toContainEqual({ mergedInto: [source.id, target.id] })
    expect(targetHistory).toContainEqual({ creditCode: [null, JUNENG], address: ['济南市槐荫区', '济南市长清区'], originCity: [null, '北京'] })
    expect(targetHistory).toContainEqual({ tags: [['世界500强'], ['专精特新', '世界500强']] })
    expect(targetHistory).toContainEqual({ events: [['签约仪式'], ['京沪推介会', '签约仪式']] })
    for (const id of [projectId, deletedProject, negotiationId, requestId]) {
      expect((await journal(id)).map((c) => JSON.parse(c.changes))).toContainEqual({ investorId: [source.id, target.id] })
    }
    const li = await db.selectFrom('contact').select('id').where('name', '=', '李总').executeTakeFirstOrThrow()
    const moved = (await journal(li.id)).map((c) => JSON.parse(c.changes))
    expect(moved).toContainEqual({ investorId: [source.id, target.id], isPrimary: [1, 0] })

    // The name can come from the source too, with its derived columns.
    const third = await api.call('investor-create', { name: 'Juneng Hydraulics Co., Ltd.' })
    const renamed = await api.call('investor-merge', { sourceId: third.id, targetId: target.id, fields: { name: 'source' } })
    expect(renamed).toMatchObject({ name: 'Juneng Hydraulics Co., Ltd.', nameNorm: 'junenghydraulics' })
    expect((await api.fail('investor-merge-preview', { sourceId: third.id, targetId: target.id })).code).toBe('not_found')
  })
})
