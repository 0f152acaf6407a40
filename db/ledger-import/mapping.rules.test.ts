// The rules of the user's corrections to the column mapping (the wizard's dropdowns, the CLI's
// --map and --unit), each found missing by a mutation run of mapping.ts (docs/mutation.md).
import { describe, expect, it } from 'vitest'
import { columnLetter } from '../spreadsheet/grid'
import type { ColumnMapping } from './header'
import { applyMappingOverrides, applyUnitOverrides, LedgerMappingError, parseMapOption } from './mapping'

const column = (index: number, header: string, field: ColumnMapping['field'] = null, unit: ColumnMapping['unit'] = null): ColumnMapping => ({
  index,
  letter: columnLetter(index),
  header,
  field,
  unit,
})

// a ledger that reports its total twice, once per unit: both headers read as 总投资
const twoTotals = [column(0, '项目名称', 'name'), column(1, '总投资（亿元）', 'investment', '亿元'), column(2, '总投资（万元）', null, '万元'), column(3, '备注')]

describe('naming the column a correction is about', () => {
  it('takes the header exactly as written before a header that only reads the same', () => {
    expect(applyMappingOverrides(twoTotals, { '总投资（万元）': 'investment' }).map((c) => c.field)).toEqual(['name', null, 'investment', null])
    expect(applyMappingOverrides(twoTotals, { ' 总投资（万元） ': 'investment' }).map((c) => c.field)).toEqual(['name', null, 'investment', null])
  })

  it('takes a column letter in either case and with spaces, up to the three letters Excel uses', () => {
    expect(applyMappingOverrides(twoTotals, { ' d ': 'progress' })[3]!.field).toBe('progress')
    const wide = Array.from({ length: 28 }, (_, i) => column(i, i === 0 ? '项目名称' : ''))
    expect(applyMappingOverrides(wide, { AB: 'progress' })[27]!.field).toBe('progress')
  })

  it('says which headers exist when the named one does not', () => {
    expect(() => applyMappingOverrides(twoTotals, { 客户: 'investor' })).toThrow(/现有表头：A:项目名称、B:总投资（亿元）、C:总投资（万元）、D:备注/)
    expect(() => applyUnitOverrides(twoTotals, { 客户: '万元' })).toThrow(/现有表头：A:项目名称、B:总投资（亿元）/)
    expect(() => applyUnitOverrides(twoTotals, { 客户: '万元' })).toThrow(LedgerMappingError)
  })
})

describe('--unit: the unit of an amount column', () => {
  it('is given by header, column letter, field key or field label, and changes only that column', () => {
    for (const key of ['总投资（万元）', 'C']) {
      expect(applyUnitOverrides(twoTotals, { [key]: '元' }).map((c) => c.unit)).toEqual([null, '亿元', '元', null])
    }
    for (const key of ['investment', '总投资']) {
      expect(applyUnitOverrides(twoTotals, { [key]: '元' }).map((c) => c.unit)).toEqual([null, '元', '万元', null])
    }
  })

  it('by field finds the column mapped to that field, not one that is unmapped', () => {
    const unmappedFirst = [column(0, '项目名称', 'name'), column(1, '金额', null, '亿元'), column(2, '投资', 'investment', '亿元')]
    expect(applyUnitOverrides(unmappedFirst, { investment: '万元' }).map((c) => c.unit)).toEqual([null, '亿元', '万元'])
    expect(applyUnitOverrides(unmappedFirst, { 总投资: '万元' }).map((c) => c.unit)).toEqual([null, '亿元', '万元'])
  })

  it('leaves the columns it was given unchanged', () => {
    applyUnitOverrides(twoTotals, { B: '元' })
    expect(twoTotals[1]!.unit).toBe('亿元')
  })
})

describe('--map "表头=字段"', () => {
  it('ignores empty and blank parts between separators', () => {
    expect(parseMapOption('客户=investor; ;\n')).toEqual({ 客户: 'investor' })
  })

  it('allows spaces around the = sign', () => {
    expect(parseMapOption('客户 = investor')).toEqual({ 客户: 'investor' })
  })

  it('splits at the last =, so a header may itself contain =', () => {
    expect(parseMapOption('A=B=investor')).toEqual({ 'A=B': 'investor' })
  })

  it('refuses a part without a header or without a field, saying the format', () => {
    for (const part of ['=investor', '客户=', '客户', ' = ']) {
      expect(() => parseMapOption(part), part).toThrow(/--map 格式应为“表头=字段”/)
    }
  })

  it('lists the fields one may use when the field is unknown', () => {
    expect(() => parseMapOption('客户=customer')).toThrow(/可用字段：seq\(序号\)、name\(项目名称\)、investor\(投资方\)/)
  })
})
