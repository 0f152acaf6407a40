import type { BackupInfo } from '../../db/domain/storage'
import { createBackup, getBackupSettings, listBackups, setBackupDir } from '../../db/storage/backup'
import { checkDatabase } from '../../db/storage/integrity'
import { resolveRestoreFile, restoreDatabase } from '../../db/storage/restore'
import { ALL_TABLES, noteWritten } from '../../db/written-tables'
import type { storageContract } from '../contract/storage'
import type { HandlerSlice } from './types'

export const storageHandlers: HandlerSlice<keyof typeof storageContract> = {
  'backup-create': async (_, { ctx }) => createBackup(ctx, 'manual'),
  'backup-list': async (_, { ctx }) => listBackups(ctx),
  'backup-restore': async ({ file, force }, env) => {
    const restored = resolveRestoreFile(env.ctx, file)
    let preRestore: BackupInfo | null = null
    // The shells share this env object by reference: swapping its fields moves every later call
    // (and the shell's own close on exit, if it closes env.backend) to the restored database.
    await restoreDatabase(env.backend, restored, {
      onPreRestore: (info) => (preRestore = info),
      adopt: (backend) => {
        env.backend = backend
        env.ctx = backend.ctx
        // Every table may differ in the restored file: every open page refreshes.
        noteWritten(backend.ctx.sqlite, ALL_TABLES)
      },
    }, { force })
    return { restored, preRestore: preRestore! }
  },
  'backup-settings-get': async (_, { ctx }) => getBackupSettings(ctx),
  'backup-settings-set': async ({ dir }, { ctx }) => setBackupDir(ctx, dir),
  'storage-check': async ({ full }, { ctx }) => checkDatabase(ctx.sqlite, full ?? false),
}
