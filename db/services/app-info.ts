// What the app says about its database beyond its file and version: whether it holds any data
// yet (the welcome page offers the demo data and joining a team only to an empty database).
import type { Ctx } from '../context'

/** Empty means no 区县 at all: every park and project hangs off one, and the demo seed starts there. */
export async function isDatabaseEmpty(ctx: Ctx): Promise<boolean> {
  const district = await ctx.db.selectFrom('district').select('id').limit(1).executeTakeFirst()
  return !district
}
