// The hub password in the operating system's keychain: Electron's safeStorage seals it before it
// goes into the database's settings (db/hub/settings.ts). Where safeStorage has no real keychain
// (Linux without a secret service falls back to a fixed key), the password stays in the database
// file as in browser mode, and 设置 → 数据同步 says so.
import { safeStorage } from 'electron'
import { useSecretBox } from '../../db/hub/settings'

/** Call once the app is ready (safeStorage needs it on Linux). */
export function installKeychainSecretBox(): void {
  if (!safeStorage.isEncryptionAvailable()) return
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return
  useSecretBox({
    storage: 'keychain',
    seal: (plain) => safeStorage.encryptString(plain).toString('base64'),
    open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  })
}
