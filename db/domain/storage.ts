// Backups, restore and integrity checks: the input schemas of the storage API and what it returns.
import { z } from 'zod'

export const BACKUP_REASONS = ['manual', 'daily', 'pre-migration', 'pre-import', 'pre-restore'] as const
export type BackupReason = (typeof BACKUP_REASONS)[number]

export const BACKUP_REASON_LABELS: Record<BackupReason, string> = {
  manual: '手动备份',
  daily: '每日自动备份',
  'pre-migration': '升级前备份',
  'pre-import': '导入前备份',
  'pre-restore': '恢复前备份',
}

export const BackupRestoreInput = z.object({
  /** A file name inside the backup folder, or an absolute path to a .sqlite file. */
  file: z.string().trim().min(1, '请选择备份文件').max(4096),
  /** Restore even a backup of another database (the user confirmed the warning). */
  force: z.boolean().optional(),
})

export const BackupSettingsInput = z.object({
  /** The backup folder (absolute path); null or empty goes back to the default folder. */
  dir: z.string().trim().max(4096).nullable(),
})

export const StorageCheckInput = z.object({
  /** Full integrity_check (slow on big files) instead of quick_check. */
  full: z.boolean().optional(),
})

export interface BackupInfo {
  /** Absolute path. */
  file: string
  name: string
  size: number
  /** When the backup was taken (ISO), from its name. */
  date: string
  reason: BackupReason
  /**
   * Passed its check when written (integrity_check; quick_check for the copy taken before an
   * import, since restore runs the full check) and still a SQLite file. Only checked copies get a
   * backup name.
   */
  verified: boolean
}

export interface BackupList {
  dir: string
  backups: BackupInfo[]
}

export interface BackupSettings {
  dir: string
  defaultDir: string
  /** True when the user chose the folder (USB drive, network share). */
  custom: boolean
}

export interface RestoreResult {
  /** The file that was restored. */
  restored: string
  /** The copy of the database as it was just before the restore. */
  preRestore: BackupInfo
}

export interface StorageCheck {
  ok: boolean
  mode: 'quick' | 'full'
  /** Problems in Chinese; empty when ok. */
  problems: string[]
  ms: number
}
