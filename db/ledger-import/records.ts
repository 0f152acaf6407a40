// Walk the rows below a ledger header and say what each one is. Values stay raw: parsing
// amounts, dates and stages is another module's job, and it needs the raw text for messages.
import type { LedgerField } from '../domain/ledger'
import type { Cell, Sheet } from '../spreadsheet/grid'
import { isBlankCell } from '../spreadsheet/grid'
import type { LedgerHeader } from './header'

// total: 合计 of the whole table; subtotal: 小计 of the rows since the previous 小计 (a park's or district's group)
export type LedgerRowKind = 'data' | 'blank' | 'total' | 'subtotal' | 'note'

export type LedgerRecord = {
  excelRow: number // 1-based, as Excel shows it
  kind: LedgerRowKind
  values: Partial<Record<LedgerField, Cell>> // raw cell per mapped field (null when empty)
  cells: readonly Cell[] // the whole raw row, for unmapped columns and error messages
}

const TOTAL = /^(?:全区|全县|全市|全园区?)?(?:合计|总计|小计|共计|总合计)/
const SUBTOTAL = /小计/
// footers and remarks: '注：…', '填报人：', '制表：', '说明：'
const NOTE = /^(?:注[:：\d一二三四五六七八九十、.]|备注[:：]|说明[:：]|填报人|填表人|制表|审核|审批|填报单位|填表单位|填报日期|填表日期|统计时间|统计日期|截至|截止|数据来源|单位负责人|分管领导)/
// group headings between projects: '一、签约项目', '（二）先进制造业'
const SECTION = /^(?:[一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十]+[)）])/

export function* ledgerRecords(sheet: Sheet, header: LedgerHeader): Generator<LedgerRecord> {
  const mapped = header.columns.filter((c) => c.field !== null)
  const nameIndex = mapped.find((c) => c.field === 'name')?.index ?? -1
  const keyIndexes = new Set(mapped.filter((c) => c.field === 'name' || c.field === 'seq').map((c) => c.index))
  for (let r = header.headerRow + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? []
    const values: Partial<Record<LedgerField, Cell>> = {}
    for (const c of mapped) values[c.field as LedgerField] = cells[c.index] ?? null
    yield { excelRow: r + 1, kind: classify(cells, nameIndex, keyIndexes), values, cells }
  }
}

function classify(cells: readonly Cell[], nameIndex: number, keyIndexes: Set<number>): LedgerRowKind {
  const filled: { index: number; text: string; cell: Cell }[] = []
  cells.forEach((cell, index) => {
    if (!isBlankCell(cell)) filled.push({ index, text: textOf(cell), cell })
  })
  if (filled.length === 0) return 'blank'

  // '合计' may sit in 序号, in 项目名称 or in a merged cell over the first columns
  const totalCandidates = filled.filter((f) => keyIndexes.has(f.index) || f.index < 3).slice(0, 3)
  const total = [filled[0], ...totalCandidates].find((f) => TOTAL.test(f.text) || /^.{1,20}(?:小计|合计)$/.test(f.text))
  if (total) return SUBTOTAL.test(total.text) ? 'subtotal' : 'total'

  const first = filled[0]
  const nameText = nameIndex >= 0 && !isBlankCell(cells[nameIndex] ?? null) ? textOf(cells[nameIndex]) : null
  if (NOTE.test(first.text) && (nameText === null || nameText === first.text)) return 'note'

  const distinct = new Set(filled.map((f) => f.text))
  if (distinct.size === 1 && typeof first.cell === 'string') {
    if (SECTION.test(first.text)) return 'note'
    // one text starting in column A (often merged across the row) where column A is not the name
    if (first.index === 0 && nameIndex !== 0 && !/^\d+(?:\.\d+)?$/.test(first.text)) return 'note'
  }
  return 'data'
}

// a Date's text matches no 合计 or note pattern in any format, and a row of dates is never a note
function textOf(cell: Cell): string {
  return String(cell).replace(/[\s\u3000]+/g, '')
}
