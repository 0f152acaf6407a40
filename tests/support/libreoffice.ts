// Test helper: open an xlsx we wrote in a real spreadsheet program (LibreOffice Calc, headless)
// and read back what it shows, so export tests check more than exceljs reading its own output.
// CI installs the Debian package `libreoffice-calc-nogui`.
import { execFile } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

export function findLibreOffice(): string | null {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean)
  for (const dir of [...dirs, '/usr/bin', '/usr/local/bin', '/opt/libreoffice/program']) {
    for (const name of ['soffice', 'libreoffice']) {
      const path = join(dir, name)
      try {
        accessSync(path, constants.X_OK)
        return path
      } catch {
        // not here
      }
    }
  }
  return null
}

export type ConvertOptions = {
  // token 9 "save cell contents as shown": true gives the formatted text ('8.00', '85.32%')
  asShown?: boolean
}

// sheetIndex is 1-based (LibreOffice ≥ 7.2 reads it from the 12th filter token)
export async function convertToCsv(xlsxPath: string, sheetIndex = 1, opts: ConvertOptions = {}): Promise<string[][]> {
  const soffice = findLibreOffice()
  if (!soffice) throw new Error('LibreOffice (soffice) not found; install the Debian package libreoffice-calc-nogui')
  const work = await mkdtemp(join(tmpdir(), 'lo-csv-'))
  try {
    const outDir = join(work, 'out')
    // 44 = ',' separator, 34 = '"' quote, 76 = UTF-8, 1 = start at line 1
    const filter = `44,34,76,1,,0,false,true,${opts.asShown ? 'true' : 'false'},false,false,${sheetIndex}`
    const args = [
      // a private profile: parallel runs and the user's own LibreOffice do not lock each other
      `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`,
      '--headless',
      '--norestore',
      '--convert-to',
      `csv:Text - txt - csv (StarCalc):${filter}`,
      '--outdir',
      outDir,
      resolve(xlsxPath),
    ]
    await new Promise<void>((done, fail) => {
      execFile(soffice, args, { timeout: 120_000 }, (error, stdout, stderr) =>
        error ? fail(new Error(`soffice failed: ${error.message}\n${stdout}\n${stderr}`)) : done(),
      )
    })
    // a single sheet is written as '<name>-<sheet name>.csv'
    const files = (await readdir(outDir).catch(() => [])).filter((f) => f.endsWith('.csv'))
    if (files.length !== 1) throw new Error(`soffice wrote ${files.length} CSV files for sheet ${sheetIndex}: ${files.join(', ')}`)
    return parseCsv(await readFile(join(outDir, files[0]), 'utf8'))
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

// deliberately independent of the code under test
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let inQuotes = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (inQuotes) {
      if (ch !== '"') {
        field += ch
      } else if (text[i + 1] === '"') {
        field += '"'
        i++
      } else {
        inQuotes = false
      }
    } else if (ch === '"') {
      inQuotes = true
    } else if (ch === ',') {
      row.push(field)
      field = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else {
      field += ch
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows
}
