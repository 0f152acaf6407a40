// What each row below a ledger's header is (records.ts): a project, a blank line, a 合计 or 小计,
// or a note. Each rule on a sheet of its own, with the header given (not found), so only the
// classification is under test.
import { describe, expect, it } from 'vitest'
import type { LedgerField } from '../domain/ledger'
import type { Cell } from '../spreadsheet/grid'
import type { LedgerHeader } from './header'
import { type LedgerRowKind, ledgerRecords } from './records'

/** A header in row 1 with these fields (null: a column not imported). */
function header(fields: readonly (LedgerField | null)[], headerRow = 0): LedgerHeader {
  return {
    headerRow,
    columns: fields.map((field, index) => ({ index, letter: String.fromCharCode(65 + index), header: field ?? '备注', field, unit: null })),
    score: fields.filter(Boolean).length,
    asOf: [],
  }
}

const NAME_SECOND: (LedgerField | null)[] = ['seq', 'name', 'park', 'investment', null]

/** The kind of one row under a header whose fields are `fields`. */
function kindOf(cells: Cell[], fields: readonly (LedgerField | null)[] = NAME_SECOND): LedgerRowKind {
  const [record] = [...ledgerRecords({ name: '台账', rows: [fields.map((f) => f ?? '备注'), cells] }, header(fields))]
  return record!.kind
}

describe('rows read', () => {
  it('start below the header, keep Excel’s row numbers and hand over each mapped cell raw', () => {
    const rows: Cell[][] = [['某区台账'], ['序号', '项目名称', '所属园区', '总投资', '备注'], [1, '甲项目', '西园', 12.5, '说明'], [2, '乙项目']]
    const records = [...ledgerRecords({ name: '台账', rows }, header(NAME_SECOND, 1))]
    expect(records.map((r) => [r.excelRow, r.kind])).toEqual([
      [3, 'data'],
      [4, 'data'],
    ])
    expect(records[0]!.values).toEqual({ seq: 1, name: '甲项目', park: '西园', investment: 12.5 })
    expect(records[0]!.cells).toEqual([1, '甲项目', '西园', 12.5, '说明'])
    // a short row: the missing cells are empty, not absent
    expect(records[1]!.values).toEqual({ seq: 2, name: '乙项目', park: null, investment: null })
  })

  it('take a row the sheet never wrote (a hole in the rows) as blank', () => {
    const rows: Cell[][] = [['项目名称']]
    rows[2] = ['甲项目']
    const records = [...ledgerRecords({ name: '台账', rows }, header(['name']))]
    expect(records.map((r) => [r.excelRow, r.kind, r.cells])).toEqual([
      [2, 'blank', []],
      [3, 'data', ['甲项目']],
    ])
  })
})

describe('a blank row', () => {
  it('has no cell with anything but spaces in it', () => {
    expect(kindOf([null, '  ', '\u3000', null])).toBe('blank')
    expect(kindOf([])).toBe('blank')
  })
})

describe('a 合计 row', () => {
  it('starts with 合计, 总计, 共计 or 总合计, after 全区, 全县, 全市, 全园 or 全园区 or alone', () => {
    for (const word of ['合计', '总计', '共计', '总合计', '全区合计', '全县总计', '全市共计', '全园合计', '全园区合计', '合计（亿元）', '全园合计（亿元）']) {
      expect([word, kindOf([word, null, null, 10])]).toEqual([word, 'total'])
    }
  })

  it('is read with the spaces people put between the characters', () => {
    expect(kindOf(['合  计', '合 计', null, 10])).toBe('total')
  })

  it('ends with 合计 after a short name (a district’s or a park’s)', () => {
    expect(kindOf([null, '槐荫区合计', null, 10])).toBe('total')
    expect(kindOf([null, `${'长'.repeat(20)}合计`, null, 10])).toBe('total')
    expect(kindOf([null, `${'长'.repeat(21)}合计`, null, 10])).toBe('data')
  })

  it('is no project whose name only contains 合计 or 总计 in the middle', () => {
    expect(kindOf([1, '智能合计仪项目', '西园', 10])).toBe('data')
    expect(kindOf([1, '年产合计100万台', '西园', 10])).toBe('data')
    expect(kindOf([1, '非总计项目', '西园', 10])).toBe('data')
  })

  it('is found in the first three columns or in 序号 or 项目名称, among the first three such cells', () => {
    // 合计 in column C, not a key column, after a note in column A
    expect(kindOf(['说明', null, '合计', 10], ['seq', null, null, 'investment'])).toBe('total')
    // in column D, not a key column: a project's text
    expect(kindOf(['说明', null, null, '合计', 10], ['seq', null, null, null, 'investment'])).toBe('data')
    // in 项目名称 at column E
    expect(kindOf(['说明', null, null, null, '合计'], [null, null, null, null, 'name'])).toBe('total')
    // in 项目名称, but after three other cells of the first columns
    expect(kindOf(['一', '二', '三', null, '合计'], [null, null, null, null, 'name'])).toBe('data')
    // in 序号 at column D
    expect(kindOf(['说明', null, null, '合计', null], [null, null, null, 'seq', 'name'])).toBe('total')
    // in another imported column at column E: a project's text
    expect(kindOf(['说明', null, null, null, '合计'], ['seq', 'name', null, null, 'park'])).toBe('data')
  })
})

describe('a 小计 row', () => {
  it('is a 合计-like row that says 小计, at its start or its end', () => {
    expect(kindOf(['小计', null, null, 3])).toBe('subtotal')
    expect(kindOf([null, '西城科创园小计', null, 3])).toBe('subtotal')
    expect(kindOf([null, '全区小计', null, 3])).toBe('subtotal')
  })
})

describe('a note row', () => {
  it('starts with the words of a footer or remark', () => {
    const footers = ['注：单位亿元', '注:以上', '注1 数据', '注一、说明', '注、说明', '注.说明', '备注：无', '备注:无', '说明：本表', '说明:本表', '填报人：张三', '填表人：李四', '制表：王五', '审核：赵六', '审批：孙七', '填报单位：区商务局', '填表单位：区商务局', '填报日期：2024-03-31', '填表日期：2024-03-31', '统计时间：3月', '统计日期：3月', '截至3月底', '截止3月底', '数据来源：各园区', '单位负责人：周八', '分管领导：吴九']
    // with a figure beside it, so only the footer words make it a note
    for (const footer of footers) expect([footer, kindOf([footer, null, null, 7])]).toEqual([footer, 'note'])
    // a ledger without a 项目名称 column
    expect(kindOf(['注：单位亿元', '甲'], ['seq', 'park'])).toBe('note')
  })

  it('is no note when the footer word is only inside the text, or a project has another name', () => {
    expect(kindOf([null, '注塑件项目', null, 2])).toBe('data')
    expect(kindOf([null, '项目说明：二期', null, 2])).toBe('data')
    // column A says 注：… but the project in 项目名称 is something else
    expect(kindOf(['注：新增', '甲项目', null, 2])).toBe('data')
    // the note written in 项目名称 itself
    expect(kindOf([null, '注：以上为签约项目', null, null])).toBe('note')
  })

  it('is a group heading between projects (一、签约项目, （二）先进制造业)', () => {
    for (const heading of ['一、签约项目', '十二.在谈项目', '（二）先进制造业', '(三)现代服务业', '（十二）其他']) {
      expect([heading, kindOf([null, heading, null, null])]).toEqual([heading, 'note'])
    }
    // the same heading merged across the row: one text in every cell
    expect(kindOf(['一、签约项目', '一、签约项目', '一、签约项目', '一、签约项目'])).toBe('note')
    // a project whose name merely starts like a number, or has a number in brackets later
    expect(kindOf([null, '一号工程', null, 5])).toBe('data')
    expect(kindOf([null, '甲项目（二）'])).toBe('data')
  })

  it('is one text in column A where column A is not the name, unless it is a number', () => {
    expect(kindOf(['以上数据截至10月底'])).toBe('note')
    expect(kindOf([12.5])).toBe('data')
    expect(kindOf(['12.5'])).toBe('data')
    expect(kindOf(['12'])).toBe('data')
    expect(kindOf(['12.55'])).toBe('data')
    expect(kindOf(['第12'])).toBe('note')
    expect(kindOf(['12.5亿'])).toBe('note')
    // column A is the name: one text there is a project
    expect(kindOf(['丙项目'], ['name', 'investment'])).toBe('data')
    // one text in column B (the name) is a project too
    expect(kindOf([null, '丁项目'])).toBe('data')
  })

  it('is never a row that says something in two different cells', () => {
    expect(kindOf(['一、签约项目', '甲项目'])).toBe('data')
    expect(kindOf(['某园区', null, '西园'])).toBe('data')
  })

  it('is text only: a date alone in column A is data', () => {
    expect(kindOf([new Date('2024-03-31T00:00:00Z')])).toBe('data')
    expect(kindOf([new Date('2024-03-31T00:00:00Z'), new Date('2024-03-31T00:00:00Z')])).toBe('data')
  })
})
