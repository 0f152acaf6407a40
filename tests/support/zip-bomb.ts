// Test helper: an .xlsx of about 4 MB whose shared strings unpack to 4 GiB, built without ever
// holding 4 GiB: one deflate block of 16 MiB of 'A', ended with a sync flush, is self-contained,
// so 256 copies of it in a row are a valid deflate stream.
import { deflateRawSync, constants as zlib } from 'node:zlib'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'

const GiB = 1024 ** 3

type Part = { name: string; data: Buffer; method: 0 | 8; declared: number }

/** A zip written by hand, so the sizes it declares can be anything. CRCs are not checked before parsing. */
function zip(parts: Part[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const part of parts) {
    const name = Buffer.from(part.name)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(part.method, 8)
    local.writeUInt32LE(part.data.length, 18)
    local.writeUInt32LE(part.declared, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(part.method, 10)
    central.writeUInt32LE(part.data.length, 20)
    central.writeUInt32LE(part.declared, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, part.data)
    centrals.push(central, name)
    offset += local.length + name.length + part.data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(parts.length, 8)
  end.writeUInt16LE(parts.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

/** Raw deflate of prefix + 'A' × (16 MiB × repeats) + suffix, built from one compressed block. */
function bombStream(prefix: string, repeats: number, suffix: string): Buffer {
  const head = deflateRawSync(Buffer.from(prefix), { level: 9, finishFlush: zlib.Z_SYNC_FLUSH })
  const block = deflateRawSync(Buffer.alloc(16 * 1024 * 1024, 'A'), { level: 9, finishFlush: zlib.Z_SYNC_FLUSH })
  const tail = deflateRawSync(Buffer.from(suffix), { level: 9 })
  return Buffer.concat([head, ...Array.from({ length: repeats }, () => block), tail])
}

/** A real workbook from exceljs with its sharedStrings.xml swapped for the bomb. */
export async function bombXlsx(declaredSize: (actual: number) => number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.addWorksheet('台账').addRow(['项目名称', '总投资'])
  const real = await JSZip.loadAsync(await wb.xlsx.writeBuffer())
  const parts: Part[] = []
  for (const name of Object.keys(real.files)) {
    if (real.files[name]!.dir || name === 'xl/sharedStrings.xml') continue
    const data = await real.file(name)!.async('nodebuffer')
    parts.push({ name, data: deflateRawSync(data), method: 8, declared: data.length })
  }
  const prefix = '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>'
  const suffix = '</t></si></sst>'
  const actual = prefix.length + 4 * GiB + suffix.length
  parts.push({ name: 'xl/sharedStrings.xml', data: bombStream(prefix, 256, suffix), method: 8, declared: declaredSize(actual) })
  return zip(parts)
}
