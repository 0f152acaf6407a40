// Attachments in: through the bridge in the desktop window (base64 over IPC, no body limit there),
// and in browser mode as the file itself, streamed as the body of POST /upload/attachment. Base64
// inside a JSON call met the calls' 20 MB body limit at about 15 MB, below the 50 MB allowed.
import type { AttachmentEntity, AttachmentView } from '../../../db/domain/attachment'
import type { Result } from '../../../electron/contract'
import { fileToBase64 } from '../pages/projects/attachmentFiles'
import { ApiCallError, call, isDesktop } from './client'

// The session this tab holds (client.ts keeps it under this key once the launch token is spent).
const SESSION_KEY = 'crm-session'

export async function uploadAttachment(target: { entity: AttachmentEntity; entityId: string }, file: File): Promise<AttachmentView> {
  if (isDesktop()) return call('attachment-add', { ...target, fileName: file.name, contentBase64: await fileToBase64(file) })
  const query = new URLSearchParams({ entity: target.entity, entityId: target.entityId, fileName: file.name })
  const response = await fetch(`/upload/attachment?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-crm-session': sessionStorage.getItem(SESSION_KEY) ?? '' },
    body: file,
  }).catch(() => null)
  if (!response) throw new ApiCallError({ code: 'internal', message: `上传“${file.name}”时与本地服务的连接中断，请确认服务仍在运行后重试` })
  if (response.status === 403) throw new ApiCallError({ code: 'forbidden', message: '会话已失效，请使用启动时打印的完整地址重新打开后再上传' })
  const result = (await response.json()) as Result<AttachmentView>
  if (!result.ok) throw new ApiCallError(result.error)
  return result.value
}
