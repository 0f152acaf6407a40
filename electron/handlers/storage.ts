import type { BackupInfo } from '../../db/domain/storage'
import { createBackup, getBackupSettings, listBackups, setBackupDir } from '../../db/storage/backup'
import { checkDatabase } from '../../db/storage/integrity'
import { resolveRestoreFile, restoreDatabase } from '../../db/storage/restore'
import { ALL_TABLES, noteWritten } from '../../db/written-tables'
import type { storageContract } from '../contract/storage'
import { runJob } from './events-bus'
import type { HandlerSlice } from './types'

export const storageHandlers: HandlerSlice<keyof typeof storageContract> = {
  'backup-create': async (_, { ctx, events }) => runJob(events, 'backup', {}, (job) => createBackup(ctx, 'manual', (label, done, total) => job.step(label, done, total))),
  'backup-list': async (_, { ctx }) => listBackups(ctx),
  'backup-restore': async ({ file, force }, env) => {
    const restored = resolveRestoreFile(env.ctx, file)
    let preRestore: BackupInfo | null = null
    // Not cancellable: once the current database is closed, stopping halfway would leave none.
    const job = env.events?.job('restore')
    job?.step('正在校验备份并备份当前数据库', 0, 2)
    // The shells share this env object by reference: swapping its fields moves every later call
    // (and the shell's own close on exit, if it closes env.backend) to the restored database.
    await restoreDatabase(env.backend, restored, {
      onPreRestore: (info) => {
        preRestore = info
        job?.step('正在替换数据库', 1, 2)
      },
      adopt: (backend) => {
        env.backend = backend
        env.ctx = backend.ctx
        // Every table may differ in the restored file: every open page refreshes.
        noteWritten(backend.ctx.sqlite, ALL_TABLES)
      },
    }, { force }).catch((error: Error) => {
      job?.finish(error.message)
      throw error
    })
    job?.finish()
    return { restored, preRestore: preRestore! }
  },
  'backup-settings-get': async (_, { ctx }) => getBackupSettings(ctx),
  'backup-settings-set': async ({ dir }, { ctx }) => setBackupDir(ctx, dir),
  // One pragma, no steps to count: the bar shows the check running, then its end.
  'storage-check': async ({ full }, { ctx, events }) =>
    runJob(events, 'integrity-check', {}, async (job) => {
      job.step(full ? '完整检查' : '快速检查', 0, null)
      return checkDatabase(ctx.sqlite, full ?? false)
    }),
}
