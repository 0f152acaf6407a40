import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { inTransaction } from '../../db/context'
import { type RecordValues, insertRecord } from '../../db/services/records'
import { type TestBackend, testBackend } from '../../tests/support/backend'

// Users, tags, industries, investors and events have their own slices; rows are written directly
// here so these tests depend only on the project slice.
async function world(api: TestBackend) {
  const ctx = api.env.ctx
  const add = <T extends 'user' | 'tag' | 'industry' | 'investor' | 'event'>(table: T, values: RecordValues<T>) =>
    inTransaction(ctx, (trx) => insertRecord(trx, ctx, table, values))
  const huaiyin = await api.call('district-create', { name: '槐荫区' })
  const changqing = await api.call('district-create', { name: '长清区' })
  return {
    huaiyin: huaiyin.id,
    changqing: changqing.id,
    medical: (await api.call('park-create', { districtId: huaiyin.id, name: '济南国际医学中心' })).id,
    smart: (await api.call('park-create', { districtId: huaiyin.id, name: '智能制造产业园' })).id,
    changqingPark: (await api.call('park-create', { districtId: changqing.id, name: '长清经济开发区' })).id,
    zhang: await add('user', { name: '张三', role: 'staff' }),
    li: await add('user', { name: '李四', role: 'leader' }),
    equipment: await add('industry', { name: '高端装备', sortOrder: 1 }),
    bio: await add('industry', { name: '生物医药', sortOrder: 2 }),
    top500: await add('tag', { name: '世界500强' }),
    gazelle: await add('tag', { name: '瞪羚企业' }),
    juneng: await add('investor', { name: '巨能液压有限公司', nameNorm: '巨能液压', searchKeys: '' }),
    fair: await add('event', { name: '春季推介会', type: 'promotion', startOn: '2026-03-01' }),
    add,
  }
}

async function journal(api: TestBackend, id: string) {
  const rows = await api.env.ctx.db.selectFrom('change').selectAll().where('entityId', '=', id).orderBy('seq').execute()
  return rows.map((row) => ({ action: row.action, changes: JSON.parse(row.changes) as Record<string, [unknown, unknown]> }))
}

describe('projects through the contract', () => {
  let api: TestBackend
  let w: Awaited<ReturnType<typeof world>>
  beforeEach(async () => {
    api = await testBackend()
    w = await world(api)
  })
  afterEach(() => api.close())

  it('creates a lead from a name alone, dated today, with pinyin search keys', async () => {
    const project = await api.call('project-create', { name: '  巨能液压扩产项目 ' })
    expect(project).toMatchObject({
      name: '巨能液压扩产项目',
      stage: 'lead',
      stageOn: '2026-11-27',
      reserveOn: '2026-11-27',
      searchKeys: 'junengyeyakuochanxiangmu jnyykcxm',
      parkId: null,
      totalInvestmentYuan: null,
      signedOn: null,
      tags: [],
      stageEvents: [],
      warnings: [],
    })
    expect((await journal(api, project.id)).map((entry) => entry.action)).toEqual(['create'])
    expect((await api.fail('project-create', { name: '  ' })).message).toContain('请填写项目名称')
  })

  it('takes the district from the park, converts amounts exactly, and shows names and tags', async () => {
    const project = await api.call('project-create', {
      name: '国际医学中心医疗器械产业园',
      parkId: w.medical,
      investorId: w.juneng,
      industryId: w.bio,
      kind: 'new',
      totalInvestment: '12.29亿',
      fixedAsset: '8000万元',
      foreignCapitalUsd: 5_000_000,
      landMu: 120.55,
      expectedOutput: 300_000_000,
      expectedJobs: 800,
      priority: 'municipal',
      ownerId: w.zhang,
      leaderId: w.li,
      sourceEventId: w.fair,
      tagIds: [w.top500, w.gazelle, w.top500],
      planStartedOn: '2027-03-01',
    })
    expect(project).toMatchObject({
      districtId: w.huaiyin,
      districtName: '槐荫区',
      parkName: '济南国际医学中心',
      investorName: '巨能液压有限公司',
      industryName: '生物医药',
      ownerName: '张三',
      leaderName: '李四',
      totalInvestmentYuan: 1_229_000_000,
      fixedAssetYuan: 80_000_000,
      foreignCapitalUsd: 5_000_000,
      landCentiMu: 12055,
      expectedOutputYuan: 300_000_000,
      planStartedOn: '2027-03-01',
    })
    expect(project.tags.map((tag) => tag.name)).toEqual(['世界500强', '瞪羚企业'])
    const entries = await journal(api, project.id)
    expect(entries.map((entry) => entry.action)).toEqual(['create', 'update'])
    expect(entries[0]!.changes.totalInvestmentYuan).toEqual([null, 1_229_000_000])
    expect(entries[1]!.changes).toEqual({ tags: [[], ['世界500强', '瞪羚企业']] })
  })

  it('refuses a park and district that disagree, and references that do not exist', async () => {
    const mismatch = await api.fail('project-create', { name: 'x', parkId: w.medical, districtId: w.changqing })
    expect(mismatch).toMatchObject({ code: 'validation', message: expect.stringContaining('济南国际医学中心') })
    const agree = await api.call('project-create', { name: 'y', parkId: w.medical, districtId: w.huaiyin })
    expect(agree.districtId).toBe(w.huaiyin)
    const noPark = await api.call('project-create', { name: 'z', districtId: w.changqing })
    expect([noPark.districtName, noPark.parkName]).toEqual(['长清区', null])

    expect((await api.fail('project-create', { name: 'x', parkId: 'NOPE' })).message).toContain('所属园区')
    expect((await api.fail('project-create', { name: 'x', investorId: 'NOPE' })).message).toContain('投资方')
    expect((await api.fail('project-create', { name: 'x', ownerId: 'NOPE' })).message).toContain('责任人')
    expect((await api.fail('project-create', { name: 'x', tagIds: ['NOPE'] })).message).toContain('标签')
    expect((await api.fail('project-create', { name: 'x', totalInvestment: '3.123456789亿' })).message).toContain('总投资')
    expect((await api.fail('project-create', { name: 'x', landMu: 1.234 })).message).toContain('最多两位小数')
    await api.call('park-delete', { id: w.smart })
    expect((await api.fail('project-create', { name: 'x', parkId: w.smart })).code).toBe('not_found')
    const { total } = await api.call('project-list', {})
    expect(total).toBe(2)
  })

  it('updates only the given fields, moves the district with the park, and journals tags', async () => {
    const project = await api.call('project-create', { name: '智能装备项目', parkId: w.medical, totalInvestment: '5亿', tagIds: [w.top500] })
    const moved = await api.call('project-update', { id: project.id, parkId: w.changqingPark, name: '智能装备基地项目' })
    expect(moved).toMatchObject({ districtId: w.changqing, parkName: '长清经济开发区', totalInvestmentYuan: 500_000_000 })
    expect(moved.searchKeys).toBe('zhinengzhuangbeijidixiangmu znzbjdxm')
    expect(moved.tags.map((tag) => tag.name)).toEqual(['世界500强'])

    const stray = await api.fail('project-update', { id: project.id, districtId: w.huaiyin })
    expect(stray).toMatchObject({ code: 'validation', message: expect.stringContaining('长清经济开发区') })
    const parkless = await api.call('project-update', { id: project.id, parkId: null, districtId: w.huaiyin })
    expect([parkless.parkId, parkless.districtId]).toEqual([null, w.huaiyin])

    await api.call('project-update', { id: project.id, tagIds: [w.gazelle] })
    await api.call('project-update', { id: project.id, tagIds: [w.gazelle] })
    const cleared = await api.call('project-update', { id: project.id, totalInvestment: null, tagIds: [] })
    expect([cleared.totalInvestmentYuan, cleared.tags]).toEqual([null, []])

    const entries = await journal(api, project.id)
    const tagChanges = entries.filter((entry) => entry.changes.tags).map((entry) => entry.changes.tags)
    expect(tagChanges).toEqual([[[], ['世界500强']], [['世界500强'], ['瞪羚企业']], [['瞪羚企业'], []]])
    expect(entries.find((entry) => entry.action === 'update' && entry.changes.parkId)!.changes).toMatchObject({ parkId: [w.medical, w.changqingPark], districtId: [w.huaiyin, w.changqing] })
    expect((await api.fail('project-update', { id: 'NOPE', name: 'x' })).code).toBe('not_found')
  })

  it('soft-deletes a project out of lists and lookups, and restores it', async () => {
    const project = await api.call('project-create', { name: '待删除项目', totalInvestment: 100 })
    await api.call('project-delete', { id: project.id })
    expect((await api.call('project-list', {})).total).toBe(0)
    expect((await api.call('project-list', {})).totalInvestmentYuan).toBe(0)
    expect((await api.fail('project-get', { id: project.id })).code).toBe('not_found')
    expect((await api.fail('project-delete', { id: project.id })).code).toBe('not_found')
    const bin = await api.call('project-list', { includeDeleted: true })
    expect(bin.rows.map((row) => [row.name, row.deletedAt !== null])).toEqual([['待删除项目', true]])
    expect((await api.call('project-restore', { id: project.id })).deletedAt).toBeNull()
    expect((await api.call('project-list', {})).total).toBe(1)
    expect((await api.fail('project-restore', { id: project.id })).code).toBe('not_found')
    expect((await journal(api, project.id)).map((entry) => entry.action)).toEqual(['create', 'delete', 'restore'])
  })
})

describe('project stages', () => {
  let api: TestBackend
  beforeEach(async () => (api = await testBackend()))
  afterEach(() => api.close())

  const move = (id: string, toStage: string, happenedOn: string, extra: Record<string, unknown> = {}) =>
    api.call('project-stage-change', { id, toStage: toStage as 'lead', happenedOn, ...extra })
  const refuse = (id: string, toStage: string, happenedOn: string, extra: Record<string, unknown> = {}) =>
    api.fail('project-stage-change', { id, toStage, happenedOn, ...extra })

  it('records an imported project at its stage as an event from nowhere, filling that milestone', async () => {
    const signed = await api.call('project-create', { name: '已签约项目', stage: 'signed', stageOn: '2025-06-30' })
    expect(signed).toMatchObject({ stage: 'signed', stageOn: '2025-06-30', signedOn: '2025-06-30', reserveOn: '2025-06-30' })
    expect(signed.stageEvents.map((e) => [e.fromStage, e.toStage, e.happenedOn])).toEqual([[null, 'signed', '2025-06-30']])
    const future = await api.fail('project-create', { name: 'x', stage: 'signed', stageOn: '2026-11-28' })
    expect(future).toMatchObject({ code: 'validation', message: expect.stringContaining('不能晚于今天') })
    const reserved = await api.call('project-create', { name: '入库早', stage: 'contacted', stageOn: '2026-02-01', reserveOn: '2025-12-01' })
    expect([reserved.reserveOn, reserved.signedOn]).toEqual(['2025-12-01', null])
  })

  it('moves forward (skipping is fine) in one journaled write, filling only the reached milestone', async () => {
    const project = await api.call('project-create', { name: '跳级项目', reserveOn: '2026-01-05' })
    const signed = await move(project.id, 'signed', '2026-03-15', { note: '框架协议', planStartedOn: '2026-09-01' })
    expect(signed).toMatchObject({ stage: 'signed', stageOn: '2026-03-15', signedOn: '2026-03-15', registeredOn: null })
    expect(signed.planStartedOn).toBe('2026-09-01')
    expect(signed.stageEvents.map((e) => [e.fromStage, e.toStage, e.note])).toEqual([['lead', 'signed', '框架协议']])
    const started = await move(project.id, 'started', '2026-05-20')
    expect([started.signedOn, started.registeredOn, started.startedOn]).toEqual(['2026-03-15', null, '2026-05-20'])
    expect(started.warnings).toEqual([])

    const entries = await journal(api, project.id)
    expect(entries.map((entry) => entry.action)).toEqual(['create', 'update', 'update'])
    expect(entries[2]!.changes).toEqual({ stage: ['signed', 'started'], stageOn: ['2026-03-15', '2026-05-20'], startedOn: [null, '2026-05-20'] })
    const events = await api.env.ctx.db.selectFrom('change').select('action').where('entity', '=', 'stageEvent').execute()
    expect(events).toHaveLength(2)
  })

  it('refuses the same stage, future dates, and side stages without a reason', async () => {
    const project = await api.call('project-create', { name: '规则项目' })
    expect((await refuse(project.id, 'lead', '2026-11-01')).message).toContain('已处于“线索”')
    expect((await refuse(project.id, 'contacted', '2026-11-28')).message).toContain('不能晚于今天')
    for (const side of ['on_hold', 'lost', 'terminated']) {
      expect(await refuse(project.id, side, '2026-11-01', { reason: ' ' })).toMatchObject({ code: 'validation', message: expect.stringContaining('原因') })
    }
    expect(await refuse(project.id, 'signed', '2026-13-01')).toMatchObject({ code: 'validation' })
    expect((await refuse('NOPE', 'signed', '2026-11-01')).code).toBe('not_found')
    expect((await api.call('project-get', { id: project.id })).stageEvents).toEqual([])
  })

  it('lets only a signed project be terminated; one that never signed is lost', async () => {
    const talks = await api.call('project-create', { name: '在谈项目', stage: 'negotiating', stageOn: '2026-01-01' })
    const never = await refuse(talks.id, 'terminated', '2026-02-01', { reason: '企业放弃' })
    expect(never).toMatchObject({ code: 'validation', message: expect.stringContaining('流失') })
    expect((await move(talks.id, 'lost', '2026-02-01', { reason: '企业放弃' })).stage).toBe('lost')

    const deal = await api.call('project-create', { name: '签约项目', stage: 'signed', stageOn: '2026-01-01' })
    await move(deal.id, 'on_hold', '2026-02-01', { reason: '资金未到位' })
    const ended = await move(deal.id, 'terminated', '2026-03-01', { reason: '企业违约' })
    expect(ended).toMatchObject({ stage: 'terminated', signedOn: '2026-01-01' })
    expect(ended.stageEvents.at(-1)).toMatchObject({ fromStage: 'on_hold', toStage: 'terminated', reason: '企业违约' })

    // Moving back before signing undoes it: the project can no longer be terminated.
    const undone = await api.call('project-create', { name: '撤回项目', stage: 'signed', stageOn: '2026-01-01' })
    await move(undone.id, 'negotiating', '2026-02-01', { reason: '协议重谈' })
    expect((await refuse(undone.id, 'terminated', '2026-03-01', { reason: 'x' })).code).toBe('validation')
  })

  it('needs a reason to move back, clears milestones beyond the new stage and keeps its own date', async () => {
    const project = await api.call('project-create', { name: '退回项目', stage: 'signed', stageOn: '2026-01-10' })
    await move(project.id, 'registered', '2026-02-10')
    await move(project.id, 'started', '2026-03-10')
    const noReason = await refuse(project.id, 'signed', '2026-04-10')
    expect(noReason).toMatchObject({ code: 'validation', message: expect.stringContaining('退回到“签约”阶段请填写原因') })
    const back = await move(project.id, 'signed', '2026-04-10', { reason: '用地未落实，重新办理' })
    expect([back.stage, back.signedOn, back.registeredOn, back.startedOn]).toEqual(['signed', '2026-01-10', null, null])
    expect(back.stageEvents.map((e) => e.toStage)).toEqual(['signed', 'registered', 'started', 'signed'])
    const again = await move(project.id, 'started', '2026-06-01')
    expect([again.registeredOn, again.startedOn]).toEqual([null, '2026-06-01'])
    const entries = await journal(api, project.id)
    expect(entries.at(-2)!.changes).toMatchObject({ registeredOn: ['2026-02-10', null], startedOn: ['2026-03-10', null] })
  })

  it('resumes from a side stage without a reason, but going behind where it stopped needs one', async () => {
    const project = await api.call('project-create', { name: '暂缓项目', stage: 'started', stageOn: '2026-01-10' })
    const paused = await move(project.id, 'on_hold', '2026-02-01', { reason: '环评未过' })
    expect(paused.startedOn).toBe('2026-01-10')
    expect((await refuse(project.id, 'signed', '2026-03-01')).message).toContain('请填写原因')
    const resumed = await move(project.id, 'started', '2026-03-01')
    expect([resumed.stage, resumed.startedOn]).toEqual(['started', '2026-01-10'])
    const lead = await api.call('project-create', { name: '线索暂缓' })
    await move(lead.id, 'on_hold', '2026-02-01', { reason: '观望' })
    expect((await move(lead.id, 'contacted', '2026-03-01')).stage).toBe('contacted')
  })

  it('warns about dates that run backwards instead of refusing them', async () => {
    const project = await api.call('project-create', { name: '日期混乱项目', stage: 'signed', stageOn: '2026-05-01', reserveOn: '2026-01-01' })
    const started = await move(project.id, 'started', '2026-04-01')
    expect(started.stage).toBe('started')
    expect(started.warnings).toEqual([
      '开工日期（2026-04-01）早于签约日期（2026-05-01）',
      '转为“开工”的日期（2026-04-01）早于上一阶段“签约”（2026-05-01）',
    ])
    expect((await api.call('project-get', { id: project.id })).warnings).toEqual(started.warnings)
    const fixed = await api.call('project-create', { name: '正常', stage: 'signed', stageOn: '2026-01-01' })
    expect((await move(fixed.id, 'started', '2026-02-01')).warnings).toEqual([])
  })
})

describe('project list and board', () => {
  let api: TestBackend
  let w: Awaited<ReturnType<typeof world>>
  let ids: Record<string, string>
  beforeEach(async () => {
    api = await testBackend()
    w = await world(api)
    const sub = await w.add('industry', { name: '液压件', parentId: w.equipment, sortOrder: 0 })
    const create = async (name: string, fields: Record<string, unknown>) => (await api.call('project-create', { name, ...fields })).id
    ids = {
      hydraulic: await create('巨能液压扩产', {
        parkId: w.smart, stage: 'started', stageOn: '2026-03-01', industryId: sub, totalInvestment: '0.29亿', ownerId: w.zhang,
        investorId: w.juneng, priority: 'provincial', tagIds: [w.top500], reserveOn: '2025-12-31',
      }),
      medical: await create('医疗器械产业园', {
        parkId: w.medical, stage: 'signed', stageOn: '2026-01-01', industryId: w.bio, totalInvestment: '12.29亿', ownerId: w.li,
        tagIds: [w.gazelle], reserveOn: '2026-01-01',
      }),
      robot: await create('机器人整机', {
        parkId: w.smart, stage: 'negotiating', stageOn: '2026-06-30', industryId: w.equipment, totalInvestment: 1_000_000_001,
        reserveOn: '2026-06-30',
      }),
      farm: await create('长清智慧农业', { parkId: w.changqingPark, stage: 'operating', stageOn: '2026-10-01', reserveOn: '2024-05-05' }),
      empty: await create('阿尔法线索', { reserveOn: '2026-11-01' }),
    }
  })
  afterEach(() => api.close())

  const names = async (query: Record<string, unknown>) => (await api.call('project-list', query)).rows.map((row) => row.name).sort()

  it('filters by place, stage, library, people, investor, priority, industry family and tags', async () => {
    expect(await names({ districtId: w.huaiyin })).toEqual(['医疗器械产业园', '巨能液压扩产', '机器人整机'])
    expect(await names({ districtIds: [w.changqing] })).toEqual(['长清智慧农业'])
    expect(await names({ parkIds: [w.medical, w.changqingPark] })).toEqual(['医疗器械产业园', '长清智慧农业'])
    expect(await names({ parkId: w.smart, stage: 'started' })).toEqual(['巨能液压扩产'])
    expect(await names({ stages: ['lead', 'operating'] })).toEqual(['长清智慧农业', '阿尔法线索'])
    expect(await names({ library: 'reserve' })).toEqual(['机器人整机', '阿尔法线索'])
    expect(await names({ library: 'implementing' })).toEqual(['医疗器械产业园'])
    expect(await names({ library: 'construction' })).toEqual(['巨能液压扩产'])
    expect(await names({ library: 'evaluation' })).toEqual(['长清智慧农业'])
    expect(await names({ library: 'construction', stage: 'lead' })).toEqual([])
    expect(await names({ ownerId: w.zhang })).toEqual(['巨能液压扩产'])
    expect(await names({ investorId: w.juneng })).toEqual(['巨能液压扩产'])
    expect(await names({ priority: 'provincial' })).toEqual(['巨能液压扩产'])
    expect(await names({ industryId: w.equipment })).toEqual(['巨能液压扩产', '机器人整机'])
    expect(await names({ industryId: w.bio })).toEqual(['医疗器械产业园'])
    expect(await names({ tagIds: [w.top500, w.gazelle] })).toEqual(['医疗器械产业园', '巨能液压扩产'])
    expect(await names({ tagIds: [w.gazelle] })).toEqual(['医疗器械产业园'])
    expect(await names({ districtIds: [], stages: [] })).toHaveLength(5)
  })

  it('filters amounts and dates with inclusive bounds', async () => {
    expect(await names({ minInvestment: '0.29亿' })).toEqual(['医疗器械产业园', '巨能液压扩产', '机器人整机'])
    expect(await names({ minInvestment: 29_000_001 })).toEqual(['医疗器械产业园', '机器人整机'])
    expect(await names({ maxInvestment: '10亿' })).toEqual(['巨能液压扩产'])
    expect(await names({ maxInvestment: 1_000_000_001 })).toEqual(['巨能液压扩产', '机器人整机'])
    expect((await api.fail('project-list', { minInvestment: '2亿', maxInvestment: '1亿' })).message).toContain('最低总投资')
    expect(await names({ reserveOnFrom: '2026-01-01', reserveOnTo: '2026-06-30' })).toEqual(['医疗器械产业园', '机器人整机'])
    expect(await names({ reserveOnTo: '2025-12-31' })).toEqual(['巨能液压扩产', '长清智慧农业'])
    expect(await names({ signedOnFrom: '2026-01-01', signedOnTo: '2026-01-01' })).toEqual(['医疗器械产业园'])
    expect(await names({ startedOnFrom: '2026-03-01' })).toEqual(['巨能液压扩产'])
    expect(await names({ startedOnTo: '2026-02-28' })).toEqual([])
    expect(await names({ operatingOnFrom: '2026-10-01', operatingOnTo: '2026-10-01' })).toEqual(['长清智慧农业'])
    expect((await api.fail('project-list', { signedOnFrom: '2026-02-30' })).code).toBe('validation')
  })

  it('finds names by Chinese text or pinyin, escaping LIKE wildcards', async () => {
    expect(await names({ text: '液压' })).toEqual(['巨能液压扩产'])
    expect(await names({ text: 'jnyy' })).toEqual(['巨能液压扩产'])
    expect(await names({ text: 'JiQiRen' })).toEqual(['机器人整机'])
    expect(await names({ text: 'Zhi Hui' })).toEqual(['长清智慧农业'])
    expect(await names({ text: '智能' })).toEqual([])
    expect(await names({ text: '%' })).toEqual([])
    expect(await names({ text: '_' })).toEqual([])
  })

  it('sums exactly over the whole filter, pages with a stable order and sorts by whitelisted columns', async () => {
    const all = await api.call('project-list', { pageSize: 2, sort: 'totalInvestment', order: 'desc' })
    expect(all.total).toBe(5)
    expect(all.totalInvestmentYuan).toBe(29_000_000 + 1_229_000_000 + 1_000_000_001)
    expect(all.rows.map((row) => row.name)).toEqual(['医疗器械产业园', '机器人整机'])
    const page2 = await api.call('project-list', { pageSize: 2, page: 2, sort: 'totalInvestment', order: 'desc' })
    // Missing amounts go last; ties fall back to the id (creation order), in the same direction.
    expect(page2.rows.map((row) => row.name)).toEqual(['巨能液压扩产', '阿尔法线索'])
    const page3 = await api.call('project-list', { pageSize: 2, page: 3, sort: 'totalInvestment', order: 'desc' })
    expect(page3.rows).toHaveLength(1)
    expect(page3.total).toBe(5)

    const asc = await api.call('project-list', { sort: 'totalInvestment' })
    expect(asc.rows.slice(0, 3).map((row) => row.totalInvestmentYuan)).toEqual([29_000_000, 1_000_000_001, 1_229_000_000])
    expect(asc.rows.slice(3).map((row) => row.totalInvestmentYuan)).toEqual([null, null])
    const byStage = await api.call('project-list', { sort: 'stage' })
    expect(byStage.rows.map((row) => row.stage)).toEqual(['lead', 'negotiating', 'signed', 'started', 'operating'])
    const byName = await api.call('project-list', { sort: 'name' })
    expect(byName.rows.map((row) => row.name)).toEqual(['阿尔法线索', '长清智慧农业', '机器人整机', '巨能液压扩产', '医疗器械产业园'])
    const row = (await api.call('project-list', { text: '液压' })).rows[0]!
    expect(row).toMatchObject({
      parkName: '智能制造产业园', districtName: '槐荫区', investorName: '巨能液压有限公司', ownerName: '张三', industryName: '液压件',
      totalInvestmentYuan: 29_000_000,
    })
    expect(row.tags.map((tag) => tag.name)).toEqual(['世界500强'])
    expect((await api.fail('project-list', { sort: 'deletedAt' })).code).toBe('validation')
    expect((await api.fail('project-list', { pageSize: 501 })).code).toBe('validation')
  })

  it('lists the most recently touched first by default', async () => {
    api.setNow('2026-11-28T10:00:00+08:00')
    await api.call('project-update', { id: ids.medical!, progress: '已完成土地摘牌' })
    const rows = (await api.call('project-list', {})).rows
    expect(rows[0]!.name).toBe('医疗器械产业园')
  })

  it('counts and sums the board per stage, with cards newest first', async () => {
    const board = await api.call('project-board', {})
    expect(board.columns.map((column) => column.stage)).toEqual([
      'lead', 'contacted', 'negotiating', 'signed', 'registered', 'started', 'completed', 'operating', 'evaluated', 'on_hold', 'lost',
      'terminated',
    ])
    const column = (stage: string) => board.columns.find((c) => c.stage === stage)!
    expect([column('signed').count, column('signed').totalInvestmentYuan]).toEqual([1, 1_229_000_000])
    expect([column('contacted').count, column('contacted').cards]).toEqual([0, []])
    expect(column('started').cards[0]).toMatchObject({ name: '巨能液压扩产', parkName: '智能制造产业园', investorName: '巨能液压有限公司', ownerName: '张三' })

    const smart = await api.call('project-board', { parkId: w.smart })
    expect(smart.columns.reduce((n, c) => n + c.count, 0)).toBe(2)
    expect(smart.columns.reduce((n, c) => n + c.totalInvestmentYuan, 0)).toBe(1_029_000_001)
    const zhang = await api.call('project-board', { ownerId: w.zhang, districtId: w.huaiyin })
    expect(zhang.columns.filter((c) => c.count > 0).map((c) => c.stage)).toEqual(['started'])
    await api.call('project-delete', { id: ids.hydraulic! })
    expect((await api.call('project-board', { ownerId: w.zhang })).columns.every((c) => c.count === 0)).toBe(true)
  })
})
