// The app's diagnostic log: one JSON object per line in crm.log in the data folder, so that a
// problem on an office laptop can be read afterwards (failed daily backups, slow calls, start-up
// steps). The file rotates at about 1 MB and keeps 3 older files (crm.log.1 newest … crm.log.3),
// so it never grows without bound. A database without a data folder (in memory) logs nothing.
import { appendFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'

export const LOG_FILE = 'crm.log'

export interface LogOptions {
  /** Rotate before a line would take the file past this size. */
  maxBytes?: number
  /** How many rotated files to keep. */
  keep?: number
  now?: () => Date
}

export interface Log {
  /** Appends {at, event, ...fields}. Never throws: a full disk must not fail the user's work. */
  write(event: string, fields?: Record<string, unknown>): void
}

const NO_LOG: Log = { write() {} }

export function openLog(dataDir: string | null, options: LogOptions = {}): Log {
  if (dataDir === null) return NO_LOG
  const { maxBytes = 1024 * 1024, keep = 3, now = () => new Date() } = options
  const file = join(dataDir, LOG_FILE)
  const rotate = () => {
    rmSync(`${file}.${keep}`, { force: true })
    for (let i = keep - 1; i >= 1; i--) if (existsSync(`${file}.${i}`)) renameSync(`${file}.${i}`, `${file}.${i + 1}`)
    renameSync(file, `${file}.1`)
  }
  return {
    write(event, fields = {}) {
      try {
        const line = `${JSON.stringify({ at: now().toISOString(), event, ...fields })}\n`
        if (existsSync(file) && statSync(file).size + Buffer.byteLength(line) > maxBytes) rotate()
        appendFileSync(file, line)
      } catch {
        // The log is for diagnosis only; losing a line is better than failing the call it describes.
      }
    },
  }
}

const logs = new Map<string, Log>()

/** The log of a data folder, shared by everything in this process that writes to it. */
export function logFor(dataDir: string | null): Log {
  if (dataDir === null) return NO_LOG
  let log = logs.get(dataDir)
  if (!log) logs.set(dataDir, (log = openLog(dataDir)))
  return log
}
