import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { Cell, Sheet } from '../spreadsheet/grid'
import { readWorkbookSheets } from '../spreadsheet/read-grid'
import { findLedgerHeader, pickLedgerSheet } from './header'
import { normalizeHeader } from './header-words'
import { applyMappingOverrides, LedgerMappingError, parseMapOption } from './mapping'
import { ledgerRecords } from './records'

const sheet = (rows: Cell[][], name = '台账'): Sheet => ({ name, rows })
const fieldsOf = (rows: Cell[][]) =>
  Object.fromEntries(findLedgerHeader(sheet(rows))!.columns.filter((c) => c.field).map((c) => [c.field, c.letter]))

describe('normalizeHeader', () => {
  it('drops whitespace and stars, folds full-width brackets and splits units out', () => {
    expect(normalizeHeader(' 总投资\n（亿元）')).toEqual({ text: '总投资', unit: '亿元' })
    expect(normalizeHeader('计划总投资(万元)')).toEqual({ text: '计划总投资', unit: '万元' })
    expect(normalizeHeader('投资额/亿')).toEqual({ text: '投资额', unit: '亿元' })
    expect(normalizeHeader('总投资（单位：万元）')).toEqual({ text: '总投资', unit: '万元' })
    // The short units: 万 is 万元 (a 总投资（万） column read as 亿元 would be 10,000× too large).
    expect(normalizeHeader('总投资（万）')).toEqual({ text: '总投资', unit: '万元' })
    expect(normalizeHeader('总投资/万')).toEqual({ text: '总投资', unit: '万元' })
    expect(normalizeHeader('总投资（亿）')).toEqual({ text: '总投资', unit: '亿元' })
    expect(normalizeHeader('总投资（元）')).toEqual({ text: '总投资', unit: '元' })
    expect(normalizeHeader('*项目 名称')).toEqual({ text: '项目名称', unit: null })
    expect(normalizeHeader('签约日期（年月日）')).toEqual({ text: '签约日期', unit: null })
  })
})

// the sixteen columns of the first ledger format, in that sheet's order
const OLD_SIXTEEN = ['seq', 'name', 'investor', 'district', 'park', 'industry', 'investment', 'stage', 'plannedDate', 'signedDate', 'startedDate', 'operatingDate', 'owner', 'phone', 'progress', 'creditCode']

describe('findLedgerHeader', () => {
  it('skips the title and unit rows, maps synonyms and takes the unit from the 单位 row', () => {
    const rows: Cell[][] = [
      ['槐荫区2024年招商引资项目台账'],
      ['单位：万元', null, null, null, '填报日期：2024-10-31'],
      [],
      ['序号', '项目', '客商', '县区', '载体', '所属行业', '投资总额', '进展阶段', '入库日期', '签约时间', '开工时间', '投产时间', '负责人', '手机', '推进情况', '信用代码', '其他'],
      [1, '智能制造产业园', '山东某公司', '槐荫区', '西城科创园', '智能制造', 15000, '签约'],
    ]
    const header = findLedgerHeader(sheet(rows))!
    expect(header.headerRow).toBe(3)
    expect(header.score).toBe(16)
    expect(header.columns.map((c) => c.field)).toEqual([...OLD_SIXTEEN, null])
    expect(header.columns.find((c) => c.field === 'investment')!.unit).toBe('万元')
    expect(header.columns[16]).toMatchObject({ letter: 'Q', header: '其他', field: null })
  })

  it('reads the unit from the header over the 单位 row', () => {
    const header = findLedgerHeader(sheet([['单位：万元'], ['项目名称', '总投资（亿元）']]))!
    expect(header.columns[1].unit).toBe('亿元')
  })

  it('requires a project name column', () => {
    expect(findLedgerHeader(sheet([['序号', '投资方', '总投资'], [1, '某公司', 3]]))).toBeNull()
    expect(findLedgerHeader(sheet([['槐荫区2024年招商引资项目台账'], ['项目名称']]))).toBeNull()
  })

  it('handles a two-row header whose group cells were merged (copied) or left blank', () => {
    // as read from xlsx: vertical merges copied into the lower row
    const merged: Cell[][] = [
      ['序号', '项目名称', '时间节点', '时间节点', '时间节点', '责任人'],
      ['序号', '项目名称', '签约日期', '开工日期', '投产日期', '责任人'],
      [1, '某项目', '2024-01-02'],
    ]
    const header = findLedgerHeader(sheet(merged))!
    expect(header.headerRow).toBe(1)
    expect(fieldsOf(merged)).toEqual({ seq: 'A', name: 'B', signedDate: 'C', startedDate: 'D', operatingDate: 'E', owner: 'F' })
    // as from CSV: only the first cell of each merge holds the text
    const blank: Cell[][] = [
      ['序号', '项目名称', '日期', null, null, '责任人'],
      [null, null, '签约', '开工', '投产'],
    ]
    expect(findLedgerHeader(sheet(blank))!.headerRow).toBe(1)
    expect(fieldsOf(blank)).toEqual({ seq: 'A', name: 'B', signedDate: 'C', startedDate: 'D', operatingDate: 'E', owner: 'F' })
  })

  it('absorbs a units-only row under the header', () => {
    const rows: Cell[][] = [['项目名称', '总投资', '投资方'], [null, '亿元'], ['某项目', 3.5, '某公司']]
    const header = findLedgerHeader(sheet(rows))!
    expect(header.headerRow).toBe(1)
    expect(header.columns[1]).toMatchObject({ field: 'investment', unit: '亿元' })
  })

  it('gives a field to one column only, preferring the exact and better synonym', () => {
    expect(fieldsOf([['备注', '项目名称', '进展情况', '招商责任人', '责任人']])).toEqual({ name: 'B', progress: 'C', owner: 'E' })
  })

  it('does not take a data row under the header for a header', () => {
    const rows: Cell[][] = [['序号', '项目名称', '园区'], [null, '济南项目名称', null], [null, null, null]]
    expect(findLedgerHeader(sheet(rows))!.headerRow).toBe(0)
  })
})

describe('pickLedgerSheet', () => {
  it('chooses the sheet with the best header', () => {
    const picked = pickLedgerSheet([
      sheet([['说明'], ['本表填报口径…']], '填表说明'),
      sheet([['项目名称', '园区']], '简表'),
      sheet([['项目名称', '园区', '总投资', '投资方']], '台账'),
    ])!
    expect(picked.sheet.name).toBe('台账')
    expect(picked.header.score).toBe(4)
    expect(pickLedgerSheet([sheet([['a']])])).toBeNull()
  })
})

describe('mapping overrides', () => {
  const header = findLedgerHeader(sheet([['项目名称', '客户', '投资额（亿元）', '备注']]))!

  it('parses the CLI --map syntax, by key, label or ignore', () => {
    expect(parseMapOption('客户=investor')).toEqual({ 客户: 'investor' })
    expect(parseMapOption('客户=投资方; 备注=ignore；C=忽略')).toEqual({ 客户: 'investor', 备注: 'ignore', C: 'ignore' })
    expect(() => parseMapOption('客户')).toThrow(LedgerMappingError)
    expect(() => parseMapOption('客户=customer')).toThrow(/未知字段/)
  })

  it('applies overrides by header text or column letter and moves a field away from its auto column', () => {
    const columns = applyMappingOverrides(header.columns, { 客户: 'investor', D: 'ignore', ' 投资额 (亿元)': 'investment' })
    expect(columns.map((c) => c.field)).toEqual(['name', 'investor', 'investment', null])
    const moved = applyMappingOverrides(header.columns, { 客户: 'name' })
    expect(moved.map((c) => c.field)).toEqual([null, 'name', 'investment', 'progress'])
    expect(header.columns[0].field).toBe('name') // the input is not changed
    expect(() => applyMappingOverrides(header.columns, { 不存在: 'name' })).toThrow(/找不到表头/)
  })
})

describe('ledgerRecords', () => {
  it('classifies data, blank, total and note rows and keeps Excel row numbers', () => {
    const rows: Cell[][] = [
      ['槐荫区2024年招商引资项目台账'],
      ['序号', '项目名称', '所属园区', '总投资（亿元）'],
      [1, '智能制造项目', '西城科创园', 12.5],
      [2, '生物医药项目', '西城科创园', '3.2'],
      [],
      ['一、签约项目'],
      [3, '仅有名称的项目'],
      ['合  计', '合  计', null, 15.7],
      [null, '小计', null, 15.7],
      ['注：总投资按协议口径统计', '注：总投资按协议口径统计', '注：总投资按协议口径统计'],
      ['填报人：张三', null, '审核人：李四'],
      ['以上数据截至10月底'],
    ]
    const s = sheet(rows)
    const records = [...ledgerRecords(s, findLedgerHeader(s)!)]
    expect(records.map((r) => [r.excelRow, r.kind])).toEqual([
      [3, 'data'],
      [4, 'data'],
      [5, 'blank'],
      [6, 'note'],
      [7, 'data'],
      [8, 'total'],
      [9, 'subtotal'],
      [10, 'note'],
      [11, 'note'],
      [12, 'note'],
    ])
    expect(records[1].values).toEqual({ seq: 2, name: '生物医药项目', park: '西城科创园', investment: '3.2' })
    expect(records[4].values).toEqual({ seq: 3, name: '仅有名称的项目', park: null, investment: null })
  })

  it('works end to end on an xlsx with a merged title, merged 园区 cells and a group header', async () => {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('说明').addRow(['本表由招商局汇总'])
    const ws = wb.addWorksheet('项目台账')
    ws.addRow(['槐荫区2024年招商引资项目台账'])
    ws.mergeCells('A1:F1')
    ws.addRow(['单位：亿元'])
    ws.addRow(['序号', '项目名称', '所属园区', '总投资', '时间节点', null])
    ws.addRow([null, null, null, null, '签约日期', '开工日期'])
    for (const col of ['A', 'B', 'C', 'D']) ws.mergeCells(`${col}3:${col}4`)
    ws.mergeCells('E3:F3')
    ws.addRow([1, '智能装备项目', '西城科创园', 20.5, new Date(Date.UTC(2024, 2, 1))])
    ws.addRow([2, '新材料项目', null, 8])
    ws.mergeCells('C5:C6')
    ws.addRow(['合计', null, null, 28.5])
    const sheets = await readWorkbookSheets(Buffer.from(await wb.xlsx.writeBuffer()))
    const { sheet: picked, header } = pickLedgerSheet(sheets)!
    expect(picked.name).toBe('项目台账')
    expect(header.headerRow).toBe(3)
    expect(header.columns.map((c) => [c.header, c.field])).toEqual([
      ['序号', 'seq'],
      ['项目名称', 'name'],
      ['所属园区', 'park'],
      ['总投资', 'investment'],
      ['签约日期', 'signedDate'],
      ['开工日期', 'startedDate'],
    ])
    expect(header.columns[3]!.unit).toBe('亿元')
    const records = [...ledgerRecords(picked, header)]
    expect(records.map((r) => [r.excelRow, r.kind, r.values.park])).toEqual([
      [5, 'data', '西城科创园'],
      [6, 'data', '西城科创园'],
      [7, 'total', null],
    ])
  })
})
