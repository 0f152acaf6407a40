// A read whose SQL never changes shape, built and compiled by kysely once. Building a query tree,
// running the camel-case plugin over it and compiling it costs about 0.2–0.5 ms a query — more than
// SQLite spends answering a detail page's small queries (project-get and its history were 4–5× the
// hand-written SQL). The first call compiles with marker values in place of the arguments; later
// calls reuse that SQL with the real values put in the markers' places. Only for builders whose
// arguments are plain values that each end up as one parameter (no lists, no undefined that would
// drop a condition).
//
// Running it: when no transaction is open on the connection, the statement runs on better-sqlite3
// directly, its rows keyed by kysely's own camel-case names. kysely's way there (connection
// provider, its lock, result plugins: about ten awaits a query, each paying the async-context
// bookkeeping of AsyncLocalStorage) cost more than the statement itself on the detail page
// (4 queries: about 0.1 ms of 0.85). Safe because better-sqlite3 runs a statement from start to
// end without yielding, and kysely holds its single connection across awaits only for a
// transaction (no code here streams): while one is open, on this connection, the read goes through
// kysely, which makes it wait for that transaction or, from inside it, join it.
import type Sqlite from 'better-sqlite3'
import { CamelCasePlugin, type Compilable, type CompiledQuery } from 'kysely'
import type { Ctx } from '../context'

type Reader = Pick<Ctx, 'db' | 'sqlite'>

/** The names kysely's CamelCasePlugin (as db/open.ts installs it) gives result columns. */
class ResultNames extends CamelCasePlugin {
  of(column: string): string {
    return this.camelCase(column)
  }
}
const resultNames = new ResultNames()

interface Direct {
  statement: Sqlite.Statement
  keys: string[]
}

export function compiledOnce<A extends unknown[], R>(
  build: (db: Ctx['db'], ...args: A) => Compilable<R>,
): (reader: Reader, ...args: A) => Promise<R[]> {
  let compiled: { query: CompiledQuery<R>; slots: Array<number | null> } | null = null
  // One raw-mode statement per connection (a restore opens a new one), apart from kysely's cache.
  const direct = new WeakMap<Sqlite.Database, Direct>()
  return async ({ db, sqlite }, ...args) => {
    if (!compiled) {
      const markers = args.map((_, i) => `\u0000argument ${i}\u0000`)
      const query = build(db, ...(markers as A)).compile()
      const slots = query.parameters.map((value) => (typeof value === 'string' && markers.includes(value) ? markers.indexOf(value) : null))
      if (markers.some((_, i) => !slots.includes(i))) throw new Error('compiledOnce: an argument did not become a parameter')
      compiled = { query, slots }
    }
    const { query, slots } = compiled
    const parameters = slots.map((slot, i) => (slot === null ? query.parameters[i] : args[slot]))
    if (sqlite.inTransaction) return (await db.executeQuery<R>({ ...query, parameters })).rows
    let run = direct.get(sqlite)
    if (!run) {
      const statement = sqlite.prepare(query.sql).raw(true)
      run = { statement, keys: statement.columns().map((column) => resultNames.of(column.name)) }
      direct.set(sqlite, run)
    }
    const { statement, keys } = run
    return (statement.all(parameters) as unknown[][]).map((values) => {
      const row: Record<string, unknown> = {}
      for (let i = 0; i < keys.length; i++) row[keys[i]!] = values[i]
      return row as R
    })
  }
}
