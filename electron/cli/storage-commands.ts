// Backup, restore and check from the command line: the way back when the app itself will not open.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { BACKUP_REASON_LABELS, type BackupInfo } from '../../db/domain/storage'
import { backupToFile } from '../../db/storage/backup'
import { restoreUnopenedDatabase } from '../../db/storage/restore'
import { runJob } from '../handlers/events-bus'
import type { Command, CommandContext } from './command'

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`
const describe = (info: BackupInfo) => `${info.file}（${BACKUP_REASON_LABELS[info.reason]}，${megabytes(info.size)}，已校验）`

export const STORAGE_COMMANDS = {
  backup: {
    run: async ({ args, env, call }: CommandContext) => {
      const [file] = args.positional
      // A path of the user's choosing is not part of the API (the renderer must not write anywhere).
      const info = file
        ? await runJob(env.events, 'backup', {}, (job) => backupToFile(env.ctx, file, (label, done, total) => job.step(label, done, total)))
        : await call('backup-create', {})
      console.log(`备份完成：${describe(info)}`)
    },
  },
  restore: {
    run: async ({ args, env, call }: CommandContext) => {
      const [file] = args.positional
      if (!file) throw new Error('缺少备份文件，例如：restore crm-0123456789abcdef-20261127-090000-daily.sqlite')
      // A path relative to the current folder, else a name inside the backup folder.
      const chosen = existsSync(resolve(file)) ? resolve(file) : file
      const before = env.backend
      const result = await call('backup-restore', { file: chosen, force: args.options.force === true })
      // The handler swapped env.backend; the CLI's exit path closes the one it opened, so close the new one here.
      if (env.backend !== before) await env.backend.close()
      console.log(`已从 ${result.restored} 恢复。恢复前的数据库已备份到：${result.preRestore.file}`)
    },
  },
  check: {
    run: async ({ args, call }: CommandContext) => {
      const result = await call('storage-check', { full: args.options.full === true })
      const mode = result.mode === 'full' ? '完整检查' : '快速检查'
      if (result.ok) {
        console.log(`${mode}通过，未发现问题（${result.ms} 毫秒）`)
        return
      }
      for (const problem of result.problems) console.log(`- ${problem}`)
      throw new Error(`${mode}发现问题，见上`)
    },
  },
} satisfies Record<string, Command>

/** For electron/cli/run-command.ts: `restore FILE` when the database itself will not open (damaged). */
export async function restoreUnopened(dbFile: string, positional: string[], force: boolean): Promise<void> {
  const [file] = positional
  if (!file) throw new Error('缺少备份文件')
  const { restored, replaced } = await restoreUnopenedDatabase(dbFile, resolve(file), 'cli', new Date(), { force })
  console.log(`已从 ${restored} 恢复。${replaced ? `被替换的原数据库已移到：${replaced}` : ''}`)
}
