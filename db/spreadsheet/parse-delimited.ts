// RFC 4180 parsing of decoded CSV/TSV text into rows of strings, with the delimiter sniffed.
import type { Cell } from './grid'

export type Delimiter = ',' | '\t' | ';'

// Count delimiters outside quotes in the first lines. Tab wins ties because Excel's
// "Unicode text" export is tab-separated and its cells often contain commas.
export function sniffDelimiter(text: string): Delimiter {
  const counts = { ',': 0, '\t': 0, ';': 0 }
  let inQuotes = false
  let lines = 0
  const end = Math.min(text.length, 65536)
  for (let i = 0; i < end && lines < 50; i++) {
    const ch = text[i]
    if (ch === '"') inQuotes = !inQuotes
    else if (!inQuotes && (ch === ',' || ch === '\t' || ch === ';')) counts[ch]++
    else if (!inQuotes && ch === '\n') lines++
  }
  if (counts['\t'] > 0 && counts['\t'] >= counts[',']) return '\t'
  if (counts[','] > 0) return ','
  if (counts[';'] > 0) return ';'
  return ','
}

export class RowLimitExceeded extends Error {}

// Empty fields become null and trailing nulls are dropped, matching what the xlsx reader gives.
export function parseDelimited(text: string, delimiter: Delimiter, maxRows: number): Cell[][] {
  const rows: Cell[][] = []
  let row: Cell[] = []
  let field = ''
  let quoted = false // the current field started with a quote
  let inQuotes = false
  let i = 0
  const n = text.length

  const endField = () => {
    row.push(field === '' && !quoted ? null : field)
    field = ''
    quoted = false
  }
  const endRow = () => {
    endField()
    while (row.length > 0 && row[row.length - 1] === null) row.pop()
    if (rows.length >= maxRows) throw new RowLimitExceeded()
    rows.push(row)
    row = []
  }

  while (i < n) {
    const ch = text[i]
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        inQuotes = false
      } else {
        field += ch
      }
      i++
      continue
    }
    if (ch === '"' && field === '' && !quoted) {
      quoted = true
      inQuotes = true
    } else if (ch === delimiter) {
      endField()
    } else if (ch === '\r' || ch === '\n') {
      endRow()
      if (ch === '\r' && text[i + 1] === '\n') i++
    } else {
      // lenient: text after a closing quote is kept, as Excel does
      field += ch
    }
    i++
  }
  // a final line without newline; a trailing newline does not make an extra row
  if (field !== '' || quoted || row.length > 0) endRow()
  return rows
}
