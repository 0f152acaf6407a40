import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { compiledOnce } from './compiled-once'

describe('a read compiled once', () => {
  let api: TestBackend
  beforeEach(async () => (api = await testBackend()))
  afterEach(() => api.close())

  it('answers each call with its own arguments, from one compiled statement, as a fresh build would', async () => {
    const db = api.env.ctx.db
    const insert = api.env.ctx.sqlite.prepare("INSERT INTO district (id, created_at, updated_at, name, code) VALUES (?, '2026-01-01', '2026-01-01', ?, ?)")
    insert.run('D1', '槐荫区', '370104')
    insert.run('D2', '市中区', '370103')
    let builds = 0
    const build = (d: typeof db, id: string, name: string) => {
      builds++
      return d.selectFrom('district').select(['id', 'name']).where('id', '=', id).where('name', '!=', name).where('deletedAt', 'is', null)
    }
    const byId = compiledOnce(build)
    expect(await byId(db, 'D1', '?')).toEqual([{ id: 'D1', name: '槐荫区' }])
    expect(await byId(db, 'D2', '?')).toEqual([{ id: 'D2', name: '市中区' }])
    expect(await byId(db, 'D2', '市中区')).toEqual([])
    expect(await byId(db, 'D2', '?')).toEqual(await build(db, 'D2', '?').execute())
    expect(builds).toBe(2)
  })

  it('refuses a builder whose argument does not become a parameter (its answer would ignore it)', async () => {
    const shaped = compiledOnce((d, stage: string) => d.selectFrom('project').select('id').where('stage', '=', stage === 'lead' ? 'lead' : 'signed'))
    await expect(shaped(api.env.ctx.db, 'lead')).rejects.toThrow('did not become a parameter')
  })
})
