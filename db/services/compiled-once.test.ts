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
    expect(await byId(api.env.ctx, 'D1', '?')).toEqual([{ id: 'D1', name: '槐荫区' }])
    expect(await byId(api.env.ctx, 'D2', '?')).toEqual([{ id: 'D2', name: '市中区' }])
    expect(await byId(api.env.ctx, 'D2', '市中区')).toEqual([])
    expect(await byId(api.env.ctx, 'D2', '?')).toEqual(await build(db, 'D2', '?').execute())
    expect(builds).toBe(2)
  })

  it('names every column as kysely does, selectAll included', async () => {
    const ctx = api.env.ctx
    ctx.sqlite.prepare("INSERT INTO district (id, created_at, updated_at, name, code) VALUES ('D1', '2026-01-01', '2026-01-02', '槐荫区', NULL)").run()
    const build = (d: typeof ctx.db, id: string) => d.selectFrom('district').selectAll().where('id', '=', id)
    const [row] = await compiledOnce(build)(ctx, 'D1')
    expect(row).toEqual((await build(ctx.db, 'D1').execute())[0])
    expect(Object.keys(row!)).toContain('createdAt')
  })

  it('while a transaction is open, reads as kysely would: from outside after it ends, from inside with its writes', async () => {
    const ctx = api.env.ctx
    const byId = compiledOnce((d, id: string) => d.selectFrom('district').select(['id', 'name']).where('id', '=', id))
    let outside: Promise<unknown[]> | undefined
    const written = ctx.db.transaction().execute(async (trx) => {
      await trx.insertInto('district').values({ id: 'D9', createdAt: '2026-01-01', updatedAt: '2026-01-01', name: '历城区' }).execute()
      expect(await byId({ db: trx, sqlite: ctx.sqlite }, 'D9')).toEqual([{ id: 'D9', name: '历城区' }])
      outside = byId(ctx, 'D9')
      throw new Error('rolled back')
    })
    await expect(written).rejects.toThrow('rolled back')
    // Had it read the open transaction's row, it would have answered a row that never was.
    expect(await outside).toEqual([])
  })

  it('refuses a builder whose argument does not become a parameter (its answer would ignore it)', async () => {
    const shaped = compiledOnce((d, stage: string) => d.selectFrom('project').select('id').where('stage', '=', stage === 'lead' ? 'lead' : 'signed'))
    await expect(shaped(api.env.ctx, 'lead')).rejects.toThrow('did not become a parameter')
  })
})
