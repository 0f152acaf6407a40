// The compacted part of the operation log. A laptop that joins a team pulls the team's current state
// instead of replaying every operation ever made, and a log may drop operations every replica has
// acknowledged: in both cases what remains of the history is, per field, the winning operation
// (its clock, author and value), kept here one row per record so later operations still merge by
// (clock, replica) exactly as if the whole log were present. Frozen: never import app code here.
import { type Kysely, sql } from 'kysely'

const STATEMENTS = [
  // ops: JSON object field → [hlc, userId, value]; written in bulk by sync code only, so no
  // json_valid CHECK (it would parse a million rows once more during a city's first pull).
  `CREATE TABLE sync_snapshot (
    tbl TEXT NOT NULL,
    row_id TEXT NOT NULL,
    ops TEXT NOT NULL,
    PRIMARY KEY (tbl, row_id)
  ) STRICT, WITHOUT ROWID`,
  // Per origin replica, the greatest hlc the snapshot covers: every op of that replica up to it is
  // either in sync_snapshot (it wins its field) or was overwritten by one that is.
  `CREATE TABLE sync_snapshot_mark (
    replica_id TEXT PRIMARY KEY NOT NULL,
    hlc TEXT NOT NULL
  ) STRICT, WITHOUT ROWID`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db)
}
