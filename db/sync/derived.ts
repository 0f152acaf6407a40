// Columns a laptop computes from a record's travelling fields and never sends (DERIVED_FIELDS in
// tables.ts): an investor's normalised name, and the pinyin search keys of investors and projects.
// Its own module: the first pull's page checks compute them in a worker thread (page-check-worker.ts).
import { normalizeInvestorName } from '../domain/investor-name'
import { searchKeys } from '../domain/pinyin'
import type { ReplicatedTable } from './tables'

/** Columns computed locally from the travelling ones. */
export function derivedColumns(table: ReplicatedTable, values: Record<string, unknown>): Record<string, unknown> {
  if (typeof values.name !== 'string') return {}
  const keys = searchKeys(values.name)
  if (table === 'investor') return { nameNorm: normalizeInvestorName(values.name), searchKeys: `${keys.full} ${keys.initials}` }
  if (table === 'project') return { searchKeys: `${keys.full} ${keys.initials}` }
  return {}
}
