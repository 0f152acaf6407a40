// How the bulk first pull (db/sync/bootstrap.ts) turns a record's winning ops into a row, for the
// records the ordinary path would also treat specially: a NOT NULL field with a default that no op
// carries takes the column's default, a record lacking a required field is not written (but is kept
// in the snapshot), and every other column is what the sender holds, derived columns included.
import { describe, expect, it } from 'vitest'
import { testBackend } from '../../tests/support/backend'
import { inTransaction } from '../context'
import { Bootstrap, bootstrapFromOperations } from './bootstrap'
import { readOperations } from './index'

describe('the bulk first pull writes each record as the ordinary path would', () => {
  it('takes defaults for absent defaulted fields, leaves incomplete records out, and copies the rest', async () => {
    const a = await testBackend({ now: '2026-11-27T09:00:00Z' })
    const blank = await testBackend({ now: '2026-11-27T12:00:00Z' })
    const district = await a.call('district-create', { name: '槐荫区' })
    const investor = await a.call('investor-create', { name: '山东巨能液压有限公司' })
    const contact = await a.call('contact-create', { investorId: investor.id, name: '王经理', isPrimary: true })
    const kept = await a.call('project-create', { name: '巨能液压件项目', districtId: district.id, investorId: investor.id, totalInvestment: 350_000_000 })
    const staged = await a.call('project-create', { name: '绿色建材产业园', districtId: district.id, investorId: investor.id, stage: 'negotiating' })
    const negotiation = await a.call('negotiation-create', { projectId: kept.id, happenedOn: '2026-11-20', type: 'visit_out', summary: '赴总部洽谈用地' })

    // As from a laptop whose schema lacked the columns: no op for the staged project's stage and the
    // contact's isPrimary; and the negotiation's creation only half arrived (no summary).
    const ops = (await readOperations(a.env.ctx, {}, 100_000)).filter(
      (op) =>
        !(op.rowId === staged.id && op.field === 'stage') &&
        !(op.rowId === contact.id && op.field === 'isPrimary') &&
        !(op.rowId === negotiation.id && op.field === 'summary'),
    )
    const summary = await inTransaction(blank.env.ctx, async () => bootstrapFromOperations(blank.env.ctx, ops, { kind: 'file', label: 'test' }))
    expect(summary.added).toMatchObject({ district: 1, investor: 1, contact: 1, project: 2 })
    expect(summary.added.negotiation).toBeUndefined()

    const row = (b: typeof a, table: string, id: string) => b.env.ctx.sqlite.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined
    expect(row(blank, 'project', staged.id)).toEqual({ ...row(a, 'project', staged.id), stage: 'lead' })
    expect(row(blank, 'contact', contact.id)).toEqual({ ...row(a, 'contact', contact.id), is_primary: 0 })
    expect(row(blank, 'project', kept.id)).toEqual(row(a, 'project', kept.id))
    expect(row(blank, 'investor', investor.id)).toEqual(row(a, 'investor', investor.id))
    expect(row(blank, 'negotiation', negotiation.id)).toBeUndefined()
    const snapshot = blank.env.ctx.sqlite.prepare('SELECT ops FROM sync_snapshot WHERE tbl = ? AND row_id = ?').pluck().get('negotiation', negotiation.id) as string
    expect(Object.keys(JSON.parse(snapshot) as object)).toContain('happenedOn')
    // The derived search keys are the sender's: the pinyin finds the project.
    expect(JSON.stringify(await blank.call('search', { text: 'jnyy' }))).toContain(kept.id)
    await a.close()
    await blank.close()
  })

  it('refuses a hub page that holds one record twice, in plain words', async () => {
    const blank = await testBackend({ now: '2026-11-27T12:00:00Z' })
    const { ctx } = blank.env
    const hlc = (n: number) => `1767225600000-000${n}-BENCHREPLICA00000001`
    const twice: Array<[string, Record<string, [string, string | null, string]>]> = [
      ['01KDISTRICT0000000000000001', { name: [hlc(1), null, '槐荫区'], createdAt: [hlc(2), null, '2026-01-05T09:00:00.000Z'], updatedAt: [hlc(3), null, '2026-01-05T09:00:00.000Z'] }],
      ['01KDISTRICT0000000000000001', { name: [hlc(4), null, '历下区'], createdAt: [hlc(5), null, '2026-01-05T09:00:00.000Z'], updatedAt: [hlc(6), null, '2026-01-05T09:00:00.000Z'] }],
    ]
    const pull = inTransaction(ctx, async () => {
      const bootstrap = new Bootstrap(ctx, { kind: 'hub', label: 'test' })
      bootstrap.start()
      bootstrap.add('district', twice, twice.map(([, snapshot]) => JSON.stringify(snapshot)))
    })
    await expect(pull).rejects.toThrow('同步数据被拒绝，未做任何修改：district 的同一条记录出现了两次')
    expect(ctx.sqlite.prepare('SELECT count(*) FROM district').pluck().get()).toBe(0)
    await blank.close()
  })
})
