import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MARK_END, MARK_START, type SearchResult, splitMarks } from '../../db/domain/search'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { fixtures } from './search.fixtures'

const ids = (result: SearchResult, kind: string) => result.groups.find((g) => g.kind === kind)?.hits.map((h) => h.id) ?? []
const titles = (result: SearchResult) => result.groups.flatMap((g) => g.hits.map((h) => h.title))

describe('global search', () => {
  let api: TestBackend
  let f: ReturnType<typeof fixtures>
  let juneng: string
  let project: string
  beforeEach(async () => {
    api = await testBackend()
    f = fixtures(api)
    juneng = await f.investor('山东巨能液压机械有限公司', { originCity: '济南', note: '液压件龙头' })
    await f.investor('巨能物流集团')
    project = await f.project('巨能液压智能制造基地项目', { investorId: juneng, progress: '已完成选址，正在洽谈土地' })
    await f.project('槐荫区生物医药产业园', { progress: '与巨能液压无关的备注' })
  })
  afterEach(() => api.close())

  it('finds a Chinese substring of three or more characters, with the match marked', async () => {
    const result = await api.call('search', { text: '能液压' })
    expect(ids(result, 'investor')).toEqual([juneng])
    const hit = result.groups[0]!.hits[0]!
    expect(hit.titleMarked).toBe(`山东巨${MARK_START}能液压${MARK_END}机械有限公司`)
    expect(splitMarks(hit.titleMarked)).toEqual([
      { text: '山东巨', mark: false },
      { text: '能液压', mark: true },
      { text: '机械有限公司', mark: false },
    ])
    expect(ids(result, 'project')[0]).toBe(project)
    expect(result.groups.find((g) => g.kind === 'project')!.hits[0]).toMatchObject({ investorId: juneng, investorName: '山东巨能液压机械有限公司' })
  })

  it('finds a two-character and a one-character substring through the fallback', async () => {
    const two = await api.call('search', { text: '液压' })
    expect(ids(two, 'investor')).toEqual([juneng])
    expect(ids(two, 'project')).toHaveLength(2)
    const one = await api.call('search', { text: '巨', kinds: ['investor'], limit: 1 })
    expect(one.total).toBe(1)
    const body = await api.call('search', { text: '选址' })
    expect(body.groups[0]!.hits[0]!.snippet).toContain(`${MARK_START}选址${MARK_END}`)
  })

  it('finds pinyin initials and full pinyin, long and short', async () => {
    for (const text of ['jnyy', 'juneng', 'JNYY', 'ｊｎｙｙ', 'sd', 's']) {
      const result = await api.call('search', { text, kinds: ['investor'] })
      expect(ids(result, 'investor'), text).toContain(juneng)
    }
    // Short pinyin matches the start of the full or the initials key only, not any two letters inside.
    expect(titles(await api.call('search', { text: 'jn', kinds: ['investor'] }))).toEqual(['巨能物流集团'])
    const initials = await api.call('search', { text: 'sdjnyy', kinds: ['investor'] })
    expect(ids(initials, 'investor')).toEqual([juneng])
  })

  it('ranks title hits above body hits, and title prefixes first', async () => {
    const result = await api.call('search', { text: '巨能液压', kinds: ['project'] })
    expect(titles(result)).toEqual(['巨能液压智能制造基地项目', '槐荫区生物医药产业园'])
    const ranks = result.groups[0]!.hits.map((h) => h.rank)
    expect(ranks[0]).toBeLessThan(ranks[1]!)
    const prefix = await api.call('search', { text: '巨能', kinds: ['investor'] })
    expect(titles(prefix)).toEqual(['巨能物流集团', '山东巨能液压机械有限公司'])
  })

  it('finds contacts and follow-ups with the investor and project they belong to', async () => {
    const contact = await f.contact(juneng, '王建国', { title: '董事长', phone: '13800000000' })
    const talk = await f.negotiation({ projectId: project, summary: '双方就厂房租赁价格深入交流', nextStep: '报送用地预审材料', nextDueOn: '2026-04-01' })
    const people = await api.call('search', { text: '王建国' })
    expect(people.groups[0]!.hits[0]).toMatchObject({ kind: 'contact', id: contact, investorId: juneng, investorName: '山东巨能液压机械有限公司' })
    const talks = await api.call('search', { text: '厂房租赁' })
    expect(talks.groups[0]!.hits[0]).toMatchObject({
      kind: 'negotiation',
      id: talk,
      title: '报送用地预审材料',
      date: '2026-03-01',
      projectId: project,
      projectName: '巨能液压智能制造基地项目',
      investorName: '山东巨能液压机械有限公司',
    })
    const both = await api.call('search', { text: '厂房 交流' })
    expect(ids(both, 'negotiation')).toEqual([talk])
  })

  it('survives hostile input: results or nothing, never an error', async () => {
    const hostile = [
      '"',
      '""',
      '" OR 1=1 --',
      "'; DROP TABLE investor; --",
      'NEAR(',
      'NEAR(巨能 液压, 2)',
      '巨能 AND 液压',
      'OR',
      '*',
      '巨能*',
      '(',
      ')',
      '^巨能',
      '\\',
      '\\"巨能\\"',
      '%',
      '_',
      '😀',
      '😀😀😀',
      '巨能😀液压',
      'a'.repeat(1000),
      '巨'.repeat(1000),
      '\u0000\u0002\u0003',
      '   ',
      '',
      'title:巨能',
      '{title body}:巨能',
      '-巨能',
      '+',
      'NOT 巨能液压',
    ]
    for (const text of hostile) {
      const result = await api.call('search', { text })
      expect(Array.isArray(result.groups), text).toBe(true)
    }
    expect((await api.call('search', { text: '%' })).total).toBe(0)
    expect((await api.call('search', { text: '_' })).total).toBe(0)
    expect(await api.env.ctx.db.selectFrom('investor').select('id').execute()).toHaveLength(2)
  })

  it('forgets deleted records and finds them again when restored', async () => {
    await f.remove('investor', juneng)
    expect(ids(await api.call('search', { text: '巨能液压', kinds: ['investor'] }), 'investor')).toEqual([])
    expect(ids(await api.call('search', { text: 'jnyy', kinds: ['investor'] }), 'investor')).toEqual([])
    await api.call('recycle-restore', { entity: 'investor', id: juneng })
    expect(ids(await api.call('search', { text: '巨能液压', kinds: ['investor'] }), 'investor')).toEqual([juneng])
  })

  it('hides contacts whose investor is in the recycle bin', async () => {
    const other = await f.investor('济南某某科技有限公司')
    await f.contact(other, '李晓明')
    await f.remove('investor', other)
    expect((await api.call('search', { text: '李晓明' })).total).toBe(0)
  })

  it('rebuilds the index from the source tables, computing missing pinyin', async () => {
    const sqlite = api.env.ctx.sqlite
    sqlite.prepare("UPDATE investor SET search_keys = '' WHERE id = ?").run(juneng)
    sqlite.prepare('DELETE FROM search_doc').run()
    expect((await api.call('search', { text: '巨能液压' })).total).toBe(0)
    expect(await api.call('search-reindex', {})).toEqual({ documents: 4 })
    expect(ids(await api.call('search', { text: 'jnyy', kinds: ['investor'] }), 'investor')).toEqual([juneng])
    expect((await api.call('search', { text: '巨能液压' })).total).toBe(3)
    const integrity = sqlite.prepare("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)")
    expect(() => integrity.run()).not.toThrow()
  })
})
