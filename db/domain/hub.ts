// The PostgreSQL hub as the API sees it: input schemas of the hub methods and what they return.
// Pure: shared with the renderer.
import { z } from 'zod'

export type SecretStorage = 'keychain' | 'database'

export const SECRET_STORAGE_LABELS: Record<SecretStorage, string> = {
  keychain: '系统钥匙串（加密保存）',
  database: '本机数据库文件（未加密，请保管好数据库文件）',
}

const HubUrl = z
  .string()
  .trim()
  .max(1000, '地址太长')
  .regex(/^postgres(ql)?:\/\/[^\s]+$/, '中心库地址应形如 postgres://用户名@服务器:5432/数据库名')

export const HubConfigureInput = z.object({
  url: HubUrl,
  /** Omitted: keep the stored password; '': forget it. */
  password: z.string().max(500, '密码太长').optional(),
  /** Minutes between background syncs. */
  intervalMinutes: z.number().int().min(1, '间隔至少 1 分钟').max(1440, '间隔最多 1440 分钟').optional(),
})

export const HubTestInput = z.object({
  /** Omitted: test the stored settings. */
  url: HubUrl.optional(),
  password: z.string().max(500).optional(),
})

export const HubSyncNowInput = z.object({
  /** Wait for the sync to end (command line, tests); the UI never does and watches hub-status instead. */
  wait: z.boolean().optional(),
})

/** The hub's size as measured at the end of a sync (the status itself never waits on the network). */
export interface HubLogSize {
  /** Operations in the hub's log (every team's, as the log grows). */
  operations: number
  /** False: a large log's count is PostgreSQL's estimate (pg_class.reltuples), not count(*). */
  operationsExact: boolean
  /** Bytes on disk of the operation log, indexes included (pg_total_relation_size). */
  logBytes: number
  /** Bytes on disk of the readable copy (schema crm), for comparison. */
  copyBytes: number
}

/** Sizes on disk as people read them (KB, MB, GB; 1024-based like PostgreSQL's pg_size_pretty). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`
}

export interface HubSyncResult {
  /** Absent in results stored before the hub reported its size. */
  log?: HubLogSize
  pushed: number
  pulled: number
  applied: number
  added: Record<string, number>
  changed: Record<string, number>
  byUser: Record<string, number>
  merged: number
  toReview: number
  tls: boolean
  at: string
  ms: number
}

export interface HubStatus {
  configured: boolean
  /** Without the password. */
  url: string | null
  hasPassword: boolean
  /** Where the stored password is (null: none stored). */
  passwordStorage: SecretStorage | null
  /** Where a password typed now would be stored. */
  secretStorage: SecretStorage
  teamId: string | null
  replicaId: string | null
  running: boolean
  lastSyncAt: string | null
  lastResult: HubSyncResult | null
  /** Plain words; null after a successful sync. */
  lastError: string | null
  lastErrorAt: string | null
  /** Local operations the hub does not hold yet (queued while offline). */
  pending: number
  /** The hub's log and copy sizes as of the last successful sync; null before the first. */
  hubLog: HubLogSize | null
  intervalMinutes: number
  nextSyncAt: string | null
}

export interface HubTestResult {
  ok: boolean
  /** Plain words: what was found, or what is wrong and what to do. */
  message: string
  serverVersion: string | null
  tls: boolean
  /** Whether hub init has run on this database. */
  initialized: boolean
  teams: number
}
