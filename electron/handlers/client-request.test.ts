// A create sent twice with one client request id creates once, whether the repeat arrives while
// the first is still running (double click) or after it answered (retry).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from './dispatch'
import { type TestBackend, testBackend } from '../../tests/support/backend'

describe('client request ids on creates', () => {
  let api: TestBackend
  beforeEach(async () => {
    api = await testBackend()
  })
  afterEach(() => api.close())

  const create = (input: Record<string, unknown>) => dispatch(api.env, 'project-create', input)
  const projects = async () => (await api.call('project-list', { pageSize: 100 })).rows.map((row) => row.name)

  it('answers two simultaneous creates with the one project made by the first', async () => {
    const input = { name: '国药集团华北生物医药基地', clientRequestId: '01JDOUBLECLICK000000000001' }
    const [first, second] = await Promise.all([create(input), create(input)])
    expect(first.ok && second.ok).toBe(true)
    // The same answer; only the first call wrote, so only its answer says what changed.
    expect(second.ok && second.value).toEqual(first.ok && first.value)
    expect(await projects()).toEqual(['国药集团华北生物医药基地'])
  })

  it('answers a later retry with the first result', async () => {
    const input = { name: '冷链物流分拨中心', totalInvestment: '1.5亿', clientRequestId: 'retry-after-timeout-1' }
    const first = await create(input)
    const again = await create(input)
    expect(again.ok && again.value).toEqual(first.ok && first.value)
    expect(await projects()).toEqual(['冷链物流分拨中心'])
  })

  it('creates separately without an id, or with different ids', async () => {
    await create({ name: '项目甲' })
    await create({ name: '项目甲' })
    await create({ name: '项目乙', clientRequestId: 'request-aaaaaaaa' })
    await create({ name: '项目乙', clientRequestId: 'request-bbbbbbbb' })
    expect((await projects()).sort()).toEqual(['项目乙', '项目乙', '项目甲', '项目甲'])
  })

  it('refuses a malformed id and an id reused by another kind of create, in plain words', async () => {
    const bad = await create({ name: '项目丙', clientRequestId: 'x' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringContaining('请求编号') } })
    await create({ name: '项目丁', clientRequestId: 'shared-id-0001' })
    const other = await dispatch(api.env, 'investor-create', { name: '济南金石新材料科技有限公司', clientRequestId: 'shared-id-0001' })
    expect(other).toMatchObject({ ok: false, error: { code: 'conflict' } })
  })
})
