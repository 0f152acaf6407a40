// The hub password in the operating system's keychain. Only this process may ask the keychain
// (Electron's safeStorage), while the database lives in the backend process; so the keychain seals
// a random key kept in the data folder, and the backend seals the password with that key
// (electron/backend-host/hub-secret-box.ts). Where safeStorage has no real keychain (Linux without
// a secret service falls back to a fixed key), no key is handed over: the password stays in the
// database file as in browser mode, and 设置 → 数据同步 says so.
import { safeStorage } from 'electron'
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const KEY_FILE = 'hub-key.sealed'

/** Call once the app is ready (safeStorage needs it on Linux). Base64 of the key, or undefined. */
export function openHubSecretKey(dataDir: string): string | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return undefined
  const file = join(dataDir, KEY_FILE)
  try {
    if (existsSync(file)) return safeStorage.decryptString(readFileSync(file))
  } catch {
    // Sealed under another system account or keychain: a new key; the password is typed again.
  }
  const key = randomBytes(32).toString('base64')
  writeFileSync(file, safeStorage.encryptString(key), { mode: 0o600 })
  return key
}
