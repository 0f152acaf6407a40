import { LATEST_MIGRATION } from '../../db/migrate'
import { isDatabaseEmpty } from '../../db/services/app-info'
import { seedDemo } from '../../db/services/demo'
import type { systemContract } from '../contract/system'
import type { HandlerSlice } from './types'
import pkg from '../../package.json'

export const systemHandlers: HandlerSlice<keyof typeof systemContract> = {
  'app-info': async (_, { ctx, backend, shell }) => {
    return { version: pkg.version, dbFile: backend.file, schemaVersion: LATEST_MIGRATION, shell, empty: await isDatabaseEmpty(ctx) }
  },
  'demo-seed': (_, { ctx }) => seedDemo(ctx),
}
