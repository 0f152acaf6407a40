// Transactions that nest: a service called with a ctx from withTransaction joins the outer
// transaction (one COMMIT), and a failing inner piece of work undoes only its own writes.
import Sqlite from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../tests/support/backend'
import { inTransaction, withTransaction } from './context'
import { createDistrict } from './services/districts'

let dir: string
let file: string
let api: TestBackend
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'crm-nested-'))
  file = join(dir, 'crm.sqlite')
  api = await testBackend({ file })
})
afterEach(async () => {
  await api.close()
  rmSync(dir, { recursive: true, force: true })
})

/** What another process would see: a second connection to the same file. */
function districtsSeenFromOutside(): string[] {
  const other = new Sqlite(file, { readonly: true })
  try {
    return (other.prepare('SELECT name FROM district WHERE deleted_at IS NULL ORDER BY name').all() as { name: string }[]).map((row) => row.name)
  } finally {
    other.close()
  }
}

const names = async (ctx = api.env.ctx) => (await ctx.db.selectFrom('district').select('name').orderBy('name').execute()).map((row) => row.name)

describe('withTransaction', () => {
  it('lets services join it: their writes appear together at the one commit', async () => {
    await withTransaction(api.env.ctx, async (inner) => {
      await createDistrict(inner, { name: '槐荫区', code: null, note: null })
      await createDistrict(inner, { name: '长清区', code: null, note: null })
      expect(await names(inner)).toEqual(['槐荫区', '长清区'])
      expect(districtsSeenFromOutside()).toEqual([])
    })
    expect(districtsSeenFromOutside()).toEqual(['槐荫区', '长清区'])
  })

  it('rolls back everything, services included, when its work throws', async () => {
    await expect(
      withTransaction(api.env.ctx, async (inner) => {
        await createDistrict(inner, { name: '槐荫区', code: null, note: null })
        throw new Error('种子数据写到一半失败')
      }),
    ).rejects.toThrow('种子数据写到一半失败')
    expect(await names()).toEqual([])
    expect(await api.env.ctx.db.selectFrom('change').select('seq').execute()).toEqual([])
  })

  it('undoes only the inner work that failed; the outer transaction goes on and commits', async () => {
    await withTransaction(api.env.ctx, async (inner) => {
      await createDistrict(inner, { name: '槐荫区', code: null, note: null })
      await expect(
        inTransaction(inner, async (trx) => {
          await createDistrict({ ...inner, db: trx }, { name: '长清区', code: null, note: null })
          throw new Error('内层失败')
        }),
      ).rejects.toThrow('内层失败')
      // A service that refuses (duplicate name) leaves nothing behind either.
      await expect(createDistrict(inner, { name: '槐荫区', code: null, note: null })).rejects.toMatchObject({ code: 'conflict' })
      await createDistrict(inner, { name: '平阴县', code: null, note: null })
    })
    expect(districtsSeenFromOutside()).toEqual(['平阴县', '槐荫区'].sort())
    const journal = await api.env.ctx.db.selectFrom('change').select(['entity', 'action']).execute()
    expect(journal).toEqual([
      { entity: 'district', action: 'create' },
      { entity: 'district', action: 'create' },
    ])
  })

  it('nests more than one level', async () => {
    await withTransaction(api.env.ctx, (outer) =>
      withTransaction(outer, async (middle) => {
        await createDistrict(middle, { name: '槐荫区', code: null, note: null })
        await inTransaction(middle, async () => {
          await expect(inTransaction(middle, () => Promise.reject(new Error('最内层失败')))).rejects.toThrow()
        })
      }),
    )
    expect(districtsSeenFromOutside()).toEqual(['槐荫区'])
  })
})
