import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MAX_ATTACHMENT_BYTES } from '../../db/domain/attachment'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { fixtures } from './search.fixtures'

const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64')
const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex')

/** Every file under a folder, relative to it. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) => statSync(join(dir, p)).isFile())
}

describe('attachments', () => {
  let dir: string
  let api: TestBackend
  let project: string
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-attach-'))
    api = await testBackend({ file: join(dir, 'crm.sqlite') })
    project = await fixtures(api).project('巨能液压项目')
  })
  afterEach(async () => {
    await api.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('stores bytes by content, lists and reads them back', async () => {
    const bytes = Buffer.from([0, 1, 2, 255, 254, 10, 13])
    const added = await api.call('attachment-add', { entity: 'project', entityId: project, fileName: '签约照片.jpg', contentBase64: b64(bytes) })
    expect(added).toMatchObject({ fileName: '签约照片.jpg', size: 7, mime: 'image/jpeg', sha256: sha(bytes) })
    expect(filesUnder(join(dir, 'attachments'))).toEqual([join(sha(bytes).slice(0, 2), sha(bytes))])

    const read = await api.call('attachment-read', { id: added.id })
    expect(Buffer.from(read.contentBase64, 'base64').equals(bytes)).toBe(true)
    expect(read).toMatchObject({ fileName: '签约照片.jpg', mime: 'image/jpeg', size: 7 })
    expect((await api.call('attachment-list', { entity: 'project', entityId: project })).map((a) => a.id)).toEqual([added.id])
    expect(await api.call('attachment-list', { entity: 'investor', entityId: project })).toEqual([])
  })

  it('keeps one copy per content and removes it only when the last row is purged', async () => {
    const content = b64('同一份合同')
    const a = await api.call('attachment-add', { entity: 'project', entityId: project, fileName: '合同.pdf', contentBase64: content })
    const b = await api.call('attachment-add', { entity: 'project', entityId: project, fileName: '合同-副本.pdf', contentBase64: content })
    expect(a.sha256).toBe(b.sha256)
    expect(filesUnder(join(dir, 'attachments'))).toHaveLength(1)

    await api.call('attachment-remove', { id: a.id })
    expect((await api.call('attachment-list', { entity: 'project', entityId: project })).map((x) => x.id)).toEqual([b.id])
    expect((await api.fail('attachment-read', { id: a.id })).code).toBe('not_found')
    await api.call('recycle-purge', { entity: 'attachment', id: a.id })
    expect(filesUnder(join(dir, 'attachments'))).toHaveLength(1)

    await api.call('attachment-remove', { id: b.id })
    expect(filesUnder(join(dir, 'attachments'))).toHaveLength(1)
    await api.call('recycle-purge', { entity: 'attachment', id: b.id })
    expect(filesUnder(join(dir, 'attachments'))).toEqual([])
  })

  it('sanitises or refuses hostile names and never writes outside the attachments folder', async () => {
    const names: [string, string | null][] = [
      ['../../etc/passwd', 'passwd'],
      ['C:\\x', 'x'],
      ['CON', '_CON'],
      ['a/b', 'b'],
      ['..', null],
      ['../', null],
      ['\u0000', null],
    ]
    for (const [fileName, expected] of names) {
      const input = { entity: 'project', entityId: project, fileName, contentBase64: b64(`内容 ${fileName}`) }
      if (expected === null) {
        expect((await api.fail('attachment-add', input)).code, fileName).toBe('validation')
      } else {
        expect((await api.call('attachment-add', input as never)).fileName).toBe(expected)
      }
    }
    // Besides the database, its backups and its log, only content-addressed files under attachments/.
    const written = filesUnder(dir).filter((p) => !p.startsWith('crm.sqlite') && !p.startsWith('crm.log') && !p.startsWith('backups'))
    expect(written.every((p) => /^[0-9a-f]{2}[/\\][0-9a-f]{64}$/.test(relative(join(dir, 'attachments'), join(dir, p))))).toBe(true)
    expect(written).toHaveLength(4)
  })

  it('refuses files over 50 MB, missing or deleted records, bad Base64 and in-memory databases', async () => {
    const huge = 'A'.repeat(Math.ceil((MAX_ATTACHMENT_BYTES + 3) / 3) * 4)
    const tooBig = await api.fail('attachment-add', { entity: 'project', entityId: project, fileName: 'big.zip', contentBase64: huge })
    expect(tooBig.message).toContain('50 MB')

    const missing = await api.fail('attachment-add', { entity: 'project', entityId: 'NOPE', fileName: 'a.txt', contentBase64: b64('x') })
    expect(missing.code).toBe('not_found')
    await fixtures(api).remove('project', project)
    expect((await api.fail('attachment-add', { entity: 'project', entityId: project, fileName: 'a.txt', contentBase64: b64('x') })).code).toBe('not_found')
    expect((await api.fail('attachment-add', { entity: 'project', entityId: project, fileName: 'a.txt', contentBase64: '@@@' })).code).toBe('validation')
    expect(filesUnder(join(dir, 'attachments'))).toEqual([])

    const memory = await testBackend()
    try {
      const id = await fixtures(memory).project('内存项目')
      const refused = await memory.fail('attachment-add', { entity: 'project', entityId: id, fileName: 'a.txt', contentBase64: b64('x') })
      expect(refused.message).toContain('不能保存附件')
    } finally {
      await memory.close()
    }
  })

  it('copies a file from disk, checking its size first', async () => {
    const source = join(dir, '可研报告.docx')
    writeFileSync(source, 'docx bytes')
    const added = await api.call('attachment-add-path', { entity: 'project', entityId: project, path: source })
    expect(added).toMatchObject({ fileName: '可研报告.docx', size: 10, sha256: sha('docx bytes') })
    expect((await api.fail('attachment-add-path', { entity: 'project', entityId: project, path: join(dir, 'nope') })).code).toBe('not_found')
    expect((await api.fail('attachment-add-path', { entity: 'project', entityId: project, path: dir })).code).toBe('validation')

    const big = join(dir, 'big.bin')
    writeFileSync(big, Buffer.alloc(0))
    const { truncateSync } = await import('node:fs')
    truncateSync(big, MAX_ATTACHMENT_BYTES + 1)
    expect((await api.fail('attachment-add-path', { entity: 'project', entityId: project, path: big })).message).toContain('50 MB')
  })

  it('is refused to the web shell, which must not read the server’s disk', async () => {
    api.env.shell = 'web'
    const refused = await api.fail('attachment-add-path', { entity: 'project', entityId: project, path: '/etc/passwd' })
    expect(refused.code).toBe('forbidden')
  })
})
