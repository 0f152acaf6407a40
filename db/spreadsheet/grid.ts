// The in-memory shape every spreadsheet reader produces, whatever the file format.

export type Cell = string | number | Date | boolean | null

// rows[0] is Excel row 1; a blank row is an empty array so row numbers stay true to what the user sees
export type Sheet = { name: string; rows: Cell[][] }

export function isBlankCell(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')
}

export function isBlankRow(row: readonly Cell[] | undefined): boolean {
  return !row || row.every(isBlankCell)
}

// 0 → 'A', 25 → 'Z', 26 → 'AA' (messages to users name columns the way Excel does)
export function columnLetter(index: number): string {
  let n = index + 1
  let s = ''
  while (n > 0) {
    const r = (n - 1) % 26
    s = String.fromCharCode(65 + r) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}

// 'A' → 0, 'AA' → 26
export function columnIndex(letters: string): number {
  let n = 0
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64)
  return n - 1
}
