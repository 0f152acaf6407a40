// Find where a 项目台账's header is and which column holds which field. Real ledgers start with
// a title row and a '单位：亿元' row, sometimes have a two-row header (a merged '时间节点' over
// 签约日期/开工日期), and never use quite the same words twice.
import type { LedgerField } from '../domain/ledger'
import type { Cell, Sheet } from '../spreadsheet/grid'
import { columnLetter, isBlankCell } from '../spreadsheet/grid'
import type { AmountUnit } from './header-words'
import { isUnitOnly, matchHeader, normalizeHeader, unitFromNote } from './header-words'

export type ColumnMapping = {
  index: number // 0-based column index into Sheet.rows[i]
  letter: string // 'A', 'B', … as Excel shows it
  header: string // the header text as written (whitespace removed), for display and overrides
  field: LedgerField | null // null: not imported
  unit: AmountUnit | null // amount unit from the header or the '单位：' row; null when unknown
}

export type LedgerHeader = {
  headerRow: number // 0-based index into Sheet.rows of the last header row; data starts below it
  columns: ColumnMapping[]
  score: number // number of distinct fields recognised
  // the title and lines above the header, where the ledger says what it covers ('2024年3月', '截至…')
  asOf: string[]
}

const SCAN_ROWS = 30

// own: the row's own cell names the field (alone or joined with the cell above);
// otherwise it is borrowed from the row above
type Candidate = { index: number; field: LedgerField; quality: number; rank: number; own: boolean }

export function findLedgerHeader(sheet: Sheet): LedgerHeader | null {
  const rows = sheet.rows
  let best: { row: number; score: number; usedUpper: boolean; exact: boolean } | null = null
  for (let r = 0; r < Math.min(rows.length, SCAN_ROWS); r++) {
    const scored = scoreRow(rows, r)
    if (!scored) continue
    // a tie with the row just above, borrowing its names, is the lower row of a two-row header
    // (only when its own names are exact, so a data row right under the header never wins)
    const lowerOfTwo = scored.score === best?.score && r === best.row + 1 && scored.usedUpper && scored.exact
    const better = !best || scored.score > best.score || lowerOfTwo
    if (better) best = { row: r, ...scored }
  }
  if (!best) return null

  let headerRow = best.row
  const columns = mapColumns(rows, headerRow)
  // a units-only row under the header ('', '', '亿元') belongs to the header
  const below = rows[headerRow + 1] // undefined when the sheet ends with its header
  if (below?.some((c) => isUnitOnly(c)) && below.every((c, i) => isBlankCell(c) || isUnitOnly(c) || c === rows[headerRow][i])) {
    for (const col of columns) col.unit = isUnitOnly(below[col.index]) ?? col.unit
    headerRow++
  }
  // '单位：万元' in a line above the table is the unit of every amount column that names none,
  // also of one the user makes an amount by hand (备注 read as 项目进展情况, then mapped to 总投资);
  // the preview shows a unit beside amount columns only (apply.ts, previewOf)
  const noteUnit = unitAbove(rows, best.row)
  for (const col of columns) col.unit ??= noteUnit
  return { headerRow, columns, score: best.score, asOf: asOfAbove(rows, best.row) }
}

export type PickedLedgerSheet = { sheet: Sheet; header: LedgerHeader }

// the sheet whose header is recognised best; the first one wins a tie (workbooks often carry
// a summary or a 说明 sheet next to the ledger)
export function pickLedgerSheet(sheets: readonly Sheet[]): PickedLedgerSheet | null {
  let best: PickedLedgerSheet | null = null
  for (const sheet of sheets) {
    const header = findLedgerHeader(sheet)
    if (header && (!best || header.score > best.header.score)) best = { sheet, header }
  }
  return best
}

function scoreRow(rows: Cell[][], r: number): { score: number; usedUpper: boolean; exact: boolean } | null {
  const { candidates } = readRow(rows, r)
  const chosen = assign(candidates)
  const fields = new Set(chosen.map((c) => c.field))
  // the row itself must name a field: a blank or data row under a header must not borrow it all
  if (!fields.has('name') || fields.size < 2 || !chosen.some((c) => c.own)) return null
  const exact = chosen.every((c) => !c.own || c.quality === 3)
  return { score: fields.size, usedUpper: chosen.some((c) => !c.own), exact }
}

// what every column of a row shows, claimed by a field or not (so a column the user maps by hand
// keeps its unit): the header text as written, from the row above when the name sits there
type ColumnText = { header: string; unit: AmountUnit | null }

// rows[-1] is undefined, so the first row has no row above
function readRow(rows: Cell[][], r: number): { candidates: Candidate[]; texts: ColumnText[] } {
  const row = rows[r]
  const upper = rows[r - 1] ?? []
  const width = Math.max(row.length, upper.length)
  const out: Candidate[] = []
  const texts: ColumnText[] = []
  // a group header written only in its first cell ('日期' over three columns in a CSV) spans
  // the blank cells to its right
  let group = normalizeHeader(null)
  for (let index = 0; index < width; index++) {
    const lowerCell = row[index] ?? null
    const upperCell = upper[index] ?? null
    const up = normalizeHeader(upperCell)
    if (up.text) group = up
    const own = normalizeHeader(lowerCell)
    // a unit in the header itself, or in a merged header above it (投资情况（万元） over 总投资)
    const unit = own.unit ?? isUnitOnly(lowerCell) ?? (up.text ? up.unit : group.unit)
    texts.push({ header: displayText(lowerCell), unit })
    const ownMatch = matchHeader(own.text)
    if (ownMatch) {
      out.push({ index, ...ownMatch, own: true })
      continue
    }
    if (isBlankCell(lowerCell) || isUnitOnly(lowerCell) || lowerCell === upperCell) {
      // the name sits above (a vertically merged cell that was not copied, or a unit row)
      const m = matchHeader(up.text)
      if (m) {
        out.push({ index, ...m, own: false })
        texts[index] = { header: displayText(upperCell), unit }
      }
    } else if (own.text) {
      // '日期' over '签约' → 签约日期; only exact names, so data rows never match this way
      const joined = [own.text + group.text, group.text + own.text].map(matchHeader).find((m) => m?.quality === 3)
      if (joined) out.push({ index, ...joined, own: true })
    }
  }
  return { candidates: out, texts }
}

// each field goes to one column: exact names before partial ones, better synonyms first, then left to right
function assign<T extends Candidate>(candidates: T[]): T[] {
  const sorted = [...candidates].sort((a, b) => b.quality - a.quality || a.rank - b.rank || a.index - b.index)
  const taken = new Set<LedgerField>()
  return sorted.filter((c) => (taken.has(c.field) ? false : (taken.add(c.field), true)))
}

function mapColumns(rows: Cell[][], r: number): ColumnMapping[] {
  const { candidates, texts } = readRow(rows, r)
  const chosen = new Map(assign(candidates).map((c) => [c.index, c]))
  const columns: ColumnMapping[] = []
  texts.forEach(({ header, unit }, index) => {
    const c = chosen.get(index)
    // a column with no header at all carries nothing we could map or show
    if (!header && !c) return
    // every column keeps the unit it names: the user may map any of them to an amount, and only
    // amount columns read it (plan.ts) or show it (apply.ts, previewOf)
    columns.push({ index, letter: columnLetter(index), header, field: c?.field ?? null, unit })
  })
  return columns
}

function displayText(cell: Cell): string {
  if (cell === null || cell instanceof Date) return ''
  return String(cell).replace(/[\s\u3000]+/g, '')
}

// text of the cells above the header, nearest last: the as-of date and month are read from it
function asOfAbove(rows: Cell[][], headerRow: number): string[] {
  const texts: string[] = []
  for (let r = 0; r < headerRow; r++) {
    for (const cell of rows[r]) {
      const text = displayText(cell)
      if (text && !texts.includes(text)) texts.push(text)
    }
  }
  return texts
}

// the nearest '单位：万元' above the header (title or subtitle rows)
function unitAbove(rows: Cell[][], headerRow: number): AmountUnit | null {
  for (let r = headerRow - 1; r >= 0; r--) {
    for (const cell of rows[r]) {
      const unit = unitFromNote(cell)
      if (unit) return unit
    }
  }
  return null
}
