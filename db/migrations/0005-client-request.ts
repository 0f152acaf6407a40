// Creates that may arrive twice (a double click, a retried request) carry a client request id;
// the first answer is kept here so the second gets the same record instead of a duplicate.
// One table for every create method rather than a column on each entity table: the guard lives
// in one place (dispatch), and old ids can be dropped without touching domain rows.
// Frozen: never import app code here.
import { type Kysely, sql } from 'kysely'

const STATEMENTS = [
  `CREATE TABLE client_request (
    id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 8 AND 64),
    method TEXT NOT NULL,
    result_id TEXT,
    result TEXT NOT NULL CHECK (json_valid(result)),
    at TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX client_request_at ON client_request (at)`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db)
}
