import type { searchContract } from '../contract/search'
import { AppError } from '../../db/domain/errors'
import * as attachments from '../../db/services/attachments'
import * as history from '../../db/services/history'
import * as recycleBin from '../../db/services/recycle-bin'
import * as search from '../../db/services/search'
import type { HandlerSlice } from './types'

export const searchHandlers: HandlerSlice<keyof typeof searchContract> = {
  search: (input, { ctx }) => search.search(ctx, input),
  'search-reindex': (_, { ctx }) => search.reindex(ctx),
  'history-list': (input, { ctx }) => history.listHistory(ctx, input),
  'recycle-list': (input, { ctx }) => recycleBin.listRecycleBin(ctx, input),
  'recycle-restore': async (input, { ctx }) => (await recycleBin.restoreFromBin(ctx, input), null),
  'recycle-purge': async (input, { ctx }) => (await recycleBin.purgeFromBin(ctx, input), null),
  'attachment-add': (input, { ctx }) => attachments.addAttachment(ctx, input),
  'attachment-add-path': (input, { ctx, shell }) => {
    // A page in a browser must not make the server read arbitrary files from its disk.
    if (shell === 'web') throw new AppError('forbidden', '浏览器模式下请直接上传文件')
    return attachments.addAttachmentFromPath(ctx, input)
  },
  'attachment-add-upload': (input, { ctx }) => attachments.addUploadedAttachment(ctx, input),
  'attachment-list': (input, { ctx }) => attachments.listAttachments(ctx, input),
  'attachment-read': ({ id }, { ctx }) => attachments.readAttachment(ctx, id),
  'attachment-remove': async ({ id }, { ctx }) => (await attachments.removeAttachment(ctx, id), null),
}
