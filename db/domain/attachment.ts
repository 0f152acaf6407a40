// Attachments (附件): files kept with a project, investor, agreement, follow-up, request or event.
// Pure: the renderer uses the same name rules and limits before it sends the bytes.
import { z } from 'zod'
import { id } from './fields'

export const ATTACHMENT_ENTITIES = ['project', 'investor', 'agreement', 'negotiation', 'request', 'event'] as const
export type AttachmentEntity = (typeof ATTACHMENT_ENTITIES)[number]

export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024
export const TOO_LARGE = '附件不能超过 50 MB'
const MAX_BASE64_CHARS = Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4

const entity = z.enum(ATTACHMENT_ENTITIES, { error: '附件所属的记录类别不正确' })
const fileName = z.string({ error: '请填写文件名' }).max(4096, '文件名过长')

export const AttachmentAdd = z.object({
  entity,
  entityId: id,
  fileName,
  contentBase64: z
    .string({ error: '缺少文件内容' })
    .max(MAX_BASE64_CHARS + 16, TOO_LARGE)
    .regex(/^[A-Za-z0-9+/=\s]*$/, '文件内容不是有效的 Base64 编码'),
})
export type AttachmentAdd = z.output<typeof AttachmentAdd>

export const AttachmentAddPath = z.object({
  entity,
  entityId: id,
  path: z.string({ error: '请填写文件路径' }).trim().min(1, '请填写文件路径').max(4096, '文件路径过长'),
})
export type AttachmentAddPath = z.output<typeof AttachmentAddPath>

/** Browser mode: a file the server received as a stream, named by the upload id it gave it. */
export const AttachmentAddUpload = z.object({
  entity,
  entityId: id,
  fileName,
  uploadId: z.string({ error: '缺少上传编号' }).regex(/^[0-9a-f]{32}$/, '上传编号不正确'),
})
export type AttachmentAddUpload = z.output<typeof AttachmentAddUpload>

export const AttachmentListQuery = z.object({ entity, entityId: id })
export type AttachmentListQuery = z.output<typeof AttachmentListQuery>

export interface AttachmentView {
  id: string
  entity: AttachmentEntity
  entityId: string
  fileName: string
  sha256: string
  size: number
  mime: string | null
  createdAt: string
  createdBy: string | null
  createdByName: string | null
}

export interface AttachmentContent {
  fileName: string
  mime: string
  size: number
  contentBase64: string
}

const WINDOWS_DEVICES = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i
const MAX_NAME = 255

/**
 * A file name safe to show and to offer for download on any system: the last path segment only,
 * no control or reserved characters, no Windows device names, at most 255 characters. Returns ''
 * when nothing usable remains (the caller refuses it). The name never becomes a path on disk: files
 * are stored by content hash.
 */
export function sanitizeFileName(raw: string): string {
  const segments = raw.normalize('NFC').split(/[/\\]/)
  let name = segments[segments.length - 1] ?? ''
  name = name
    // Control characters (C0, DEL, C1) and bidirectional overrides that disguise an extension.
    .replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .trim()
    // Windows drops trailing dots and spaces, so 'a.exe. ' would open as 'a.exe'.
    .replace(/[. ]+$/, '')
  if (name === '' || /^\.+$/.test(name)) return ''
  if (WINDOWS_DEVICES.test(name)) name = `_${name}`
  const chars = Array.from(name)
  if (chars.length > MAX_NAME) {
    const dot = name.lastIndexOf('.')
    const ext = dot > 0 ? Array.from(name.slice(dot)) : []
    name = ext.length > 0 && ext.length <= 20 ? chars.slice(0, MAX_NAME - ext.length).join('') + ext.join('') : chars.slice(0, MAX_NAME).join('')
  }
  return name
}

// No html or svg: a file that is a page must never open as one inside the app.
const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  wps: 'application/vnd.ms-works',
  et: 'application/vnd.ms-excel',
  ofd: 'application/ofd',
  txt: 'text/plain',
  csv: 'text/csv',
  md: 'text/markdown',
  json: 'application/json',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  heic: 'image/heic',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  wav: 'audio/wav',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  zip: 'application/zip',
  rar: 'application/vnd.rar',
  '7z': 'application/x-7z-compressed',
  gz: 'application/gzip',
}

export const OCTET_STREAM = 'application/octet-stream'

export function mimeFromName(fileName: string): string {
  const dot = fileName.lastIndexOf('.')
  return (dot >= 0 && MIME[fileName.slice(dot + 1).toLowerCase()]) || OCTET_STREAM
}
