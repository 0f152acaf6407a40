// Hostile packages are refused whole, with a reason, and nothing changes.
import { createHash } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { contentHash } from './content-hash'
import type { Operation } from './operation'
import { type PackageHeader, exportPackage, importPackage, readPackage } from './package'

let a: TestBackend
let b: TestBackend
let good: { header: PackageHeader; ops: Operation[] }

function pack(header: PackageHeader, ops: unknown[], options: { checksum?: string } = {}): Buffer {
  const body = ops.map((op) => JSON.stringify(op)).join('\n')
  const sha256 = options.checksum ?? createHash('sha256').update(body).digest('hex')
  return gzipSync(Buffer.from(`${JSON.stringify({ ...header, opCount: ops.length, sha256 })}\n${body}\n`))
}

const state = (x: TestBackend) => ({
  hash: contentHash(x.env.ctx.sqlite),
  ops: (x.env.ctx.sqlite.prepare('SELECT count(*) AS n FROM sync_operation').get() as { n: number }).n,
  team: x.env.ctx.sqlite.prepare("SELECT value FROM setting WHERE key = 'sync.teamId'").get(),
})

beforeAll(async () => {
  a = await testBackend()
  b = await testBackend()
  const district = await a.call('district-create', { name: '槐荫区' })
  // a value for 可供土地: a created record's empty field travels as no op, and the CHECK case needs one
  await a.call('park-create', { districtId: district.id, name: '齐鲁医药港', freeLandMu: 120 })
  const { bytes } = await exportPackage(a.env.ctx)
  good = readPackage(bytes) as { header: PackageHeader; ops: Operation[] }
  // b belongs to a team of its own already.
  await b.call('district-create', { name: '长清区' })
  await exportPackage(b.env.ctx)
})
afterAll(async () => {
  await a.close()
  await b.close()
})

async function refusedWith(bytes: Buffer, reason: RegExp, receiver: TestBackend = b): Promise<void> {
  const before = state(receiver)
  await expect(importPackage(receiver.env.ctx, bytes, 'hostile')).rejects.toThrow(reason)
  expect(state(receiver)).toEqual(before)
}

const park = () => good.ops.find((op) => op.table === 'park' && op.field === 'name')!
const withOp = (change: Partial<Operation> | Record<string, unknown>) => good.ops.map((op) => (op === park() ? { ...op, ...change } : op))

describe('hostile sync packages', () => {
  it('a package of another team', async () => {
    await refusedWith(pack(good.header, good.ops), /另一个团队/)
  })

  describe('same team', () => {
    beforeAll(() => {
      b.env.ctx.sqlite.prepare("UPDATE setting SET value = ? WHERE key = 'sync.teamId'").run(JSON.stringify(good.header.teamId))
    })
    it('a value of the wrong type', () => refusedWith(pack(good.header, withOp({ value: 42 })), /应为文字/))
    it('a null where the column needs a value', () => refusedWith(pack(good.header, withOp({ value: null })), /不能为空/))
    it('an unknown table', () => refusedWith(pack(good.header, withOp({ table: 'sqlite_master' })), /未知的数据表/))
    it('an unknown field', () => refusedWith(pack(good.header, withOp({ field: 'password' })), /没有字段/))
    it('a huge value', () => refusedWith(pack(good.header, withOp({ value: 'x'.repeat(200_000) })), /过长/))
    it('an extra key', () => refusedWith(pack(good.header, withOp({ sql: 'DROP TABLE park' })), /不符合同步格式/))
    it('a forged author replica (hlc of one laptop, replica of another)', () =>
      refusedWith(pack(good.header, withOp({ replicaId: good.header.teamId })), /伪造/))
    it('a clock far in the future', () =>
      refusedWith(pack(good.header, withOp({ hlc: park().hlc.replace(/^\d{13}/, '9999999999999') })), /晚一天以上/))
    it('a tampered body (checksum)', () => refusedWith(pack(good.header, good.ops, { checksum: '0'.repeat(64) }), /校验和不符/))
    it('a newer schema', () => refusedWith(pack({ ...good.header, schemaVersion: '9999-future' }, good.ops), /较新版本/))
    it('not a package at all', () => refusedWith(Buffer.from('PK\u0003\u0004 not gzip'), /无法解压/))
    it('a value that breaks a rule of the table (CHECK)', async () => {
      const bad = good.ops.map((op) => (op.table === 'park' && op.field === 'freeLandCentiMu' ? { ...op, value: -5 } : op))
      await refusedWith(pack(good.header, bad), /不符合数据规则/)
    })
    it('a record whose parent this laptop lacks (the park without its district)', async () => {
      // The reference check looks only at the batch's rows; it must still see this one.
      await refusedWith(pack(good.header, good.ops.filter((op) => op.table !== 'district')), /不存在的district.*请先导入更早的同步包/)
    })
    it('its own package back', async () => {
      const own = await exportPackage(b.env.ctx)
      await refusedWith(own.bytes, /本机自己导出/)
    })
    it('then the genuine package applies', async () => {
      const result = await importPackage(b.env.ctx, pack(good.header, good.ops), 'genuine')
      expect(result.added).toMatchObject({ district: 1, park: 1 })
    })
  })
})
