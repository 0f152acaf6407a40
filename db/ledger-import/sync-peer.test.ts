// An import writes through the records layer's batch path (prepared statements, no op for a new
// row's empty column): a colleague's laptop must still get exactly the same records from it.
import { describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { contentHash } from '../sync/content-hash'
import { exportPackage, importPackage } from '../sync/package'
import { corpusRows, corpusXlsx } from './fixtures'

const file = (bytes: Buffer) => ({ fileName: '台账.xlsx', dataBase64: bytes.toString('base64') })

async function send(from: TestBackend, to: TestBackend) {
  const { bytes } = await exportPackage(from.env.ctx)
  return importPackage(to.env.ctx, bytes, 'test')
}

/** Every row of the tables an import writes, as stored (stamps included): what a peer must hold. */
function rowsOf(b: TestBackend) {
  const all = (table: string) => b.env.ctx.sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).all()
  return { project: all('project'), stageEvent: all('stage_event'), investor: all('investor'), district: all('district'), park: all('park'), industry: all('industry') }
}

describe('a ledger import travels to a colleague', () => {
  it('gives the peer the same rows for the created and the updated projects, and later edits of empty fields converge', async () => {
    const a = await testBackend({ now: '2026-11-27T09:00:00Z' })
    const b = await testBackend({ now: '2026-11-27T09:00:00Z' })
    const first = await a.call('ledger-import', { ...file(await corpusXlsx()), skipErrors: true, createPeople: true })
    expect(first.counts.create).toBe(4)
    a.setNow('2026-11-27T10:00:00Z')
    // next month's ledger: two projects move on (updates through the batch path)
    const changed = corpusRows({ 5: { 6: '4亿元', 7: '已开工', 9: '2024-09-01' }, 7: { 7: '签约' } })
    const second = await a.call('ledger-import', { ...file(await corpusXlsx(changed)), skipErrors: true, createPeople: true })
    expect(second.counts.update).toBe(2)

    const received = await send(a, b)
    expect(received.added).toMatchObject({ project: 4, district: 3 })
    expect(rowsOf(b)).toEqual(rowsOf(a))
    expect(contentHash(b.env.ctx.sqlite)).toBe(contentHash(a.env.ctx.sqlite))

    // a column the import left empty (固定资产投资) set on B, another field on A: both arrive both ways
    const project = b.env.ctx.sqlite.prepare("SELECT id FROM project WHERE name = '平阴新材料项目'").pluck().get() as string
    b.setNow('2026-11-27T11:00:00Z')
    await b.call('project-update', { id: project, fixedAsset: '0.8亿' })
    a.setNow('2026-11-27T11:05:00Z')
    await a.call('project-update', { id: project, progress: '已完成选址' })
    await send(b, a)
    await send(a, b)
    expect(contentHash(b.env.ctx.sqlite)).toBe(contentHash(a.env.ctx.sqlite))
    expect(a.env.ctx.sqlite.prepare('SELECT fixed_asset_yuan AS f, progress AS p FROM project WHERE id = ?').get(project)).toEqual({ f: 80_000_000, p: '已完成选址' })
    await a.close()
    await b.close()
    // two laptops, two imports and four packages: slow on a loaded machine
  }, 120_000)
})
