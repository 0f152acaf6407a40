// Runs the static migrations through kysely's Migrator (no folder scanning: the app is bundled).
import type Sqlite from 'better-sqlite3'
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely'
import { AppError } from './domain/errors'
import { MIGRATIONS } from './migrations'

const provider: MigrationProvider = {
  getMigrations: async (): Promise<Record<string, Migration>> => MIGRATIONS,
}

/** Names of applied migrations this app does not know: the database comes from a newer version. */
export function unknownMigrations(sqlite: Sqlite.Database): string[] {
  const table = sqlite
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'`)
    .get()
  if (!table) return []
  const rows = sqlite.prepare('SELECT name FROM kysely_migration').all() as { name: string }[]
  return rows.map((row) => row.name).filter((name) => !(name in MIGRATIONS))
}

export async function pendingMigrations(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({ db, provider })
  const all = await migrator.getMigrations()
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name)
}

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest()
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName
    throw new AppError('db_unavailable', `数据库升级失败（${failed ?? '未知步骤'}）：${String(error)}`)
  }
}

export const LATEST_MIGRATION = Object.keys(MIGRATIONS).at(-1)!
