// Users, districts, parks, the change journal and settings. Frozen: never import app code here.
import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  const record = sql.raw(`
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT,
    updated_at TEXT NOT NULL,
    updated_by TEXT,
    deleted_at TEXT`)

  await sql`CREATE TABLE user (
    ${record},
    name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 50),
    role TEXT NOT NULL DEFAULT 'staff' CHECK (role IN ('staff', 'manager', 'leader')),
    title TEXT,
    phone TEXT
  ) STRICT`.execute(db)

  await sql`CREATE TABLE district (
    ${record},
    name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 50),
    code TEXT,
    note TEXT
  ) STRICT`.execute(db)
  // A name is unique among live rows only: a deleted district must not block re-creating it.
  await sql`CREATE UNIQUE INDEX district_name ON district (name) WHERE deleted_at IS NULL`.execute(db)

  await sql`CREATE TABLE park (
    ${record},
    district_id TEXT NOT NULL REFERENCES district (id),
    name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 100),
    focus_industries TEXT,
    free_land_centi_mu INTEGER CHECK (free_land_centi_mu >= 0),
    factory_space_sqm INTEGER CHECK (factory_space_sqm >= 0),
    contact_name TEXT,
    contact_phone TEXT,
    note TEXT
  ) STRICT`.execute(db)
  await sql`CREATE UNIQUE INDEX park_name ON park (district_id, name) WHERE deleted_at IS NULL`.execute(db)

  await sql`CREATE TABLE change (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore', 'purge')),
    changes TEXT NOT NULL CHECK (json_valid(changes)),
    user_id TEXT,
    at TEXT NOT NULL
  ) STRICT`.execute(db)
  await sql`CREATE INDEX change_entity ON change (entity, entity_id, seq)`.execute(db)
  await sql`CREATE INDEX change_at ON change (at)`.execute(db)

  await sql`CREATE TABLE setting (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL CHECK (json_valid(value)),
    updated_at TEXT NOT NULL
  ) STRICT`.execute(db)
}
