// Where browser mode's server puts an attachment while it streams in, before the backend (which may
// run in another process) adopts it. Files are named by a random upload id, so a call can name an
// upload but never a path; the folder is the user's own under the system's temporary folder.
import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AppError } from '../domain/errors'

const UPLOAD_ID = /^[0-9a-f]{32}$/

/** Per user (a shared /tmp holds other people's folders), readable by nobody else. */
export function uploadDir(): string {
  const dir = join(tmpdir(), `crm-uploads-${process.getuid?.() ?? 'user'}`)
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  return dir
}

export const newUploadId = (): string => randomBytes(16).toString('hex')

export function uploadFile(uploadId: string): string {
  if (!UPLOAD_ID.test(uploadId)) throw new AppError('validation', '上传编号不正确')
  return join(uploadDir(), uploadId)
}
