// A page of a table's records as the hub's cursor returns it (db/hub/bootstrap.ts readTable), in row
// id order: per record its row id and its snapshot (each field's winning op) as JSON text. Parsed
// here, by the first pull's worker thread (page-check-worker.ts) or in place.
import type { RowSnapshot } from '../sync/snapshot'
import { refused } from '../sync/validate'

/** [row id, snapshot as JSON text] per record, as received (not yet trusted). */
export type ReceivedPage = string[][]

const malformed = () => refused('中心库返回的快照格式错误')
const isSnapshot = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value)

/** The page's records, parsed; a row that is not [text id, JSON object] refuses the page. */
export function parsePage(received: ReceivedPage): Array<[string, RowSnapshot]> {
  const records: Array<[string, RowSnapshot]> = []
  for (const [rowId, text] of received) {
    let snapshot: unknown
    try {
      snapshot = JSON.parse(text ?? 'null')
    } catch {
      throw malformed()
    }
    if (typeof rowId !== 'string' || !isSnapshot(snapshot)) throw malformed()
    records.push([rowId, snapshot as RowSnapshot])
  }
  return records
}
