// Merged cells. exceljs's streaming reader skips <mergeCell>, so we watch the raw sheet XML as
// it streams past (merges come after <sheetData>) and copy each master value over its range
// afterwards: ledgers merge a 园区 cell over all the rows of its projects, and every row must
// still say which park it belongs to.
import type { Cell } from './grid'
import { columnIndex } from './grid'

const MERGE_CELL = /<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Za-z]+\d+(?::[A-Za-z]+\d+)?)"/g

export async function* watchMergeCells(
  source: AsyncIterable<Buffer | string>,
  refs: string[],
): AsyncGenerator<Buffer | string> {
  let tail = ''
  for await (const chunk of source) {
    // latin1 keeps one char per byte, so a UTF-8 sequence split between chunks cannot break a match
    const text = tail + (typeof chunk === 'string' ? chunk : chunk.toString('latin1'))
    MERGE_CELL.lastIndex = 0
    let lastEnd = 0
    for (let m = MERGE_CELL.exec(text); m; m = MERGE_CELL.exec(text)) {
      refs.push(m[1])
      lastEnd = MERGE_CELL.lastIndex
    }
    // keep enough to complete a tag cut at the chunk boundary, without seeing a match twice
    tail = text.slice(Math.max(lastEnd, text.length - 256))
    yield chunk
  }
}

type Range = { r1: number; c1: number; r2: number; c2: number }

function parseRange(ref: string): Range | null {
  const m = /^([A-Za-z]+)(\d+)(?::([A-Za-z]+)(\d+))?$/.exec(ref)
  if (!m) return null
  const c1 = columnIndex(m[1])
  const r1 = Number(m[2]) - 1
  const c2 = m[3] ? columnIndex(m[3]) : c1
  const r2 = m[4] ? Number(m[4]) - 1 : r1
  return { r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) }
}

export function applyMerges(rows: Cell[][], refs: readonly string[]): void {
  // clip to the used area: a title merged over A1:XFD1 must not create 16384 cells
  const width = rows.reduce((w, row) => Math.max(w, row.length), 0)
  for (const ref of refs) {
    const range = parseRange(ref)
    if (!range) continue
    const master = rows[range.r1]?.[range.c1] ?? null
    if (master === null) continue
    const lastRow = Math.min(range.r2, rows.length - 1)
    const lastCol = Math.min(range.c2, width - 1)
    for (let r = range.r1; r <= lastRow; r++) {
      const row = rows[r]
      for (let c = range.c1; c <= lastCol; c++) {
        while (row.length < c) row.push(null)
        row[c] = master
      }
    }
  }
}
