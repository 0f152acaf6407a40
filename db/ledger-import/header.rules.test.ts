// Rules of where a ledger's header is and what its columns mean, each found untested by a Stryker
// run of header.ts (docs/mutation.md, 2026-11-30: 80.99 % before these tests).
import { describe, expect, it } from 'vitest'
import type { Cell, Sheet } from '../spreadsheet/grid'
import { findLedgerHeader } from './header'

const header = (rows: Cell[][]) => findLedgerHeader({ name: '台账', rows } satisfies Sheet)!

describe('a two-row header', () => {
  it('is read from its lower row when that row, borrowing the names above, names as many fields with exact words', () => {
    const h = header([
      ['项目名称', '总投资', '项目状态'],
      [null, null, '签约日期'],
    ])
    expect(h.headerRow).toBe(1)
    expect(h.columns.map((c) => c.field)).toEqual(['name', 'investment', 'signedDate'])
  })

  it('is read from its lower row also when a name it borrows from above is only partial (投资总额计划)', () => {
    const h = header([
      ['项目名称', '投资总额计划', '项目状态'],
      [null, null, '签约日期'],
    ])
    expect(h.headerRow).toBe(1)
    expect(h.columns.map((c) => c.field)).toEqual(['name', 'investment', 'signedDate'])
  })

  it('is not read from a lower row whose own word is only a partial name', () => {
    const h = header([
      ['项目名称', '总投资', '项目状态'],
      [null, null, '其中：固定资产投资额'],
    ])
    expect(h.headerRow).toBe(0)
    expect(h.columns.map((c) => c.field)).toEqual(['name', 'investment', 'stage'])
  })

  it('is not read from a lower row that names fewer fields than the row above', () => {
    const h = header([
      ['项目名称', '总投资', '项目状态'],
      [null, '签约日期', '说明'],
    ])
    expect(h.headerRow).toBe(0)
  })
})

describe('the columns of a header', () => {
  it('give each field to one column only: the first of two 总投资 columns', () => {
    expect(header([['项目名称', '总投资', '总投资']]).columns.map((c) => c.field)).toEqual(['name', 'investment', null])
  })

  it('keep the unit written in an unrecognised header, so a column the user maps to an amount has it', () => {
    expect(header([['项目名称', '总投资（亿元）', '其他投入（万元）']]).columns[2]).toMatchObject({ field: null, unit: '万元' })
  })
})

describe('rows that are not part of the header', () => {
  it('take no unit from a remark in a data row: only the lines above the header give the table its unit', () => {
    const h = header([['单位：亿元'], ['项目名称', '总投资', '备注'], ['甲项目', 5, '本项目单位：万元']])
    expect(h.columns[1]).toMatchObject({ field: 'investment', unit: '亿元' })
  })

  it('keep the first header when a second table lower in the sheet has a two-row header', () => {
    const h = header([
      ['项目名称', '总投资', '项目状态'],
      ['甲项目', 5, '在谈'],
      ['项目名称', '总投资'],
      [null, null, '项目状态'],
    ])
    expect(h.headerRow).toBe(0)
  })

  it('are data when a cell under the header holds only a dash: no name is joined with the group above', () => {
    expect(header([['项目名称', '总投资'], [null, '—'], ['甲项目', 5]]).headerRow).toBe(0)
    expect(header([['项目名称', '总投资'], [null, '*'], ['甲项目', 5]]).headerRow).toBe(0)
  })

  it('join a cell with its group header only into an exact name: 开工 under 时间节点 (开工时间节点, partial) is left for the user to map', () => {
    const h = header([['项目名称', '总投资', '时间节点'], [null, null, '开工'], ['甲项目', 5, '2024-03-01']])
    expect(h.headerRow).toBe(0)
    expect(h.columns[2]).toMatchObject({ header: '时间节点', field: null })
  })
})

describe('a units row under the header', () => {
  it('belongs to the header also when a merged cell repeats its header text there (附件 over 附件)', () => {
    const h = header([
      ['项目名称', '总投资', '附件'],
      [null, '亿元', '附件'],
      ['甲项目', 5, ''],
    ])
    expect(h.headerRow).toBe(1)
    expect(h.columns[1]).toMatchObject({ field: 'investment', unit: '亿元' })
  })
})
