// Merged cells: the master value is copied over the whole range. Ledgers merge a 园区 cell over
// all the rows of its projects and a 投资情况（万元） header over its columns; every row and
// column must still say which park or header it belongs to.
import type { Cell } from './grid'

/** 0-based, inclusive. */
export type MergeRange = { r1: number; c1: number; r2: number; c2: number }

export function applyMerges(rows: Cell[][], ranges: readonly MergeRange[]): void {
  // clip to the used area: a title merged over A1:XFD1 must not create 16384 cells
  const width = rows.reduce((w, row) => Math.max(w, row.length), 0)
  for (const range of ranges) {
    const master = rows[range.r1]?.[range.c1] ?? null
    if (master === null) continue
    const lastRow = Math.min(range.r2, rows.length - 1)
    const lastCol = Math.min(range.c2, width - 1)
    for (let r = range.r1; r <= lastRow; r++) {
      const row = rows[r]!
      for (let c = range.c1; c <= lastCol; c++) {
        while (row.length < c) row.push(null)
        row[c] = master
      }
    }
  }
}
