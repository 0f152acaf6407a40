// Attachments: files are stored once per content in <dataDir>/attachments/<sha[0:2]>/<sha>, so the
// name a person gave a file never becomes a path. Rows are records (journaled, soft-deleted); the
// file goes only when the last row using it is purged.
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { copyFile, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { type Ctx, type Trx, inTransaction } from '../context'
import {
  type AttachmentAdd,
  type AttachmentAddPath,
  type AttachmentAddUpload,
  type AttachmentContent,
  type AttachmentEntity,
  type AttachmentListQuery,
  type AttachmentView,
  MAX_ATTACHMENT_BYTES,
  OCTET_STREAM,
  TOO_LARGE,
  mimeFromName,
  sanitizeFileName,
} from '../domain/attachment'
import { AppError, conflict, notFound } from '../domain/errors'
import { ENTITY_LABELS } from '../domain/history'
import { uploadFile } from './attachment-uploads'
import { deleteRecord, getLive, insertRecord } from './records'

const WHAT = '附件'

function attachmentsDir(ctx: Ctx): string {
  if (!ctx.dataDir) throw conflict('当前数据库没有数据文件夹（内存数据库），不能保存附件')
  return join(ctx.dataDir, 'attachments')
}

/** Where a content hash lives; the hash is checked so nothing but 64 hex digits reaches a path. */
export function blobPath(ctx: Ctx, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new AppError('internal', `附件校验值不正确：${sha256}`)
  return join(attachmentsDir(ctx), sha256.slice(0, 2), sha256)
}

const exists = (path: string) => stat(path).then((s) => s, () => null)

/** Writes the bytes once: to a temporary file first, then renamed, so a crash never leaves half a file. */
async function storeBlob(ctx: Ctx, bytes: Buffer): Promise<string> {
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const target = blobPath(ctx, sha256)
  const present = await exists(target)
  if (present?.isFile() && present.size === bytes.length) return sha256
  const dir = join(attachmentsDir(ctx), sha256.slice(0, 2))
  await mkdir(dir, { recursive: true })
  const temp = join(attachmentsDir(ctx), `.tmp-${randomBytes(8).toString('hex')}`)
  try {
    await writeFile(temp, bytes, { flush: true })
    await rename(temp, target)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
  return sha256
}

/** Removes a stored file when no attachment row (live or in the recycle bin) uses it any more. */
export async function removeBlobIfUnused(ctx: Ctx, sha256: string): Promise<void> {
  const used = await ctx.db.selectFrom('attachment').select('id').where('sha256', '=', sha256).executeTakeFirst()
  if (!used) await rm(blobPath(ctx, sha256), { force: true })
}

/** The stored name of a file, or a refusal saying why the name cannot be used. */
function usableName(rawName: string): string {
  const fileName = sanitizeFileName(rawName)
  if (!fileName) throw new AppError('validation', `文件名不可用：${JSON.stringify(rawName.slice(0, 100))}`)
  return fileName
}

async function addBytes(ctx: Ctx, entity: AttachmentEntity, entityId: string, rawName: string, bytes: Buffer): Promise<AttachmentView> {
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw conflict(TOO_LARGE, { size: bytes.length })
  const fileName = usableName(rawName)
  attachmentsDir(ctx)
  // Check before writing the file, and again in the transaction (the record may go meanwhile).
  await getLive(ctx.db, entity, entityId, ENTITY_LABELS[entity])
  return addStored(ctx, entity, entityId, fileName, bytes.length, await storeBlob(ctx, bytes))
}

async function addStored(ctx: Ctx, entity: AttachmentEntity, entityId: string, fileName: string, size: number, sha256: string): Promise<AttachmentView> {
  let id: string
  try {
    id = await inTransaction(ctx, async (trx: Trx) => {
      await getLive(trx, entity, entityId, ENTITY_LABELS[entity])
      return insertRecord(trx, ctx, 'attachment', { entity, entityId, fileName, sha256, size, mime: mimeFromName(fileName) })
    })
  } catch (error) {
    await removeBlobIfUnused(ctx, sha256)
    throw error
  }
  return getAttachment(ctx, id)
}

export function addAttachment(ctx: Ctx, input: AttachmentAdd): Promise<AttachmentView> {
  const base64 = input.contentBase64.replace(/\s+/g, '')
  if (base64.length % 4 === 1 || /=[^=]/.test(base64)) throw new AppError('validation', '文件内容不是有效的 Base64 编码')
  return addBytes(ctx, input.entity, input.entityId, input.fileName, Buffer.from(base64, 'base64'))
}

/**
 * Adopts a file the browser-mode server streamed into the upload folder (see attachment-uploads.ts).
 * The file is named by an unguessable upload id, never by a path from the page; it is hashed here
 * again, as a stream, so what is recorded is what is stored, then moved into place.
 */
export async function addUploadedAttachment(ctx: Ctx, input: AttachmentAddUpload): Promise<AttachmentView> {
  const source = uploadFile(input.uploadId)
  try {
    const info = await exists(source)
    if (!info?.isFile()) throw notFound('上传的文件', input.uploadId)
    if (info.size > MAX_ATTACHMENT_BYTES) throw conflict(TOO_LARGE, { size: info.size })
    const fileName = usableName(input.fileName)
    attachmentsDir(ctx)
    await getLive(ctx.db, input.entity, input.entityId, ENTITY_LABELS[input.entity])
    const hash = createHash('sha256')
    await pipeline(createReadStream(source), hash)
    const sha256 = hash.digest('hex')
    const target = blobPath(ctx, sha256)
    const present = await exists(target)
    if (!present?.isFile() || present.size !== info.size) {
      await mkdir(join(attachmentsDir(ctx), sha256.slice(0, 2)), { recursive: true })
      await moveInto(source, target)
    }
    return await addStored(ctx, input.entity, input.entityId, fileName, info.size, sha256)
  } finally {
    await rm(source, { force: true })
  }
}

/** A rename when the upload folder is on the same disk; else a copy under a temporary name. */
async function moveInto(source: string, target: string): Promise<void> {
  try {
    await rename(source, target)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error
    const temp = `${dirname(target)}.tmp-${randomBytes(8).toString('hex')}`
    try {
      await copyFile(source, temp)
      await rename(temp, target)
    } catch (copyError) {
      await rm(temp, { force: true })
      throw copyError
    }
  }
}

/** Copies a file from disk (command line and Electron shells: the web shell refuses the call). */
export async function addAttachmentFromPath(ctx: Ctx, input: AttachmentAddPath): Promise<AttachmentView> {
  const info = await exists(input.path)
  if (!info) throw notFound('文件', input.path)
  if (!info.isFile()) throw new AppError('validation', `不是文件：${input.path}`)
  if (info.size > MAX_ATTACHMENT_BYTES) throw conflict(TOO_LARGE, { size: info.size })
  return addBytes(ctx, input.entity, input.entityId, input.path, await readFile(input.path))
}

function selectAttachments(ctx: Ctx) {
  return ctx.db
    .selectFrom('attachment as a')
    .leftJoin('user as u', 'u.id', 'a.createdBy')
    .select(['a.id', 'a.entity', 'a.entityId', 'a.fileName', 'a.sha256', 'a.size', 'a.mime', 'a.createdAt', 'a.createdBy'])
    .select('u.name as createdByName')
    .where('a.deletedAt', 'is', null)
}

export async function getAttachment(ctx: Ctx, id: string): Promise<AttachmentView> {
  const row = await selectAttachments(ctx).where('a.id', '=', id).executeTakeFirst()
  if (!row) throw notFound(WHAT, id)
  return row
}

export async function listAttachments(ctx: Ctx, query: AttachmentListQuery): Promise<AttachmentView[]> {
  return selectAttachments(ctx)
    .where('a.entity', '=', query.entity)
    .where('a.entityId', '=', query.entityId)
    .orderBy('a.createdAt', 'desc')
    .orderBy('a.id', 'desc')
    .execute()
}

export async function readAttachment(ctx: Ctx, id: string): Promise<AttachmentContent> {
  const row = await getLive(ctx.db, 'attachment', id, WHAT)
  let bytes: Buffer
  try {
    bytes = await readFile(blobPath(ctx, row.sha256))
  } catch {
    throw notFound(`附件文件“${row.fileName}”`, id)
  }
  if (createHash('sha256').update(bytes).digest('hex') !== row.sha256) {
    throw conflict(`附件文件“${row.fileName}”已损坏（校验不符），请从备份恢复`, { id })
  }
  return { fileName: row.fileName, mime: row.mime ?? OCTET_STREAM, size: bytes.length, contentBase64: bytes.toString('base64') }
}

/** To the recycle bin: the file stays until the row is purged. */
export async function removeAttachment(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, (trx) => deleteRecord(trx, ctx, 'attachment', id, WHAT))
}
