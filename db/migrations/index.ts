// The static registry of schema steps. Vite bundles the app, so migrations are imported here rather
// than read from a folder at run time. Add a step: write NNNN-name.ts and list it below, in order.
import type { Migration } from 'kysely'
import * as m0001 from './0001-foundation'
import * as m0002 from './0002-domain'
import * as m0003 from './0003-import-batch'
import * as m0004 from './0004-sync'
import * as m0005 from './0005-client-request'
import * as m0006 from './0006-agreement-parties'
import * as m0007 from './0007-report-facts'
import * as m0008 from './0008-board-covering-indexes'
import * as m0009 from './0009-sync-snapshot'
import * as m0010 from './0010-report-cohort-facts'

export const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-domain': m0002,
  '0003-import-batch': m0003,
  '0004-sync': m0004,
  '0005-client-request': m0005,
  '0006-agreement-parties': m0006,
  '0007-report-facts': m0007,
  '0008-board-covering-indexes': m0008,
  '0009-sync-snapshot': m0009,
  '0010-report-cohort-facts': m0010,
}
