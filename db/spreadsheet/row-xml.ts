// A table row as sheet XML, written in one string instead of through exceljs's Row, Cell and
// XmlStream objects: for a 10⁵-row 台账 those per-cell objects and per-cell XML writes were a third
// of the export's CPU time. The output is byte for byte what exceljs 4.4.0 writes for the same
// values and styles (write-sheet.test.ts compares the two), so the workbook opens, prints and
// imports back exactly as before:
// - text is a `t="str"` cell with the text in <v>, as exceljs writes text without shared strings;
// - a date is its Excel serial number (days since 1899-12-30, the date's UTC midnight);
// - an empty cell is still written with its style, so the table keeps its box in the opened sheet.
import type { CellOut } from './write-cells'

const ENTITY: Record<number, string> = { 60: '&lt;', 62: '&gt;', 38: '&amp;', 39: '&apos;', 34: '&quot;' }

/** XML text as exceljs escapes it: the five entities, and control characters XML 1.0 forbids dropped. */
export function xmlText(text: string): string {
  let out = ''
  let from = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    let replacement = ENTITY[code]
    if (replacement === undefined) {
      // tab, line feed and carriage return are allowed; DEL is dropped as exceljs drops it
      if ((code >= 32 && code !== 127) || code === 9 || code === 10 || code === 13) continue
      replacement = ''
    }
    out += text.slice(from, i) + replacement
    from = i + 1
  }
  return from === 0 ? text : out + text.slice(from)
}

/** Column letters A, B, …, Z, AA, … for the first n columns. */
export function columnLetters(n: number): string[] {
  const letters: string[] = []
  for (let i = 1; i <= n; i++) {
    let name = ''
    for (let c = i; c > 0; c = Math.floor((c - 1) / 26)) name = String.fromCharCode(65 + ((c - 1) % 26)) + name
    letters.push(name)
  }
  return letters
}

const DAY_MS = 24 * 3600 * 1000
// 1970-01-01 in Excel's 1900 date system
const EXCEL_EPOCH_DAYS = 25569

/**
 * One <row> with a cell per column: `styleIds[i]` is the style exceljs assigned to column i's cells
 * (a cell with neither value nor style is left out, as exceljs does), `height` in points or
 * undefined for the default height. A row with no value and no height is not written at all (its
 * number stays used), as exceljs does: '' is returned.
 */
export function rowXml(rowNumber: number, values: readonly CellOut[], styleIds: readonly number[], letters: readonly string[], height: number | undefined): string {
  let cells = ''
  let min = 0
  let max = 0
  let hasValue = false
  for (let i = 0; i < letters.length; i++) {
    const value = values[i] ?? null
    const style = styleIds[i] ?? 0
    if (value === null && !style) continue
    if (!min) min = i + 1
    max = i + 1
    cells += `<c r="${letters[i]}${rowNumber}"${style ? ` s="${style}"` : ''}`
    if (value === null) {
      cells += '/>'
      continue
    }
    hasValue = true
    if (typeof value === 'string') cells += ` t="str"><v>${xmlText(value)}</v></c>`
    else if (typeof value === 'number') cells += `><v>${value}</v></c>`
    else cells += `><v>${EXCEL_EPOCH_DAYS + value.getTime() / DAY_MS}</v></c>`
  }
  if (!hasValue && !height) return ''
  const ht = height ? ` ht="${height}" customHeight="1"` : ''
  const spans = min ? ` spans="${min}:${max}"` : ''
  return `<row r="${rowNumber}"${ht}${spans} x14ac:dyDescent="0.25">${cells}</row>`
}
