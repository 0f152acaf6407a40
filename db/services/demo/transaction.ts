// The whole demo seed in one SQLite transaction, while the real services (each of which opens its
// own kysely transaction) do the writing. kysely cannot nest transactions, so the services get a
// ctx whose `db` is a second Kysely on the same better-sqlite3 connection whose driver makes
// their BEGIN/COMMIT/ROLLBACK part of the outer transaction. The outer transaction is a normal
// kysely transaction on ctx.db: it holds that Kysely's connection lock, so other calls through
// ctx.db (another IPC request) wait until the seed is committed or rolled back instead of joining it.
// One COMMIT means one fsync under synchronous=FULL, and a failure anywhere undoes everything.
import type Sqlite from 'better-sqlite3'
import { CamelCasePlugin, CompiledQuery, type DatabaseConnection, type Driver, Kysely, type QueryResult, SqliteDialect, SqliteDriver } from 'kysely'
import type { Ctx } from '../../context'
import type { Database } from '../../schema'

/**
 * kysely's SQLite connection prepares every statement anew; the seed runs the same few hundred
 * statements tens of thousands of times, so this one keeps them prepared.
 */
class CachingConnection implements DatabaseConnection {
  readonly #db: Sqlite.Database
  readonly #statements = new Map<string, Sqlite.Statement>()

  constructor(db: Sqlite.Database) {
    this.#db = db
  }

  executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    let statement = this.#statements.get(compiled.sql)
    if (!statement) {
      statement = this.#db.prepare(compiled.sql)
      this.#statements.set(compiled.sql, statement)
    }
    const parameters = compiled.parameters as unknown[]
    if (statement.reader) return Promise.resolve({ rows: statement.all(parameters) as R[] })
    const { changes, lastInsertRowid } = statement.run(parameters)
    return Promise.resolve({ rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid) })
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not used by the demo seed')
  }
}

class NestedDriver extends SqliteDriver {
  readonly #connection: CachingConnection

  constructor(database: Sqlite.Database) {
    super({ database })
    this.#connection = new CachingConnection(database)
  }

  // One connection, used by one seed at a time (the outer transaction holds the app's lock).
  override async acquireConnection(): Promise<DatabaseConnection> {
    return this.#connection
  }

  override async releaseConnection(): Promise<void> {}

  // A service's own transaction is part of the outer one: nothing to begin or commit. A failure
  // needs no savepoint either: it ends the whole seed, and the outer transaction rolls back all.
  override async beginTransaction(): Promise<void> {}
  override async commitTransaction(): Promise<void> {}
  override async rollbackTransaction(): Promise<void> {}

  // The connection belongs to the app: dropping this Kysely must never close it.
  override async destroy(): Promise<void> {}
}

class NestedDialect extends SqliteDialect {
  readonly #database: Ctx['sqlite']

  constructor(database: Ctx['sqlite']) {
    super({ database })
    this.#database = database
  }

  override createDriver(): Driver {
    return new NestedDriver(this.#database)
  }
}

/**
 * Runs work inside one transaction of ctx's database. work receives a ctx for the services: same
 * connection, user and clock, whose own transactions join the outer one. Throwing rolls back all.
 */
export async function withinTransaction<T>(ctx: Ctx, work: (inner: Ctx) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute(async () => {
    const db = new Kysely<Database>({ dialect: new NestedDialect(ctx.sqlite), plugins: [new CamelCasePlugin()] })
    return work({ ...ctx, db })
  })
}
