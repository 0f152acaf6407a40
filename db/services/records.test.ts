// The records layer's journal: one way to write an entry, whichever path wrote the row. The single
// writes (kysely) and the batch writes (prepared statements, the ledger import) leave the same
// entries, each stamped with the time the row itself was stamped with, on a clock that moves on
// every reading as a busy laptop's does.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Backend, openBackend } from '../backend'
import { type Ctx, inTransaction } from '../context'
import { deleteRecord, insertRecord, insertRecords, restoreRecord, updateRecord, updateRecords } from './records'

let backend: Backend
let ctx: Ctx
beforeEach(async () => {
  // Each reading of the clock is one millisecond later than the last.
  let tick = Date.parse('2026-11-27T09:00:00+08:00')
  backend = await openBackend({ file: ':memory:', now: () => new Date(tick++) })
  ctx = backend.ctx
})
afterEach(() => backend.close())

interface Entry {
  entityId: string
  action: string
  changes: string
  userId: string | null
  at: string
}
const journalOf = (id: string): Promise<Entry[]> =>
  ctx.db.selectFrom('change').select(['entityId', 'action', 'changes', 'userId', 'at']).where('entityId', '=', id).orderBy('seq').execute()
const rowOf = (id: string) => ctx.db.selectFrom('district').selectAll().where('id', '=', id).executeTakeFirstOrThrow()

describe('the change journal', () => {
  it('stamps each entry of a single write with the time stamped on the row', async () => {
    const id = await inTransaction(ctx, (trx) => insertRecord(trx, ctx, 'district', { name: '槐荫区', code: null, note: null }))
    const created = await rowOf(id)
    await inTransaction(ctx, (trx) => updateRecord(trx, ctx, 'district', id, { name: '槐荫区（新）' }, '区县'))
    const updated = await rowOf(id)
    await inTransaction(ctx, (trx) => deleteRecord(trx, ctx, 'district', id, '区县'))
    const deleted = await rowOf(id)
    await inTransaction(ctx, (trx) => restoreRecord(trx, ctx, 'district', id, '区县'))
    const restored = await rowOf(id)
    expect((await journalOf(id)).map((entry) => [entry.action, entry.at])).toEqual([
      ['create', created.createdAt],
      ['update', updated.updatedAt],
      ['delete', deleted.deletedAt],
      ['restore', restored.updatedAt],
    ])
  })

  it('writes the same entries for a batch as for single writes, stamped like the rows', async () => {
    const single = await inTransaction(ctx, async (trx) => {
      const id = await insertRecord(trx, ctx, 'district', { name: '长清区', code: '370113', note: null })
      await updateRecord(trx, ctx, 'district', id, { code: '370113', note: '南部山区' }, '区县')
      return id
    })
    const batch = await inTransaction(ctx, async (trx) => {
      const [id] = insertRecords(trx, ctx, 'district', [{ name: '平阴县', code: '370124', note: null }])
      updateRecords(trx, ctx, 'district', [{ id: id!, patch: { code: '370124', note: '南部山区' } }], '区县')
      return id!
    })
    const shape = (entries: Entry[]) => entries.map(({ action, changes, userId }) => ({ action, changes: JSON.parse(changes) as unknown, userId }))
    const singleEntries = await journalOf(single)
    const batchEntries = await journalOf(batch)
    expect(shape(singleEntries)).toEqual([
      { action: 'create', changes: { name: [null, '长清区'], code: [null, '370113'] }, userId: null },
      { action: 'update', changes: { note: [null, '南部山区'] }, userId: null },
    ])
    expect(shape(batchEntries)).toEqual([
      { action: 'create', changes: { name: [null, '平阴县'], code: [null, '370124'] }, userId: null },
      { action: 'update', changes: { note: [null, '南部山区'] }, userId: null },
    ])
    const singleRow = await rowOf(single)
    expect(singleEntries.map((entry) => entry.at)).toEqual([singleRow.createdAt, singleRow.updatedAt])
    const batchRow = await rowOf(batch)
    expect(batchEntries.map((entry) => entry.at)).toEqual([batchRow.createdAt, batchRow.updatedAt])
  })

  it('is undone with the work that wrote it', async () => {
    await expect(
      inTransaction(ctx, async (trx) => {
        await insertRecord(trx, ctx, 'district', { name: '历城区', code: null, note: null })
        throw new Error('写到一半失败')
      }),
    ).rejects.toThrow('写到一半失败')
    expect(await ctx.db.selectFrom('change').select('seq').execute()).toEqual([])
  })
})
