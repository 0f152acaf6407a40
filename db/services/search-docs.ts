// A table's search documents (search_doc) made for many rows in one statement, by the table's own
// insert trigger's upsert (migration 0002's searchTriggers) with `new` read as each of those rows:
// the same documents the trigger makes row by row, so the search finds exactly what it would have.
// Bulk writes (a first pull, a ledger import, the bench's generator) set the trigger aside and make
// the documents once: row by row, each document's trigrams went into the full-text index between
// the row's other writes, and at city size that cost as much as writing the rows themselves or more
// (a ledger import's 10⁴ projects: about 3 s against 0.3 s in one statement after the writes).

/** The trigger's statement as a SELECT over `table`'s rows, optionally only those `rowsWhere` keeps (an SQL condition on `table`). */
export function searchDocsOf(table: string, triggerSql: string, rowsWhere?: string): string {
  const body = /BEGIN([\s\S]*)END\s*$/.exec(triggerSql)?.[1]
  if (!body || !/^\s*INSERT INTO search_doc[\s\S]*?\sWHERE new\.deleted_at IS NULL\s+ON CONFLICT/.test(body)) {
    throw new Error(`search trigger of ${table} not in the expected shape: ${triggerSql.slice(0, 200)}`)
  }
  const rows = body.replace(/\bnew\./g, `${table}.`)
  const where = rowsWhere ? ` AND (${rowsWhere})` : ''
  return rows
    .replace(/\sWHERE \S+\.deleted_at IS NULL/, () => ` FROM ${table} WHERE ${table}.deleted_at IS NULL${where}`)
    .trim()
    .replace(/;$/, '')
}

/** The name of a table's search_doc insert trigger. */
export const searchInsertTrigger = (table: string) => `${table}_search_ai`
