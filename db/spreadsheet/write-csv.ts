// CSV export: UTF-8 with BOM (without it Excel in China reads the file as GBK and shows
// mojibake), RFC 4180 quoting, CRLF lines, and the same formula neutralisation as xlsx.
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { cellValue, type ColumnSpec, isoDate } from './write-cells'

export async function writeCsv(
  target: string | Writable,
  columns: readonly ColumnSpec[],
  rows: Iterable<Record<string, unknown>> | AsyncIterable<Record<string, unknown>>,
): Promise<void> {
  const out = typeof target === 'string' ? createWriteStream(target) : target
  const write = async (line: string) => {
    // respect backpressure so a large export does not pile up in memory
    if (!out.write(line)) await once(out, 'drain')
  }
  await write('\uFEFF' + columns.map((c) => quote(c.header)).join(',') + '\r\n')
  for await (const values of rows) {
    await write(columns.map((c) => quote(csvText(c, values[c.key]))).join(',') + '\r\n')
  }
  if (typeof target === 'string') {
    out.end()
    await once(out, 'finish')
  }
}

function csvText(column: ColumnSpec, value: unknown): string {
  const v = cellValue(column.type, value)
  if (v === null) return ''
  if (v instanceof Date) return isoDate(v)
  if (typeof v === 'string') return v
  if (column.type === 'amount2') return v.toFixed(2)
  if (column.type === 'percent') return `${(v * 100).toFixed(2)}%`
  return String(v)
}

function quote(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}
