// Which backups to keep: a pure function over names and dates, so the policy is tested without files.
// Policy (grandfather-father-son over the daily backups):
// - the newest daily backup of each of the 7 most recent days that have one,
// - the newest of each of the 4 most recent ISO weeks that have one,
// - the newest of each of the 12 most recent months that have one;
// plus, outside that calendar (so a manual backup never pushes the day's daily out, which would
// only make the next opening take another):
// - the newest 3 manual backups (the user asked for them by hand),
// - every pre-* backup (pre-migration, pre-import, pre-restore) of the last 7 days, and the newest of
//   each pre-* kind at any age: each one is the way back from one risky operation.
// Dates are local time: the names are written in local time and "a day" is the user's day.
// The policy runs over one database's backups (its id is in the name, see database-id.ts); old names
// without an id are left alone, since nobody can tell from the name whose they are.
import { BACKUP_REASONS, type BackupReason } from '../domain/storage'

export interface BackupEntry {
  name: string
  date: Date
  reason: BackupReason
  /** The database it belongs to; null for a backup named before databases had ids. */
  databaseId: string | null
}

export const KEEP = { days: 7, weeks: 4, months: 12, manual: 3, preDays: 7 } as const

const NAME = new RegExp(`^crm-(?:([0-9a-f]{16})-)?(\\d{8})-(\\d{6})-(${BACKUP_REASONS.join('|')})(?:-(\\d+))?\\.sqlite$`)
const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** `crm-<database id>-YYYYMMDD-HHMMSS-<reason>.sqlite`, with `-N` when that second already has
 * one (without the id: the names written before databases had ids). */
export function backupName(date: Date, reason: BackupReason, sequence = 1, databaseId: string | null = null): string {
  const day = `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}`
  const time = `${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`
  return `crm-${databaseId ? `${databaseId}-` : ''}${day}-${time}-${reason}${sequence > 1 ? `-${sequence}` : ''}.sqlite`
}

/** Reads a backup name back; null for any other file (the folder may be shared with other files). */
export function parseBackupName(name: string): BackupEntry | null {
  const match = NAME.exec(name)
  if (!match) return null
  const [, databaseId, day, time, reason, sequence] = match as unknown as [string, string | undefined, string, string, BackupReason, string | undefined]
  const date = new Date(
    Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6, 8)),
    Number(time.slice(0, 2)), Number(time.slice(2, 4)), Number(time.slice(4, 6)),
  )
  // 20261399-…: the Date constructor rolls over silently; a name that does not read back is not ours.
  if (backupName(date, reason, sequence ? Number(sequence) : 1, databaseId ?? null) !== name) return null
  return { name, date, reason, databaseId: databaseId ?? null }
}

export const dayKey = (d: Date): string => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
export const monthKey = (d: Date): string => `${d.getFullYear()}-${pad(d.getMonth() + 1)}`

/** ISO 8601 week ('2026-W01'): weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeekKey(d: Date): string {
  const thursday = new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7) + 3)
  const year = thursday.getFullYear()
  const jan4 = new Date(year, 0, 4)
  const firstThursday = new Date(year, 0, 4 - ((jan4.getDay() + 6) % 7) + 3)
  // Rounded: a daylight-saving change makes one day 23 or 25 hours long.
  const week = 1 + Math.round((thursday.getTime() - firstThursday.getTime()) / (7 * 86_400_000))
  return `${year}-W${pad(week)}`
}

const newestFirst = (a: BackupEntry, b: BackupEntry) => b.date.getTime() - a.date.getTime() || (a.name < b.name ? 1 : a.name > b.name ? -1 : 0)

/** The newest entry of each of the `count` most recent periods that have entries. */
function newestPerPeriod(sorted: BackupEntry[], key: (d: Date) => string, count: number, keep: Set<string>): void {
  const seen = new Set<string>()
  for (const entry of sorted) {
    const k = key(entry.date)
    if (seen.has(k)) continue
    if (seen.size === count) break
    seen.add(k)
    keep.add(entry.name)
  }
}

/** Names of the backups the policy no longer keeps. */
export function backupsToDelete(entries: BackupEntry[], now: Date): string[] {
  const sorted = [...entries].sort(newestFirst)
  const dailies = sorted.filter((e) => e.reason === 'daily')
  const keep = new Set<string>()
  newestPerPeriod(dailies, dayKey, KEEP.days, keep)
  newestPerPeriod(dailies, isoWeekKey, KEEP.weeks, keep)
  newestPerPeriod(dailies, monthKey, KEEP.months, keep)
  for (const entry of sorted.filter((e) => e.reason === 'manual').slice(0, KEEP.manual)) keep.add(entry.name)
  const preSince = now.getTime() - KEEP.preDays * 86_400_000
  const newestPre = new Set<string>()
  for (const entry of sorted) {
    if (!entry.reason.startsWith('pre-')) continue
    if (entry.date.getTime() >= preSince) keep.add(entry.name)
    if (!newestPre.has(entry.reason)) {
      newestPre.add(entry.reason)
      keep.add(entry.name)
    }
  }
  return sorted.filter((e) => !keep.has(e.name)).map((e) => e.name)
}
