// The hub password sealed in the backend process. Only Electron's main process may ask the
// operating system's keychain (safeStorage), and SecretBox is synchronous, so the keychain guards a
// key instead of the password: main opens the key at start (electron/main/hub-secret.ts) and hands
// it to the backend, which seals the password with AES-256-GCM. Stored as "v2:<iv>.<tag>.<data>".
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { AppError } from '../../db/domain/errors'
import type { SecretBox } from '../../db/hub/settings'

const PREFIX = 'v2:'

export function keychainSecretBox(keyBase64: string): SecretBox {
  const key = Buffer.from(keyBase64, 'base64')
  if (key.length !== 32) throw new Error('中心库密码的密钥长度不对（应为 32 字节）')
  return {
    storage: 'keychain',
    seal: (plain) => {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return `${PREFIX}${iv.toString('base64')}.${cipher.getAuthTag().toString('base64')}.${data.toString('base64')}`
    },
    open: (sealed) => {
      const parts = sealed.startsWith(PREFIX) ? sealed.slice(PREFIX.length).split('.') : []
      try {
        if (parts.length !== 3) throw new Error('format')
        const [iv, tag, data] = parts.map((part) => Buffer.from(part, 'base64')) as [Buffer, Buffer, Buffer]
        const decipher = createDecipheriv('aes-256-gcm', key, iv)
        decipher.setAuthTag(tag)
        return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8')
      } catch {
        // An earlier version sealed the password with the keychain directly, or the key was lost
        // (a new user profile): the password cannot be read back, only typed again.
        throw new AppError('validation', '无法读取保存的中心库密码（由旧版本或另一个系统账户保存）：请在 设置 → 数据同步 重新输入密码。')
      }
    },
  }
}
