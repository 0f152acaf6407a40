// 签约各方: who signed an agreement (甲方 / 乙方 …) gets a column of its own, so that it can be shown,
// exported and searched apart from free notes. Until now the 签约 dialog and the agreement form put
// the parties into `note`; those notes stay exactly as they are: old notes mix parties with other
// remarks in every wording, and a guess that split them wrongly would lose what the officer typed.
// Frozen: never import app code here.
import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`ALTER TABLE agreement ADD COLUMN parties TEXT`).execute(db)
}
