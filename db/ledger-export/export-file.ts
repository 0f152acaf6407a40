// An export for a caller that wants the bytes, not a file (the renderer offers them as a
// download): written (streamed) to a temp file in the data folder (the system temp folder for
// in-memory databases), read back as base64, and deleted. Fine up to tens of MB, and the writer's
// memory stays bounded however many rows. The command line writes straight to the user's path.
import { mkdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Ctx, newId } from '../context'
import { CSV_MIME, type ExportFile, type ExportFormat, XLSX_MIME } from '../domain/ledger'

/** `write` writes the export to the path it is given; its `{ rows }`, if any, is passed on. */
export async function exportAsBytes(ctx: Ctx, fileName: string, format: ExportFormat, write: (path: string) => Promise<object | void>): Promise<ExportFile> {
  const dir = ctx.dataDir ? join(ctx.dataDir, 'exports') : tmpdir()
  await mkdir(dir, { recursive: true })
  const path = join(dir, `.export-${newId()}.${format}`)
  try {
    const summary = await write(path)
    const bytes = await readFile(path)
    return {
      fileName: `${fileName.replace(/[\\/:*?"<>|]/g, '_')}.${format}`,
      mime: format === 'csv' ? CSV_MIME : XLSX_MIME,
      dataBase64: bytes.toString('base64'),
      rows: summary && 'rows' in summary && typeof summary.rows === 'number' ? summary.rows : 0,
    }
  } finally {
    await rm(path, { force: true })
  }
}
