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
