// Sync by file for the renderer and the command line: packages travel as base64 like exports.
import type { Ctx } from '../../db/context'
import type { SyncImportView } from '../../db/domain/sync'
import { listMerges, listReviews, resolveReview, syncStatus, undoMerge } from '../../db/sync/lists'
import { type ImportResult, exportPackage, importPackage } from '../../db/sync/package'
import type { syncContract } from '../contract/sync'
import type { HandlerSlice } from './types'

export const SYNC_MIME = 'application/gzip'

/** Authors by name for the summary (ids mean nothing to the person reading it). */
export function describeImport(ctx: Ctx, result: ImportResult): SyncImportView {
  const byUser = Object.entries(result.byUser).map(([id, count]) => {
    const row = id ? (ctx.sqlite.prepare('SELECT name FROM user WHERE id = ?').get(id) as { name: string } | undefined) : undefined
    return { name: row?.name ?? (id ? '其他电脑的用户' : '未署名'), count }
  })
  const { received, applied, skipped, added, changed, merged, toReview, sender, joinedTeam } = result
  return { received, applied, skipped, added, changed, byUser: byUser.sort((a, b) => b.count - a.count), merged, toReview, sender, joinedTeam }
}

export const syncHandlers: HandlerSlice<keyof typeof syncContract> = {
  'sync-status': (_input, { ctx }) => syncStatus(ctx),
  'sync-export': async (input, { ctx }) => {
    const { bytes, header } = await exportPackage(ctx, input)
    const stamp = header.createdAt.slice(0, 19).replace(/[-:]/g, '').replace('T', '-')
    return { fileName: `同步包-${stamp}.crmsync`, mime: SYNC_MIME, dataBase64: bytes.toString('base64'), rows: header.opCount }
  },
  'sync-import': async (input, { ctx }) => describeImport(ctx, await importPackage(ctx, Buffer.from(input.dataBase64, 'base64'), input.fileName)),
  'sync-merge-list': (_input, { ctx }) => listMerges(ctx),
  'sync-merge-undo': (input, { ctx }) => undoMerge(ctx, input.id),
  'sync-review-list': (_input, { ctx }) => listReviews(ctx),
  'sync-review-resolve': (input, { ctx }) => resolveReview(ctx, input.id, input.keep),
}
