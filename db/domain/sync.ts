// Sync between laptops: the API's input schemas and views (shared with the renderer; pure).
import { z } from 'zod'
import { ENTITY_LABELS } from './history'

const replicaId = z.string().regex(/^[0-9A-Za-z]{16,40}$/, '电脑编号格式不正确')

export const SyncExportInput = z.object({ forReplica: replicaId.optional() })
export type SyncExportInput = z.output<typeof SyncExportInput>

export const SyncImportInput = z.object({
  fileName: z.string().trim().min(1, '缺少文件名').max(255, '文件名过长'),
  // ~384 MB of package: a city's whole log compresses far below this.
  dataBase64: z.string().min(1, '文件是空的').max(512 * 1024 * 1024, '文件过大，不是有效的同步包'),
})
export type SyncImportInput = z.output<typeof SyncImportInput>

export const SyncRef = z.object({ id: z.string().min(1).max(40) })
export type SyncRef = z.output<typeof SyncRef>

export const SyncReviewResolve = z.object({
  id: z.string().min(1).max(40),
  /** current: the value that stands stays; other: the overwritten value is written again. */
  keep: z.enum(['current', 'other']),
})
export type SyncReviewResolve = z.output<typeof SyncReviewResolve>

export interface SyncPeer {
  replicaId: string
  lastHeardAt: string
}

export interface SyncStatus {
  teamId: string | null
  replicaId: string
  operations: number
  peers: SyncPeer[]
  openReviews: number
  merges: number
}

export interface SyncImportView {
  received: number
  applied: number
  skipped: number
  added: Record<string, number>
  changed: Record<string, number>
  /** Applied operations per author, by name ('未署名' for writes without a user). */
  byUser: { name: string; count: number }[]
  merged: number
  toReview: number
  sender: string
  joinedTeam: boolean
}

export interface SyncMergeView {
  id: string
  table: string
  survivorId: string
  survivorName: string
  loserId: string
  loserName: string
  reason: string
  mergedAt: string
  undoneAt: string | null
}

export interface SyncReviewSide {
  value: string | number | null
  userName: string
  at: string
}

export interface SyncReviewView {
  id: string
  table: string
  rowId: string
  recordName: string
  field: string
  reason: string
  current: SyncReviewSide
  other: SyncReviewSide
  createdAt: string
}

/** Table names as people say them, for lists and summaries: the records' own, and the link tables. */
export const SYNC_TABLE_LABELS: Record<string, string> = {
  ...ENTITY_LABELS,
  investorTag: '客商标签',
  eventInvestor: '活动客商',
  projectTag: '项目标签',
  eventProject: '活动项目',
}
