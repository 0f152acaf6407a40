// How the wizard names a column in its mapping overrides: by header text, which a saved template
// can reuse on next month's file; by column letter when the header is blank or repeated.
import type { ImportColumn, LedgerField, MappingOverrides } from '../../../../../db/domain/ledger'

export type Target = LedgerField | 'ignore'

export function columnKey(column: ImportColumn, columns: readonly ImportColumn[]): string {
  const header = column.header.trim()
  if (!header || /^[A-Za-z]{1,3}$/.test(header)) return column.letter
  return columns.filter((c) => c.header.trim() === header).length === 1 ? header : column.letter
}

/** The target a column shows: the user's pending choice, else what the last preview applied. */
export const shownTarget = (column: ImportColumn, key: string, draft: MappingOverrides): Target => draft[key] ?? column.field ?? 'ignore'

/** Pending choices that differ from the preview the user is looking at. */
export function pendingChanges(columns: readonly ImportColumn[], draft: MappingOverrides): number {
  return columns.filter((column) => {
    const key = columnKey(column, columns)
    return draft[key] !== undefined && draft[key] !== (column.field ?? 'ignore')
  }).length
}
