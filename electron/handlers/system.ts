import { LATEST_MIGRATION } from '../../db/migrate'
import { seedDemo } from '../../db/services/demo'
import type { systemContract } from '../contract/system'
import type { HandlerSlice } from './types'
import pkg from '../../package.json'

export const systemHandlers: HandlerSlice<keyof typeof systemContract> = {
  'app-info': async (_, { ctx, backend, shell }) => {
    const district = await ctx.db.selectFrom('district').select('id').limit(1).executeTakeFirst()
    return { version: pkg.version, dbFile: backend.file, schemaVersion: LATEST_MIGRATION, shell, empty: !district }
  },
  'demo-seed': (_, { ctx }) => seedDemo(ctx),
}
