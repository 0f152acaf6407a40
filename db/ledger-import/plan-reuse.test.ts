// The import plans once and reuses that plan inside its transaction unless something was written
// in between; a write in between must make it plan again (else it would create a duplicate).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { newId } from '../context'
import { previewImport, runImport } from './apply'

let api: TestBackend
beforeEach(async () => {
  api = await testBackend()
})
afterEach(() => api.close())

const ledger = { fileName: '台账.csv', bytes: Buffer.from('项目名称,总投资（万元）\n新能源电池项目,5000\n', 'utf8') }

const named = (name: string) => api.env.ctx.db.selectFrom('project').select(['id', 'totalInvestmentYuan']).where('name', '=', name).where('deletedAt', 'is', null).execute()

describe('ledger import: one plan unless the database changed', () => {
  it('creates the project when nothing was written between the plan and the transaction', async () => {
    const result = await runImport(api.env.ctx, ledger)
    expect(result.counts).toMatchObject({ create: 1, update: 0 })
    expect(await named('新能源电池项目')).toEqual([{ id: expect.any(String), totalInvestmentYuan: 50_000_000 }])
  })

  it('plans again when someone saved the same project after the first plan', async () => {
    const { sqlite } = api.env.ctx
    const now = new Date().toISOString()
    let saved = false
    const result = await runImport(api.env.ctx, ledger, {
      onProgress: (p) => {
        // the first plan has finished: another window saves a project of the same name
        if (p.phase === 'plan' && p.done === p.total && !saved) {
          saved = true
          sqlite
            .prepare(`INSERT INTO project (id, name, search_keys, stage, stage_on, reserve_on, created_at, updated_at) VALUES (?, '新能源电池项目', '', 'lead', '2026-01-05', '2026-01-05', ?, ?)`)
            .run(newId(), now, now)
        }
      },
    })
    expect(saved).toBe(true)
    expect(result.counts).toMatchObject({ create: 0, update: 1 })
    expect(await named('新能源电池项目')).toEqual([{ id: expect.any(String), totalInvestmentYuan: 50_000_000 }])
  })

  it('takes the preview\'s plan when nothing was written since: the projects get the ids the preview showed', async () => {
    const preview = await previewImport(api.env.ctx, ledger)
    const shown = preview.rows.find((r) => r.name === '新能源电池项目')!.projectId
    expect(shown).toEqual(expect.any(String))
    await runImport(api.env.ctx, ledger)
    expect(await named('新能源电池项目')).toEqual([{ id: shown, totalInvestmentYuan: 50_000_000 }])
  })

  it('plans anew when a project was saved between the preview and the import', async () => {
    const { sqlite } = api.env.ctx
    await previewImport(api.env.ctx, ledger)
    const now = new Date().toISOString()
    const id = newId()
    sqlite
      .prepare(`INSERT INTO project (id, name, search_keys, stage, stage_on, reserve_on, created_at, updated_at) VALUES (?, '新能源电池项目', '', 'lead', '2026-01-05', '2026-01-05', ?, ?)`)
      .run(id, now, now)
    const result = await runImport(api.env.ctx, ledger)
    expect(result.counts).toMatchObject({ create: 0, update: 1 })
    expect(await named('新能源电池项目')).toEqual([{ id, totalInvestmentYuan: 50_000_000 }])
  })
})
