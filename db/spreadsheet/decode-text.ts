// Turn the bytes of a CSV/TSV into a string. Chinese offices save CSV from Excel as GBK by
// default, WPS and web systems as UTF-8 (sometimes with BOM), "Unicode text" as UTF-16LE.
import iconv from 'iconv-lite'
import { utf16WithoutBom } from './detect-format'

export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8')
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le')
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(bytes.subarray(2), 'utf16-be')
  const utf16 = utf16WithoutBom(bytes.subarray(0, 4096))
  if (utf16 === 'utf16le') return bytes.toString('utf16le')
  if (utf16 === 'utf16be') return iconv.decode(bytes, 'utf16-be')
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    // not valid UTF-8: GB18030 is a superset of GBK and GB2312, so it reads all three
    return iconv.decode(bytes, 'gb18030')
  }
}
