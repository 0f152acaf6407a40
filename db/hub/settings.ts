// Where the hub connection and the sync bookkeeping live: the SQLite `setting` table (values JSON,
// like every other setting). The password is sealed by a SecretBox: in the desktop shell Electron's
// safeStorage (the operating system's keychain) installs one at start; elsewhere (browser mode, the
// command line) it is stored as typed in this database file, and the status says so plainly.
import type Sqlite from 'better-sqlite3'
import { type Ctx, nowIso } from '../context'
import type { SecretStorage } from '../domain/hub'

export const HUB_KEYS = {
  url: 'hub.url',
  secret: 'hub.secret',
  /** The greatest hub `seq` applied here: pulls continue after it. */
  cursor: 'hub.cursor',
  /** Per origin replica, the greatest hlc the hub is known to hold (pushed by us or pulled from it). */
  pushedUpTo: 'hub.pushedUpTo',
  intervalMinutes: 'hub.intervalMinutes',
  lastSyncAt: 'hub.lastSyncAt',
  lastError: 'hub.lastError',
  lastResult: 'hub.lastResult',
} as const


export interface SecretBox {
  storage: SecretStorage
  seal(plain: string): string
  open(sealed: string): string
}

/** Browser mode and the command line: no keychain to ask, so the password is kept as typed. */
const databaseBox: SecretBox = { storage: 'database', seal: (plain) => plain, open: (sealed) => sealed }
let box: SecretBox = databaseBox

/** The desktop shell installs the keychain box (electron/main) before any call runs. */
export function useSecretBox(next: SecretBox): void {
  box = next
}

export function readHubSetting<T>(sqlite: Sqlite.Database, key: string): T | null {
  const row = sqlite.prepare('SELECT value FROM setting WHERE key = ?').get(key) as { value: string } | undefined
  return row ? (JSON.parse(row.value) as T) : null
}

export function writeHubSetting(ctx: Ctx, key: string, value: unknown): void {
  if (value === null) {
    ctx.sqlite.prepare('DELETE FROM setting WHERE key = ?').run(key)
    return
  }
  ctx.sqlite
    .prepare('INSERT INTO setting (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at')
    .run(key, JSON.stringify(value), nowIso(ctx))
}

interface StoredSecret {
  storage: SecretStorage
  data: string
}

export interface HubConnectionSettings {
  /** postgres://user@host:port/database[?sslmode=…], never with the password in it. */
  url: string
  password: string | null
  /** Where the password is kept (null: none stored). */
  passwordStorage: SecretStorage | null
}

/** Splits a password typed into the URL off it: the URL is shown in the UI, the password never. */
export function splitPassword(url: string): { url: string; password: string | null } {
  const parsed = new URL(url)
  const password = parsed.password ? decodeURIComponent(parsed.password) : null
  parsed.password = ''
  return { url: parsed.toString(), password }
}

/** Server and database: another user on the same hub keeps the cursor, another hub does not. */
const hubIdentity = (url: string) => {
  const parsed = new URL(url)
  return `${parsed.host}${parsed.pathname}`
}

export function saveHubConnection(ctx: Ctx, url: string, password: string | null | undefined): void {
  const split = splitPassword(url)
  const previous = readHubSetting<string>(ctx.sqlite, HUB_KEYS.url)
  if (previous && hubIdentity(previous) !== hubIdentity(split.url)) {
    // A different hub: read it from its beginning and offer it everything (both are idempotent).
    writeHubSetting(ctx, HUB_KEYS.cursor, null)
    writeHubSetting(ctx, HUB_KEYS.pushedUpTo, null)
  }
  writeHubSetting(ctx, HUB_KEYS.url, split.url)
  const chosen = password ?? split.password
  // undefined: keep the stored password (the form sends none when the user did not retype it).
  if (password === undefined && split.password === null) return
  writeHubSetting(ctx, HUB_KEYS.secret, chosen ? ({ storage: box.storage, data: box.seal(chosen) } satisfies StoredSecret) : null)
}

export function loadHubConnection(sqlite: Sqlite.Database): HubConnectionSettings | null {
  const url = readHubSetting<string>(sqlite, HUB_KEYS.url)
  if (!url) return null
  const secret = readHubSetting<StoredSecret>(sqlite, HUB_KEYS.secret)
  if (!secret) return { url, password: null, passwordStorage: null }
  if (secret.storage === 'keychain' && box.storage !== 'keychain') {
    // Sealed by the desktop app's keychain: this shell cannot open it.
    return { url, password: null, passwordStorage: 'keychain' }
  }
  return { url, password: box.open(secret.data), passwordStorage: secret.storage }
}

export function currentSecretStorage(): SecretStorage {
  return box.storage
}
