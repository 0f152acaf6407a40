// Decide what a file is from its first bytes, never from its extension: users rename files,
// government systems export HTML as ".xls", and a password-protected .xlsx is not a zip at all.

export type FileFormat = 'xlsx' | 'ods' | 'ole' | 'text' | 'binary'

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

// formats people mistake for spreadsheets (screenshots, scans, archives)
const BINARY_MAGICS: number[][] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x52, 0x61, 0x72, 0x21], // Rar!
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
  [0x1f, 0x8b], // gzip
]

function startsWith(head: Uint8Array, magic: number[]): boolean {
  return head.length >= magic.length && magic.every((b, i) => head[i] === b)
}

export function detectFormat(head: Uint8Array): FileFormat {
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    // an OpenDocument zip stores its mimetype uncompressed as the first entry
    const prefix = Buffer.from(head.subarray(0, 120)).toString('latin1')
    return prefix.includes('opendocument.spreadsheet') ? 'ods' : 'xlsx'
  }
  if (startsWith(head, OLE_MAGIC)) return 'ole'
  if (BINARY_MAGICS.some((m) => startsWith(head, m))) return 'binary'
  if (startsWith(head, [0xef, 0xbb, 0xbf]) || startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) {
    return 'text'
  }
  if (utf16WithoutBom(head)) return 'text'
  return looksLikeText(head) ? 'text' : 'binary'
}

// Text in any of the encodings we accept (UTF-8, GBK/GB18030) never contains NUL and almost no
// C0 control characters; random bytes contain them about one byte in ten.
function looksLikeText(head: Uint8Array): boolean {
  let controls = 0
  for (const b of head) {
    if (b === 0) return false
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) controls++
  }
  return controls <= head.length / 100
}

// An encrypted OOXML file is an OLE compound file with an "EncryptionInfo" stream; directory
// entry names are stored as UTF-16LE.
export function isEncryptedOle(bytes: Uint8Array): boolean {
  return Buffer.from(bytes).includes(Buffer.from('EncryptionInfo', 'utf16le'))
}

// An Excel 97–2003 workbook is an OLE file with a "Workbook" (BIFF8) or "Book" (BIFF5) stream.
export function isXlsOle(bytes: Uint8Array): boolean {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return b.includes(Buffer.from('Workbook', 'utf16le')) || b.includes(Buffer.from('Book\0', 'utf16le'))
}

/**
 * UTF-16 text saved without a byte-order mark ("Unicode text" from some tools): every ASCII
 * character (digits, commas, tabs, line ends) has a zero byte beside it, always on the same side.
 * The other side is zero only for the CJK characters whose code ends in 00 (一 is U+4E00; one in
 * 256), so it may hold a few zeros but far fewer; a pair of two zeros (NUL) is not
 * text. We ask for a fair share of ASCII, which a ledger always has (separators and line ends).
 */
export function utf16WithoutBom(head: Uint8Array): 'utf16le' | 'utf16be' | null {
  const pairs = Math.floor(head.length / 2)
  if (pairs < 4) return null
  let zeroEven = 0
  let zeroOdd = 0
  for (let i = 0; i < pairs * 2; i += 2) {
    if (head[i] === 0 && head[i + 1] === 0) return null
    if (head[i] === 0) zeroEven++
    if (head[i + 1] === 0) zeroOdd++
  }
  const enough = Math.max(2, pairs / 10)
  if (zeroOdd >= enough && zeroEven * 4 <= zeroOdd) return 'utf16le'
  if (zeroEven >= enough && zeroOdd * 4 <= zeroEven) return 'utf16be'
  return null
}
