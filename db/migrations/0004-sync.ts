// Sync between laptops: the operation log this replica knows (its own writes and received ones),
// what each other replica has acknowledged, duplicates merged while syncing (with what undo needs)
// and records waiting for review. Frozen: never import app code here.
import { type Kysely, sql } from 'kysely'

const STATEMENTS = [
  // value is ANY: a text, an integer or null, exactly as the column holds it.
  `CREATE TABLE sync_operation (
    hlc TEXT PRIMARY KEY NOT NULL,
    replica_id TEXT NOT NULL,
    user_id TEXT,
    tbl TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field TEXT NOT NULL,
    value ANY,
    source TEXT NOT NULL DEFAULT 'local'
  ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX sync_operation_field ON sync_operation (tbl, row_id, field, hlc)`,
  `CREATE INDEX sync_operation_replica ON sync_operation (replica_id, hlc)`,

  // What a peer replica has told us it holds: per origin replica, the greatest hlc it has.
  `CREATE TABLE sync_watermark (
    peer_id TEXT NOT NULL,
    origin_id TEXT NOT NULL,
    hlc TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (peer_id, origin_id)
  ) STRICT, WITHOUT ROWID`,

  `CREATE TABLE sync_merge (
    id TEXT PRIMARY KEY NOT NULL,
    tbl TEXT NOT NULL,
    survivor_id TEXT NOT NULL,
    loser_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    merged_at TEXT NOT NULL,
    undo TEXT NOT NULL CHECK (json_valid(undo)),
    undone_at TEXT,
    undone_by TEXT
  ) STRICT`,
  `CREATE UNIQUE INDEX sync_merge_pair ON sync_merge (tbl, loser_id, survivor_id) WHERE undone_at IS NULL`,

  `CREATE TABLE sync_review (
    id TEXT PRIMARY KEY NOT NULL,
    tbl TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field TEXT NOT NULL,
    reason TEXT NOT NULL,
    ours TEXT NOT NULL CHECK (json_valid(ours)),
    theirs TEXT NOT NULL CHECK (json_valid(theirs)),
    created_at TEXT NOT NULL,
    resolved_at TEXT,
    resolved_by TEXT
  ) STRICT`,
  `CREATE INDEX sync_review_open ON sync_review (resolved_at, created_at)`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db)
}
