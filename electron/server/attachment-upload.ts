// POST /upload/attachment?entity=…&entityId=…&fileName=… with the file itself as the body: browser
// mode's attachment upload. Base64 inside a JSON call (the calls' 20 MB body limit) refused files
// from about 15 MB while the limit is 50 MB; here the body streams to a file in the upload folder,
// counted as it arrives, with backpressure, so the server never holds the file in memory. Then one
// ordinary call, attachment-add-upload, hands it to the backend (which may be another process) by
// its upload id. Past 50 MB nothing more is written and the rest is read and dropped, so the browser
// gets the answer (a refusal in plain words) instead of a broken connection. The session and origin
// rules are the calls' own: web-server.ts checks them before routing here.
import { createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import { ATTACHMENT_ENTITIES, MAX_ATTACHMENT_BYTES, TOO_LARGE } from '../../db/domain/attachment'
import type { Result } from '../../db/domain/errors'
import { id } from '../../db/domain/fields'
import { newUploadId, uploadFile } from '../../db/services/attachment-uploads'

export const UPLOAD_PATH = '/upload/attachment'

const UploadQuery = z.object({
  entity: z.enum(ATTACHMENT_ENTITIES, { error: '附件所属的记录类别不正确' }),
  entityId: id,
  fileName: z.string({ error: '请填写文件名' }).min(1, '请填写文件名').max(4096, '文件名过长'),
})

class TooLarge extends Error {}

function answer(res: ServerResponse, status: number, result: Result<unknown> & { changed?: unknown }): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' })
  res.end(JSON.stringify(result))
}

/** Reads what is left of a request without keeping it, then answers. */
function drainThen(req: IncomingMessage, reply: () => void): void {
  if (req.readableEnded) return reply()
  req.on('end', reply)
  req.on('error', reply)
  req.resume()
}

/** Streams the body into `temp`; rejects with TooLarge past the limit (temp removed). */
function receive(req: IncomingMessage, temp: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(temp, { flags: 'wx' })
    let size = 0
    let failed: Error | null = null
    const fail = (error: Error) => {
      if (failed) return
      failed = error
      out.destroy()
      // Keep reading (and dropping) the body: the answer comes when the browser has sent it all.
      req.resume()
    }
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (failed) return
      if (size > MAX_ATTACHMENT_BYTES) return fail(new TooLarge())
      if (!out.write(chunk)) {
        req.pause()
        out.once('drain', () => req.resume())
      }
    })
    out.on('error', fail)
    req.on('error', fail)
    req.on('end', () => {
      if (failed) return void rm(temp, { force: true }).finally(() => reject(failed!))
      out.end(() => {
        if (failed) return void rm(temp, { force: true }).finally(() => reject(failed!))
        resolve()
      })
    })
  })
}

type Call = (method: string, input: unknown) => Promise<Result<unknown>>

const refuse = (message: string) => ({ ok: false as const, error: { code: 'validation' as const, message } })

export async function handleAttachmentUpload(req: IncomingMessage, res: ServerResponse, url: URL, call: Call): Promise<void> {
  if (req.method !== 'POST') return drainThen(req, () => answer(res, 405, refuse('上传只接受 POST')))
  const query = UploadQuery.safeParse(Object.fromEntries(url.searchParams))
  if (!query.success) return drainThen(req, () => answer(res, 400, refuse(query.error.issues.map((issue) => issue.message).join('；'))))
  const tooLarge = { ok: false as const, error: { code: 'conflict' as const, message: TOO_LARGE } }
  // Said at once when the browser declares the size; the body is still read to the end.
  if (Number(req.headers['content-length'] ?? 0) > MAX_ATTACHMENT_BYTES) return drainThen(req, () => answer(res, 413, tooLarge))
  const uploadId = newUploadId()
  const temp = uploadFile(uploadId)
  try {
    await receive(req, temp)
  } catch (error) {
    if (error instanceof TooLarge) return answer(res, 413, tooLarge)
    return drainThen(req, () => answer(res, 500, { ok: false, error: { code: 'internal', message: `上传未完成：${(error as Error).message}` } }))
  }
  try {
    answer(res, 200, await call('attachment-add-upload', { ...query.data, uploadId }))
  } finally {
    // Adopted (moved) by the backend, or refused: either way nothing is left behind.
    await rm(temp, { force: true })
  }
}
