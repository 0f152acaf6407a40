// A zip-based workbook (.xlsx, .ods) is checked before any parser sees it: a 4 MB file can unpack
// to 4 GB of shared strings (a "zip bomb") and take the whole app down with it. We read the zip's
// central directory for the sizes it declares, then inflate every entry once, counting bytes and
// throwing them away, so a file that lies about its sizes is caught too. A ledger is not
// hundreds of megabytes of text.
import { createInflateRaw } from 'node:zlib'
import { SpreadsheetError } from './spreadsheet-error'

/** Total uncompressed size a workbook may have: a 100,000-row 台账 is about 60 MB. */
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

type Entry = { name: string; method: number; compressed: number; declared: number; localOffset: number }

const mb = (bytes: number) => Math.ceil(bytes / 1048576)

function bomb(detail: string): SpreadsheetError {
  return new SpreadsheetError(
    'too_large',
    `文件解压后${detail}，超过上限 ${mb(MAX_UNZIPPED_BYTES)} MB：项目台账不会有这么多内容，这可能是损坏或恶意构造的文件，已拒绝读取。请确认文件来源，或在 Excel/WPS 中把台账复制到新工作簿另存为 .xlsx 后再导入`,
  )
}

function corrupt(): SpreadsheetError {
  return new SpreadsheetError('corrupt', '文件已损坏或不是有效的表格文件（压缩结构不完整），无法读取。请用 Excel 或 WPS 打开后重新另存为 .xlsx')
}

export function centralDirectory(bytes: Buffer): Entry[] {
  // the end record sits in the last 22 bytes plus an optional comment of up to 64 KB
  let eocd = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw corrupt()
  const count = bytes.readUInt16LE(eocd + 10)
  const offset = bytes.readUInt32LE(eocd + 16)
  // ZIP64 markers: only a file of gigabytes needs them, and no ledger is one
  if (count === 0xffff || offset === 0xffffffff) throw bomb('超过 4 GB（ZIP64 格式）')
  const entries: Entry[] = []
  let p = offset
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== CENTRAL) throw corrupt()
    const nameLength = bytes.readUInt16LE(p + 28)
    const extraLength = bytes.readUInt16LE(p + 30)
    const commentLength = bytes.readUInt16LE(p + 32)
    entries.push({
      name: bytes.toString('utf8', p + 46, p + 46 + nameLength),
      method: bytes.readUInt16LE(p + 10),
      compressed: bytes.readUInt32LE(p + 20),
      declared: bytes.readUInt32LE(p + 24),
      localOffset: bytes.readUInt32LE(p + 42),
    })
    p += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/**
 * Refuses (SpreadsheetError 'too_large' or 'corrupt') a zip whose contents would not fit a ledger;
 * returns the names of its entries.
 */
export async function checkZipSizes(bytes: Buffer, limit = MAX_UNZIPPED_BYTES): Promise<string[]> {
  const entries = centralDirectory(bytes)
  const declared = entries.reduce((sum, e) => sum + (e.declared === 0xffffffff ? Number.POSITIVE_INFINITY : e.declared), 0)
  if (declared > limit) throw bomb(`声明有 ${Number.isFinite(declared) ? `${mb(declared)} MB` : '超过 4 GB'}`)
  let actual = 0
  for (const entry of entries) {
    const data = entryData(bytes, entry)
    const size = entry.method === 0 ? data.length : await inflatedSize(data, Math.min(limit - actual, entry.declared) + 1)
    // more than declared: the directory lies, which only a broken or hostile file does
    if (size > entry.declared) {
      if (actual + size > limit) throw bomb(`实际超过 ${mb(limit)} MB（文件声明的大小不实）`)
      throw corrupt()
    }
    actual += size
  }
  return entries.map((e) => e.name)
}

function entryData(bytes: Buffer, entry: Entry): Buffer {
  const p = entry.localOffset
  if (p + 30 > bytes.length || bytes.readUInt32LE(p) !== LOCAL) throw corrupt()
  const start = p + 30 + bytes.readUInt16LE(p + 26) + bytes.readUInt16LE(p + 28)
  if (start + entry.compressed > bytes.length) throw corrupt()
  return bytes.subarray(start, start + entry.compressed)
}

/** Inflated length of a deflate stream, stopping as soon as it passes `stopAt` (memory stays at one chunk). */
function inflatedSize(data: Buffer, stopAt: number): Promise<number> {
  if (data.length === 0) return Promise.resolve(0)
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw({ chunkSize: 64 * 1024 })
    let size = 0
    let settled = false
    const finish = (error: Error | null, value = size) => {
      if (settled) return
      settled = true
      inflate.destroy()
      if (error) reject(error)
      else resolve(value)
    }
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size >= stopAt) finish(null)
    })
    inflate.on('end', () => finish(null))
    inflate.on('error', () => finish(corrupt()))
    inflate.end(data)
  })
}
