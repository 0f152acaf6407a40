import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { investorNameSimilarity, normalizeInvestorName } from '../domain/investor-name'
import { byCreditCode, byNameNorm, duplicatesByName, probeBigrams } from './investor-duplicates'
import { nameColumns } from './investors'

describe('finding duplicate investors', () => {
  let api: TestBackend
  beforeEach(async () => (api = await testBackend()))
  afterEach(() => api.close())

  const plan = (query: { compile(): { sql: string; parameters: readonly unknown[] } }) => {
    const { sql, parameters } = query.compile()
    const rows = api.env.ctx.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as { detail: string }[]
    return rows.map((row) => row.detail).join('\n')
  }

  it('looks up credit codes and normalised names through their indexes', () => {
    const { db } = api.env.ctx
    expect(plan(byCreditCode(db, '91370100MA3C00010X'))).toMatch(/USING INDEX investor_credit_code/)
    expect(plan(byCreditCode(db, '91370100MA3C00010X', 'X'))).toMatch(/USING INDEX investor_credit_code/)
    expect(plan(byNameNorm(db, '巨能液压'))).toMatch(/USING INDEX investor_name_norm/)
  })

  it('probes with enough bigrams that every name at least 0.8 similar contains one', () => {
    const names = ['山东巨能液压科技有限公司', '济南二机床集团有限公司', '中国重型汽车集团', '巨能', '比亚迪', 'Acme Hydraulics Ltd']
    const variants = (s: string) => {
      const chars = [...s]
      const out: string[] = []
      for (let i = 0; i < chars.length; i++) {
        out.push(chars.filter((_, j) => j !== i).join(''))
        out.push([...chars.slice(0, i), '新', ...chars.slice(i)].join(''))
        out.push(chars.map((c, j) => (j === i ? '某' : c)).join(''))
      }
      return out
    }
    let checked = 0
    for (const name of names) {
      const probes = probeBigrams(normalizeInvestorName(name))
      for (const other of variants(normalizeInvestorName(name))) {
        if (investorNameSimilarity(name, other) < 0.8) continue
        checked++
        expect(probes.some((gram) => other.includes(gram)), `${name} / ${other}`).toBe(true)
      }
    }
    expect(checked).toBeGreaterThan(10)
    expect(probeBigrams('巨')).toEqual([])
  })

  it('finds a similar name among many sharing common words, within the scoring cap', async () => {
    const { ctx } = api.env
    const noise = Array.from({ length: 600 }, (_, i) => ({ id: `N${i}`, ...nameColumns(`济南液压${i}有限公司`) }))
    const stamp = { createdAt: '2026-01-01', updatedAt: '2026-01-01' }
    for (let i = 0; i < noise.length; i += 200) {
      await ctx.db.insertInto('investor').values(noise.slice(i, i + 200).map((row) => ({ ...row, ...stamp }))).execute()
    }
    await ctx.db.insertInto('investor').values({ id: 'REAL', ...nameColumns('山东巨能液压科技有限公司'), ...stamp }).execute()
    // Every noise row holds one probe (液压), the real twin holds both: it must be scored first.
    expect(probeBigrams('巨能液压科技').sort()).toEqual(['液压', '能液'])
    const found = await duplicatesByName(ctx.db, '巨能液压科技有限公司')
    expect(found.map((d) => d.id)).toEqual(['REAL'])
    await ctx.db.updateTable('investor').set({ deletedAt: '2026-02-01' }).where('id', '=', 'REAL').execute()
    expect(await duplicatesByName(ctx.db, '巨能液压科技有限公司')).toEqual([])
  })
})
