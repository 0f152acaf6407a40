import { describe, expect, it } from 'vitest'
import type { BackupReason } from '../domain/storage'
import { type BackupEntry, backupName, backupsToDelete, isoWeekKey, parseBackupName } from './rotation'

// Local dates, as the names are written.
const at = (y: number, m: number, d: number, h = 9, min = 0) => new Date(y, m - 1, d, h, min, 0)
const entry = (date: Date, reason: BackupReason = 'daily', sequence = 1): BackupEntry => ({ name: backupName(date, reason, sequence), date, reason, databaseId: null })
const kept = (entries: BackupEntry[], now: Date) => {
  const doomed = new Set(backupsToDelete(entries, now))
  return entries.filter((e) => !doomed.has(e.name)).map((e) => e.name)
}
/** One daily backup a day for `days` days ending on `last`. */
const dailies = (last: Date, days: number) =>
  Array.from({ length: days }, (_, i) => entry(new Date(last.getFullYear(), last.getMonth(), last.getDate() - i, 9)))

describe('backup names', () => {
  it('round-trip, with a sequence number for a second backup in the same second', () => {
    const date = at(2026, 11, 27, 9, 5)
    expect(backupName(date, 'manual')).toBe('crm-20261127-090500-manual.sqlite')
    expect(backupName(date, 'pre-import', 2)).toBe('crm-20261127-090500-pre-import-2.sqlite')
    for (const reason of ['manual', 'daily', 'pre-migration', 'pre-import', 'pre-restore'] as const) {
      const name = backupName(date, reason, 3)
      expect(parseBackupName(name)).toEqual({ name, date, reason, databaseId: null })
      const own = backupName(date, reason, 3, '0123456789abcdef')
      expect(own).toBe(name.replace(/^crm-/, 'crm-0123456789abcdef-'))
      expect(parseBackupName(own)).toEqual({ name: own, date, reason, databaseId: '0123456789abcdef' })
    }
  })

  it('ignore other files and impossible dates', () => {
    for (const name of ['crm.sqlite', 'crm-20261127-090500-weekly.sqlite', 'crm-20261399-090500-daily.sqlite',
      'crm-20261127-250000-daily.sqlite', '.crm-20261127-090500-daily.sqlite.12.tmp', 'crm-20261127-090500-daily.sqlite.bak',
      'crm-20261127-090500-daily-1.sqlite', 'notes.txt']) {
      expect(parseBackupName(name)).toBeNull()
    }
  })
})

describe('ISO weeks', () => {
  it('start on Monday and follow the first Thursday', () => {
    expect(isoWeekKey(at(2026, 1, 1))).toBe('2026-W01') // Thursday
    expect(isoWeekKey(at(2025, 12, 29))).toBe('2026-W01') // Monday of the same week
    expect(isoWeekKey(at(2027, 1, 1))).toBe('2026-W53') // Friday: 2026 has 53 weeks
    expect(isoWeekKey(at(2027, 1, 3))).toBe('2026-W53') // Sunday
    expect(isoWeekKey(at(2027, 1, 4))).toBe('2027-W01') // Monday
    expect(isoWeekKey(at(2026, 11, 23))).toBe('2026-W48')
    expect(isoWeekKey(at(2026, 11, 29))).toBe('2026-W48')
    expect(isoWeekKey(at(2026, 11, 30))).toBe('2026-W49')
  })
})

describe('rotation', () => {
  const now = at(2026, 11, 27, 18) // Friday

  it('deletes nothing while there are few backups', () => {
    const entries = dailies(at(2026, 11, 27), 5)
    expect(backupsToDelete(entries, now)).toEqual([])
    expect(backupsToDelete([], now)).toEqual([])
  })

  it('keeps 7 daily, 4 weekly and 12 monthly out of two years of daily backups', () => {
    const entries = dailies(at(2026, 11, 27), 730)
    const names = kept(entries, now)
    // 7 days: Nov 21..27; weeks W48 (Nov 23..) W47 W46 W45: newest of W47 is Sun Nov 22, W46 Nov 15, W45 Nov 8;
    // months: Nov (27th), Oct 31, Sep 30 … Dec 31 2025 (12 months).
    const expected = [
      ...[27, 26, 25, 24, 23, 22, 21].map((d) => at(2026, 11, d)),
      at(2026, 11, 15), at(2026, 11, 8),
      ...[[10, 31], [9, 30], [8, 31], [7, 31], [6, 30], [5, 31], [4, 30], [3, 31], [2, 28], [1, 31]].map(([m, d]) => at(2026, m!, d!)),
      at(2025, 12, 31),
    ].map((d) => backupName(d, 'daily'))
    expect(names.sort()).toEqual(expected.sort())
    expect(names).toHaveLength(7 + 2 + 11)
  })

  it('counts days that have backups, not calendar days: a laptop unused for weeks keeps its last 7 days', () => {
    const days = [at(2026, 11, 27), at(2026, 10, 2), at(2026, 10, 1), at(2026, 9, 30), at(2026, 9, 29), at(2026, 9, 28), at(2026, 9, 27), at(2026, 9, 26), at(2026, 9, 25)]
    const names = kept(days.map((d) => entry(d)), now)
    // The 7 most recent days with backups reach back to Sep 27, though it is two months ago.
    for (const d of days.slice(0, 7)) expect(names).toContain(backupName(d, 'daily'))
    // Sep 26 and 25: 8th and 9th day, not the newest of their week (Sep 21..27) nor of September.
    expect(names).not.toContain(backupName(at(2026, 9, 26), 'daily'))
    expect(names).not.toContain(backupName(at(2026, 9, 25), 'daily'))
  })

  it('keeps the newest daily of a day; a manual backup the same day does not push it out', () => {
    const entries = [entry(at(2026, 11, 20, 9)), entry(at(2026, 11, 20, 12), 'daily', 2), entry(at(2026, 11, 20, 15), 'manual')]
    expect(backupsToDelete(entries, now)).toEqual([entries[0]!.name])
  })

  it('keeps no old manual or pre-* backups beyond their own rules', () => {
    const entries = [...dailies(at(2026, 11, 27), 3), ...[1, 2, 3, 4, 5].map((d) => entry(at(2026, 6, d), 'manual')), entry(at(2026, 6, 6), 'pre-import'), entry(at(2026, 6, 7), 'pre-import')]
    expect(backupsToDelete(entries, now).sort()).toEqual([entries[3]!.name, entries[4]!.name, entries[8]!.name].sort())
  })

  it('always keeps the newest 3 manual backups, even when they are old', () => {
    const manual = [at(2024, 1, 5), at(2024, 1, 6), at(2024, 1, 7), at(2024, 1, 8)].map((d) => entry(d, 'manual'))
    const entries = [...dailies(at(2026, 11, 27), 500), ...manual]
    const names = kept(entries, now)
    for (const m of manual.slice(1)) expect(names).toContain(m.name)
    expect(names).not.toContain(manual[0]!.name)
  })

  it('keeps every pre-* backup of the last 7 days and the newest of each kind at any age', () => {
    const recent = [at(2026, 11, 26, 10), at(2026, 11, 26, 11), at(2026, 11, 26, 12)].map((d) => entry(d, 'pre-import'))
    const oldImport = entry(at(2026, 11, 10), 'pre-import')
    const migrations = [entry(at(2025, 3, 1), 'pre-migration'), entry(at(2025, 6, 1, 10), 'pre-migration')]
    const restores = [entry(at(2026, 11, 19, 18, 1), 'pre-restore'), entry(at(2026, 11, 21, 9), 'pre-restore')]
    const entries = [...dailies(at(2026, 11, 27), 800), ...recent, oldImport, ...migrations, ...restores]
    const names = kept(entries, now)
    for (const e of [...recent, migrations[1]!, restores[1]!]) expect(names).toContain(e.name)
    // 17 days old and not the newest pre-import; newest of its day but not of its week (Nov 15) or month.
    expect(names).not.toContain(oldImport.name)
    expect(names).not.toContain(migrations[0]!.name)
    expect(names).not.toContain(restores[0]!.name) // older than 7 days (19th 18:01 < 20th 18:00)
  })

  it('never deletes the newest backup, and is stable under input order', () => {
    const entries = [...dailies(at(2026, 11, 27), 100), entry(at(2026, 11, 27, 17), 'manual')]
    const shuffled = [...entries].reverse()
    expect(backupsToDelete(shuffled, now).sort()).toEqual(backupsToDelete(entries, now).sort())
    expect(backupsToDelete(entries, now)).not.toContain(entries.at(-1)!.name)
    // Running the policy again on what it kept deletes nothing more.
    const survivors = entries.filter((e) => !backupsToDelete(entries, now).includes(e.name))
    expect(backupsToDelete(survivors, now)).toEqual([])
  })

  it('a random history: kept sets satisfy every rule', () => {
    let seed = 7
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    const reasons: BackupReason[] = ['daily', 'manual', 'pre-import', 'pre-migration', 'pre-restore']
    for (let round = 0; round < 20; round++) {
      const entries: BackupEntry[] = []
      const seen = new Set<string>()
      for (let i = 0; i < 300; i++) {
        const date = new Date(now.getTime() - Math.floor(random() * 400 * 86_400_000))
        date.setMilliseconds(0)
        const e = entry(date, reasons[Math.floor(random() * reasons.length)]!)
        if (seen.has(e.name)) continue
        entries.push(e)
        seen.add(e.name)
      }
      const doomed = new Set(backupsToDelete(entries, now))
      const sorted = [...entries].sort((a, b) => b.date.getTime() - a.date.getTime())
      const survivors = sorted.filter((e) => !doomed.has(e.name))
      // The newest daily of each of the 7 most recent days with one survives.
      const daily = sorted.filter((e) => e.reason === 'daily')
      const days = [...new Set(daily.map((e) => e.date.toDateString()))].slice(0, 7)
      for (const day of days) expect(survivors).toContain(daily.find((e) => e.date.toDateString() === day))
      for (const e of sorted.filter((e) => e.reason === 'manual').slice(0, 3)) expect(doomed.has(e.name)).toBe(false)
      for (const e of sorted.filter((e) => e.reason.startsWith('pre-') && now.getTime() - e.date.getTime() <= 7 * 86_400_000)) expect(doomed.has(e.name)).toBe(false)
      // Bounded: at most 7 + 4 + 12 + 3 + 3 plus the pre-* of the last week.
      const recentPre = sorted.filter((e) => e.reason.startsWith('pre-') && now.getTime() - e.date.getTime() <= 7 * 86_400_000).length
      expect(survivors.length).toBeLessThanOrEqual(7 + 4 + 12 + 3 + 3 + recentPre)
    }
  })
})
