// Ledger imports as batches: which Excel row created or changed which record, with the values
// before the change, so a whole import can be undone. Frozen: never import app code here.
import { type Kysely, sql } from 'kysely'

const STATEMENTS = [
  `CREATE TABLE import_batch (
    id TEXT PRIMARY KEY NOT NULL,
    file_name TEXT NOT NULL,
    sheet_name TEXT NOT NULL,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    created_at TEXT NOT NULL,
    created_by TEXT REFERENCES user (id),
    rows_read INTEGER NOT NULL DEFAULT 0,
    created_count INTEGER NOT NULL DEFAULT 0,
    updated_count INTEGER NOT NULL DEFAULT 0,
    unchanged_count INTEGER NOT NULL DEFAULT 0,
    skipped_count INTEGER NOT NULL DEFAULT 0,
    error_count INTEGER NOT NULL DEFAULT 0,
    undone_at TEXT,
    undone_by TEXT REFERENCES user (id)
  ) STRICT`,
  `CREATE INDEX import_batch_created ON import_batch (created_at)`,
  `CREATE INDEX import_batch_sha ON import_batch (sha256)`,
  `CREATE TABLE import_batch_row (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    batch_id TEXT NOT NULL REFERENCES import_batch (id),
    excel_row INTEGER NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('create', 'update')),
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    before TEXT CHECK (before IS NULL OR json_valid(before)),
    after TEXT CHECK (after IS NULL OR json_valid(after))
  ) STRICT`,
  `CREATE INDEX import_batch_row_batch ON import_batch_row (batch_id, seq)`,
  `CREATE INDEX import_batch_row_entity ON import_batch_row (entity, entity_id)`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db)
}
