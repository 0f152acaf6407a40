// The import's transaction with a page cache large enough to hold what it changes.
//
// A 10⁴-row import changes index pages all over a city-sized database (project alone has 14
// indexes; then the journal, the sync operations, the search index, the report facts). With
// SQLite's default cache (2 MB) the transaction spills its changed pages to the WAL long before
// it commits and reads them back through the WAL's hash index, again and again: on the 2.7 GB
// bench database the write phase of a 10,000-row import grew the WAL past the database's own size
// (3 GB) and spent minutes in walFindFrame. With room for its pages, each is written once, at
// the commit. The cache is set back afterwards (SQLite then frees the pages above the limit), so
// the memory is only held while an import runs.
import type { Ctx } from '../context'

/** Negative: KiB, as PRAGMA cache_size takes it. Memory is taken only as pages are touched. */
export const IMPORT_CACHE_KIB = -262_144

export async function withImportCache<T>(ctx: Ctx, work: () => Promise<T>): Promise<T> {
  const before = ctx.sqlite.pragma('cache_size', { simple: true }) as number
  ctx.sqlite.pragma(`cache_size = ${IMPORT_CACHE_KIB}`)
  try {
    return await work()
  } finally {
    ctx.sqlite.pragma(`cache_size = ${before}`)
  }
}
