// Heavy cases run in a fresh child process each, so that peak memory (the kernel's maxRSS) and
// module/connection start-up belong to that case alone: the ledger export and its plain exceljs
// baseline, the ledger import and its plain parse, and opening the database.
import Sqlite from 'better-sqlite3'
import ExcelJS from 'exceljs'
import { fork } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openBackend } from '../db/backend'
import { exportLedger, LEDGER_COLUMNS } from '../db/ledger-export/export-ledger'
import { previewImport, runImport } from '../db/ledger-import/apply'
import { checkpointsSettled } from '../db/storage/checkpoint'
import { ProjectListQuery } from '../db/domain/project'
import { STAGE_LABELS, type Stage } from '../db/domain/stages'
import { unknownMigrations } from '../db/migrate'
import { acquireLock } from '../db/storage/lock'

export type Task =
  | { kind: 'export-ours' | 'export-plain'; file: string; out: string }
  | { kind: 'import-ours' | 'import-plain'; file: string; ledger: string; write: boolean }
  | { kind: 'open'; file: string }

export interface TaskResult {
  seconds: number
  /** User + system CPU of the child (its work, whatever the machine's load). */
  cpuSeconds: number
  peakRssMb: number
  /** RSS sampled every 100 ms (MB); peakRssMb is their maximum. */
  rssSamples: number[]
  detail: Record<string, number | string | null>
}

/** Runs one task in a new Node process (same tsx loader) and returns what it measured. */
export function runInChild(task: Task): Promise<TaskResult> {
  return new Promise((resolve, reject) => {
    const child = fork(join(HERE, 'child.ts'), [JSON.stringify(task)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    let result: TaskResult | null = null
    child.on('message', (m) => (result = m as TaskResult))
    child.on('error', reject)
    child.on('exit', (code) => (result ? resolve(result) : reject(new Error(`child ${task.kind} exited with ${code}`))))
  })
}

const HERE = dirname(fileURLToPath(import.meta.url))

const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10

async function exportOurs(file: string, out: string): Promise<TaskResult['detail']> {
  let t = performance.now()
  const backend = await openBackend({ file, lock: false, autoBackup: false })
  // Opening (quick_check of the whole file: case 8) is not the export's cost: timed apart.
  const openSeconds = (performance.now() - t) / 1000
  try {
    t = performance.now()
    const cpu = process.cpuUsage()
    let progressCalls = 0
    const summary = await exportLedger(backend.ctx, out, { query: ProjectListQuery.parse({ sort: 'reserveOn' }), format: 'xlsx' }, () => void progressCalls++)
    const used = process.cpuUsage(cpu)
    const exportCpuSeconds = (used.user + used.system) / 1e6
    return { rows: summary.rows, bytes: statSync(out).size, exportSeconds: (performance.now() - t) / 1000, exportCpuSeconds, openSeconds, progressCalls }
  } finally {
    await backend.close()
  }
}

/**
 * The same rows and columns, read with one plain SQL query, written by exceljs's streaming writer
 * without styles, print setup or row heights: what the 台账 costs at the least.
 */
async function exportPlain(file: string, out: string): Promise<TaskResult['detail']> {
  const db = new Sqlite(file, { readonly: true })
  const rows = db.prepare(`SELECT p.name, i.name AS investor, i.credit_code, d.name AS district, k.name AS park, n.name AS industry, p.chain, p.kind,
      p.total_investment_yuan AS yuan, p.fixed_asset_yuan AS fixed, p.stage, p.priority,
      p.reserve_on, p.signed_on, p.registered_on, p.started_on, p.completed_on, p.operating_on, o.name AS owner, l.name AS leader, o.phone, p.progress
    FROM project p LEFT JOIN investor i ON i.id = p.investor_id LEFT JOIN district d ON d.id = p.district_id LEFT JOIN park k ON k.id = p.park_id
    LEFT JOIN industry n ON n.id = p.industry_id LEFT JOIN user o ON o.id = p.owner_id LEFT JOIN user l ON l.id = p.leader_id
    WHERE p.deleted_at IS NULL ORDER BY p.reserve_on, p.id`)
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useStyles: false, useSharedStrings: false })
  const sheet = workbook.addWorksheet('项目台账')
  sheet.addRow(LEDGER_COLUMNS.map((c) => c.header)).commit()
  let seq = 0
  const yi = (yuan: unknown) => (yuan === null ? null : Number(yuan) / 1e8)
  for (const r of rows.iterate() as Iterable<Record<string, string | number | null>>) {
    sheet
      .addRow([++seq, r.name, r.investor, r.credit_code, r.district, r.park, r.industry, r.chain, r.kind, yi(r.yuan), yi(r.fixed), STAGE_LABELS[r.stage as Stage], r.priority,
        r.reserve_on, r.signed_on, r.registered_on, r.started_on, r.completed_on, r.operating_on, r.owner, r.leader, r.phone, r.progress])
      .commit()
    // Let the zip stream drain now and then, as the app's writer does.
    if (seq % 500 === 0) await new Promise((resolve) => setImmediate(resolve))
  }
  sheet.commit()
  await workbook.commit()
  db.close()
  return { rows: seq, bytes: statSync(out).size }
}

async function importOurs(file: string, ledger: string, write: boolean): Promise<TaskResult['detail']> {
  const backend = await openBackend({ file, lock: false, autoBackup: false })
  try {
    const source = { bytes: readFileSync(ledger), fileName: 'bench-ledger.xlsx' }
    let t = performance.now()
    const preview = await previewImport(backend.ctx, source)
    const previewSeconds = (performance.now() - t) / 1000
    const detail: TaskResult['detail'] = {
      previewSeconds,
      rowsRead: preview.counts.rowsRead,
      create: preview.counts.create,
      update: preview.counts.update,
      unchanged: preview.counts.unchanged,
      skip: preview.counts.skip,
      error: preview.counts.error,
      warning: preview.counts.warning,
    }
    if (write) {
      t = performance.now()
      const result = await runImport(backend.ctx, source, { skipErrors: true, expectSha256: preview.sha256 })
      detail.importSeconds = (performance.now() - t) / 1000
      // Its pages copied into the file in the background (db/storage/checkpoint.ts), after the import returned.
      t = performance.now()
      await checkpointsSettled(backend.ctx.sqlite)
      detail.checkpointAfterSeconds = (performance.now() - t) / 1000
      detail.batchId = result.batchId
      detail.databaseMb = Math.round(result.preImportBackup.databaseBytes / 2 ** 20)
      detail.backupTaken = result.preImportBackup.taken ? 1 : 0
    }
    return detail
  } finally {
    await backend.close()
  }
}

async function importPlain(ledger: string): Promise<TaskResult['detail']> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(readFileSync(ledger) as unknown as ArrayBuffer)
  let cells = 0
  for (const sheet of workbook.worksheets) sheet.eachRow((row) => row.eachCell(() => void cells++))
  return { cells }
}

async function openOnce(file: string): Promise<TaskResult['detail']> {
  let t = performance.now()
  const backend = await openBackend({ file, autoBackup: false, shell: 'cli' })
  const totalMs = performance.now() - t
  await backend.close()
  // The parts, measured the same way openDatabase does them.
  t = performance.now()
  const probe = new Sqlite(file, { readonly: true, fileMustExist: true })
  const check = probe.pragma('quick_check', { simple: true })
  const quickCheckMs = performance.now() - t
  t = performance.now()
  unknownMigrations(probe)
  probe.close()
  const versionsMs = performance.now() - t
  t = performance.now()
  const lock = acquireLock(file, 'cli')
  lock.release()
  const lockMs = performance.now() - t
  t = performance.now()
  const plain = new Sqlite(file)
  plain.pragma('journal_mode = WAL')
  plain.prepare('SELECT count(*) FROM kysely_migration').get()
  plain.close()
  const bareOpenMs = performance.now() - t
  return { totalMs, quickCheckMs, versionsMs, lockMs, bareOpenMs, quickCheck: String(check) }
}

async function main(): Promise<void> {
  const task = JSON.parse(process.argv[2]!) as Task
  const samples: number[] = []
  const timer = setInterval(() => samples.push(mb(process.memoryUsage.rss())), 100)
  const t = performance.now()
  const cpu = process.cpuUsage()
  let detail: TaskResult['detail']
  switch (task.kind) {
    case 'export-ours':
      detail = await exportOurs(task.file, task.out)
      break
    case 'export-plain':
      detail = await exportPlain(task.file, task.out)
      break
    case 'import-ours':
      detail = await importOurs(task.file, task.ledger, task.write)
      break
    case 'import-plain':
      detail = await importPlain(task.ledger)
      break
    case 'open':
      detail = await openOnce(task.file)
      break
  }
  const seconds = (performance.now() - t) / 1000
  const used = process.cpuUsage(cpu)
  const cpuSeconds = (used.user + used.system) / 1e6
  clearInterval(timer)
  samples.push(mb(process.memoryUsage.rss()))
  // Sampled, not getrusage's maxRSS: Linux keeps ru_maxrss across execve, so a forked child would
  // report at least the parent's RSS.
  const result: TaskResult = { seconds, cpuSeconds, peakRssMb: Math.max(...samples), rssSamples: samples, detail }
  process.send!(result)
  process.disconnect()
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) void main()
