import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { keychainSecretBox } from './hub-secret-box'

describe('the hub password sealed in the backend process with the key from the keychain', () => {
  const key = randomBytes(32).toString('base64')

  it('opens what it sealed, and never stores the password as typed', () => {
    const box = keychainSecretBox(key)
    const sealed = box.seal('密码 p@ss')
    expect(sealed).not.toContain('p@ss')
    expect(box.seal('密码 p@ss')).not.toBe(sealed)
    expect(box.open(sealed)).toBe('密码 p@ss')
    expect(box.storage).toBe('keychain')
  })

  it('asks for the password again when it was sealed with another key or by an earlier version', () => {
    const sealed = keychainSecretBox(randomBytes(32).toString('base64')).seal('secret')
    expect(() => keychainSecretBox(key).open(sealed)).toThrow(/重新输入密码/)
    expect(() => keychainSecretBox(key).open(Buffer.from('legacy').toString('base64'))).toThrow(/重新输入密码/)
    expect(() => keychainSecretBox('c2hvcnQ=')).toThrow(/32 字节/)
  })
})
