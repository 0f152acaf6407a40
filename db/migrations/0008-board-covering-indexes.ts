// The kanban board's and the filtered list's indexes, made covering. SQLite reads a partial index
// `WHERE deleted_at IS NULL` as covering only when deleted_at is one of its columns (the query
// repeats the condition and SQLite checks it on each row); without it, every column's count and
// 亿元 sum fetched each project's whole row from the table: one random read per project of the
// park. With `id` after updated_at the cards' order (updated_at DESC, id DESC) is the index's own,
// so a column's 30 newest cards are read in order and nothing is sorted.
// Frozen: never import app code here.
import { type Kysely, sql } from 'kysely'

/** Board filters (none, park, district, person), each narrowed by stage. */
const INDEXES = [
  ['project_stage_updated', 'stage'],
  ['project_park_stage', 'park_id, stage'],
  ['project_district_stage', 'district_id, stage'],
  ['project_owner', 'owner_id, stage'],
] as const

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, leading] of INDEXES) {
    await sql.raw(`DROP INDEX ${name}`).execute(db)
    await sql
      .raw(`CREATE INDEX ${name} ON project (${leading}, updated_at, id, total_investment_yuan, deleted_at) WHERE deleted_at IS NULL`)
      .execute(db)
  }
}
