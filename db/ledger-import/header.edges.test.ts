// Where the header of a 项目台账 is and what its columns mean, at the edges (issue 17: mutation
// testing of header.ts; each test names the rule a surviving mutant broke without any test failing).
import { describe, expect, it } from 'vitest'
import type { Cell, Sheet } from '../spreadsheet/grid'
import { findLedgerHeader, pickLedgerSheet } from './header'

const sheet = (rows: Cell[][], name = '台账'): Sheet => ({ name, rows })
const header = (rows: Cell[][]) => findLedgerHeader(sheet(rows))!

describe('findLedgerHeader: where the header is', () => {
  it('looks at the first 30 rows only', () => {
    const titles = (n: number): Cell[][] => Array.from({ length: n }, (_, i) => [`说明第${i + 1}行`])
    expect(findLedgerHeader(sheet([...titles(29), ['项目名称', '总投资']]))?.headerRow).toBe(29)
    expect(findLedgerHeader(sheet([...titles(30), ['项目名称', '总投资']]))).toBeNull()
  })

  it('needs two fields: a name column alone is no header', () => {
    expect(findLedgerHeader(sheet([['项目名称', '甲', '乙']]))).toBeNull()
    expect(header([['项目名称', '园区']]).score).toBe(2)
  })

  it('prefers the row that names more fields, not the first one that names enough', () => {
    const rows: Cell[][] = [['项目名称', '园区'], ['项目名称', '园区', '总投资', '投资方']]
    expect(header(rows)).toMatchObject({ headerRow: 1, score: 4 })
  })

  it('keeps the first of two equal rows that are not a two-row header', () => {
    const rows: Cell[][] = [['项目名称', '园区'], [], ['项目名称', '园区']]
    expect(header(rows).headerRow).toBe(0)
  })

  it('counts the lower row of a two-row header only when its own names are exact', () => {
    // the lower row borrows 项目名称 and 园区 and adds nothing exact of its own
    const rows: Cell[][] = [
      ['项目名称', '园区', '日期'],
      [null, null, '签约情况说明'],
    ]
    expect(header(rows).headerRow).toBe(0)
  })

  it('is where the title and notes above it are collected, once each', () => {
    const rows: Cell[][] = [['槐荫区2024年项目台账', '槐荫区2024年项目台账'], ['截至2024年3月', new Date(0), null], ['项目名称', '园区']]
    expect(header(rows).asOf).toEqual(['槐荫区2024年项目台账', '截至2024年3月'])
  })
})

describe('findLedgerHeader: units', () => {
  it('takes a unit row under the header only when every cell is blank, a unit or the header repeated', () => {
    const absorbed = header([['项目名称', '总投资', '投资方'], ['项目名称', '万元', null], ['某项目', 3, '某公司']])
    expect(absorbed.headerRow).toBe(1)
    expect(absorbed.columns[1]!.unit).toBe('万元')
    const data = header([['项目名称', '总投资', '投资方'], ['某项目', '亿元', '某公司']])
    expect(data.headerRow).toBe(0)
    expect(data.columns[1]!.unit).toBeNull()
  })

  it('keeps the header\'s own unit where the unit row is blank', () => {
    const h = header([['项目名称', '总投资（万元）', '签约金额'], [null, null, '亿元']])
    expect(h.columns.map((c) => c.unit)).toEqual([null, '万元', '亿元'])
  })

  // Every column: the user may map any of them to an amount by hand; only amount columns read
  // the unit (plan.ts) or show it (the preview; import.test.ts).
  it('gives the 单位 line\'s unit to every column that names none', () => {
    const h = header([['单位：万元'], ['项目名称', '总投资', '签约日期', '其他金额', '备注（亿元）']])
    expect(h.columns.map((c) => [c.field, c.unit])).toEqual([
      ['name', '万元'],
      ['investment', '万元'],
      ['signedDate', '万元'],
      [null, '万元'],
      ['progress', '亿元'],
    ])
  })

  it('takes the nearest 单位 line above the header', () => {
    const h = header([['单位：亿元'], ['单位：万元'], ['项目名称', '总投资']])
    expect(h.columns[1]!.unit).toBe('万元')
  })

  it('reads the unit of a merged group header over its amount columns', () => {
    const h = header([
      ['项目名称', '投资情况（万元）', null],
      [null, '总投资', '固定资产投资'],
    ])
    expect(h.columns.map((c) => [c.field, c.unit])).toEqual([
      ['name', null],
      ['investment', '万元'],
      ['fixedAsset', '万元'],
    ])
  })

  it('keeps the unit a column names whatever it maps to', () => {
    expect(header([['项目名称', '签约日期（亿元）']]).columns[1]).toMatchObject({ field: 'signedDate', unit: '亿元' })
  })
})

describe('findLedgerHeader: columns', () => {
  it('skips columns without any header, and keeps unnamed ones with a header to show', () => {
    const h = header([['项目名称', null, '园区', '自定义列']])
    expect(h.columns.map((c) => [c.letter, c.header, c.field])).toEqual([
      ['A', '项目名称', 'name'],
      ['C', '园区', 'park'],
      ['D', '自定义列', null],
    ])
  })

  it('shows a header without its spaces, and none for a date cell', () => {
    const h = header([['项目 名称', '园\u3000区', new Date(0)]])
    expect(h.columns.map((c) => c.header)).toEqual(['项目名称', '园区'])
  })

  it('is as wide as the wider of the header row and the row above it', () => {
    const h = header([
      ['序号', '项目名称', '时间节点', '责任人'],
      ['序号', '项目名称', '签约日期'],
    ])
    expect(h.columns.map((c) => [c.letter, c.field])).toEqual([
      ['A', 'seq'],
      ['B', 'name'],
      ['C', 'signedDate'],
      ['D', 'owner'],
    ])
  })
})

describe('pickLedgerSheet', () => {
  it('keeps the first of two sheets that score the same', () => {
    const picked = pickLedgerSheet([sheet([['项目名称', '园区']], '一'), sheet([['项目名称', '总投资']], '二')])!
    expect(picked.sheet.name).toBe('一')
  })
})
