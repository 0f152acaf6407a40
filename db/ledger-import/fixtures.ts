// Test corpus: messy ledgers as offices keep them, built in code so every shape is on record.
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'

export const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d))

type Row = (string | number | Date | null)[]

const HEADER: Row = ['序号', '项目名称', '投资方', '所属区县', '所属园区', '产业类别', '总投资', '项目状态', '签约日期', '开工日期', '投产日期', '责任人', '项目进展情况']

/**
 * Rows 4–14 of 2024台账 (Excel numbering). Outcomes: 4, 5, 7, 11 create; 8 (amount), 9 (date),
 * 10 (stage), 12 (same project as row 4) error; 13 合计 and 14 注 skipped; 6 blank.
 */
export function corpusRows(overrides: Record<number, Partial<Record<number, string | number | Date | null>>> = {}): Row[] {
  const rows: Row[] = [
    [1, '济南智能装备产业园项目', '山东巨能液压有限公司', '槐荫区', '西城科创园', '高端装备', 50000, '在建', utc(2024, 3, 15), '2024.6.1', null, '张伟', '=开工仪式已完成'],
    [2, '长清生物医药项目', '北京康泰医药科技股份有限公司', '长清区', '大学科技园', '生物医药', '3.5亿元', '已签约', '2024年3月15日', null, null, '李娜', '已签约，待注册'],
    [],
    [3, '平阴新材料项目', '上海新材集团有限公司', '平阴县', null, '新材料', '1.2亿', '洽谈中', null, null, null, '张伟', null],
    [4, '坏金额项目', '甲公司', '槐荫区', null, null, 'abc', '签约', null, null, null, null, null],
    [5, '坏日期项目', '乙公司', '槐荫区', null, null, 100, '签约', '2024-13-45', null, null, null, null],
    [6, '坏状态项目', '丙公司', '槐荫区', null, null, 100, '神秘状态', null, null, null, null, null],
    [7, '@智慧物流项目', '山东巨能液压有限公司', '槐荫区', '西城科创园', '现代物流', 8000.5, '已投产', '2023/1/5', '2023年3月', utc(2024, 1, 20), '王强', '投产运营'],
    [8, '济南智能装备产业园项目', '山东巨能液压有限公司', '槐荫区', null, null, 1, '签约', null, null, null, null, null],
    ['合计', null, null, null, null, null, 105000.5, null, null, null, null, null, null],
    ['注：本表数据截至2024年12月31日', null, null, null, null, null, null, null, null, null, null, null, null],
  ]
  for (const [excelRow, cells] of Object.entries(overrides)) {
    const row = rows[Number(excelRow) - 4]!
    for (const [col, value] of Object.entries(cells)) row[Number(col)] = value ?? null
  }
  return rows
}

/** The corpus ledger as an xlsx: a 说明 sheet first, then title, unit row, header, rows. */
export async function corpusXlsx(rows: Row[] = corpusRows()): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const notes = wb.addWorksheet('说明')
  notes.addRow(['填报说明'])
  notes.addRow(['1. 项目名称请填写全称'])
  notes.addRow(['2. 总投资单位为万元'])
  const ws = wb.addWorksheet('2024台账')
  ws.addRow(['槐荫区等2024年招商引资项目台账'])
  ws.mergeCells(1, 1, 1, HEADER.length)
  ws.addRow(['单位：万元', null, null, null, null, null, null, null, null, null, '填报日期：2024-12-31'])
  ws.addRow(HEADER)
  for (const row of rows) ws.addRow(row)
  ws.mergeCells(13, 1, 13, 6)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

export const GBK_CSV_TEXT = [
  '历城区项目台账,,,,,',
  '序号,项目名称,所属区县,总投资(万元),项目状态,签约日期',
  '1,历城数据中心项目,历城区,2000,签约,2024/5/6',
  '2,历城冷链项目,历城区,"1,500",储备,',
  ',合计,,3500,,',
].join('\r\n')

export const gbkCsv = (text = GBK_CSV_TEXT): Buffer => iconv.encode(text, 'gbk')
export const utf8Csv = (text = GBK_CSV_TEXT): Buffer => Buffer.from('\uFEFF' + text, 'utf8')

/** Three months of one district's ledger: 高端装备 在谈 → 签约 → 开工 and growing; 冷链物流 dropped in March. */
export async function threeMonthWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.addWorksheet('说明').addRow(['本表每月更新，单位：亿元'])
  const month = (m: number, rows: Row[]) => {
    const ws = wb.addWorksheet(`2024年${m}月`)
    ws.addRow([`长清区2024年${m}月招商引资项目进展表`])
    ws.addRow(['项目名称', '所属区县', '总投资（亿元）', '项目状态'])
    for (const row of rows) ws.addRow(row)
  }
  month(1, [
    ['高端装备项目', '长清区', 3, '在谈'],
    ['商贸综合体项目', '长清区', 2, '在谈'],
    ['冷链物流项目', '长清区', 1, '在谈'],
  ])
  month(2, [
    ['高端装备项目', '长清区', 3.5, '签约'],
    ['商贸综合体项目', '长清区', 2, '在谈'],
    ['冷链物流项目', '长清区', 1, '在谈'],
  ])
  month(3, [
    ['高端装备项目', '长清区', 4, '开工'],
    ['商贸综合体项目', '长清区', 2.5, '签约'],
  ])
  return Buffer.from(await wb.xlsx.writeBuffer())
}
