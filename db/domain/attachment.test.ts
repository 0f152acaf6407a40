import { describe, expect, it } from 'vitest'
import { mimeFromName, sanitizeFileName } from './attachment'

describe('attachment file names', () => {
  it('keeps ordinary names, Chinese included', () => {
    expect(sanitizeFileName('投资协议（盖章版）.pdf')).toBe('投资协议（盖章版）.pdf')
    expect(sanitizeFileName('.env')).toBe('.env')
  })

  it('keeps only the last path segment and drops what systems reject', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd')
    expect(sanitizeFileName('C:\\x')).toBe('x')
    expect(sanitizeFileName('C:x.txt')).toBe('C_x.txt')
    expect(sanitizeFileName('a/b')).toBe('b')
    expect(sanitizeFileName('报告\u0000\u0007.docx')).toBe('报告.docx')
    expect(sanitizeFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe')
    expect(sanitizeFileName('a<b>c|d?.txt')).toBe('a_b_c_d_.txt')
    expect(sanitizeFileName('run.exe. . ')).toBe('run.exe')
  })

  it('defuses Windows device names and refuses names that are nothing', () => {
    expect(sanitizeFileName('CON')).toBe('_CON')
    expect(sanitizeFileName('nul.txt')).toBe('_nul.txt')
    expect(sanitizeFileName('com1')).toBe('_com1')
    expect(sanitizeFileName('console.txt')).toBe('console.txt')
    for (const nothing of ['', '..', '.', '../', 'a/..', '   ', '\u0001', '/']) expect(sanitizeFileName(nothing), nothing).toBe('')
  })

  it('shortens long names to 255 characters, keeping the extension', () => {
    const name = sanitizeFileName(`${'长'.repeat(300)}.xlsx`)
    expect(Array.from(name)).toHaveLength(255)
    expect(name.endsWith('.xlsx')).toBe(true)
  })

  it('knows common office types and never serves pages', () => {
    expect(mimeFromName('台账.XLSX')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(mimeFromName('a.html')).toBe('application/octet-stream')
    expect(mimeFromName('noext')).toBe('application/octet-stream')
  })
})
