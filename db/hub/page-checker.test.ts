// A first pull's pages are checked and shaped in a worker thread (page-checker.ts) exactly as in
// place (snapshot-page.ts): the same rows, the same refusals, the clocks of every page remembered.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { NOW_MS, investorRecord, investorShape } from '../../tests/support/page-check'
import { ClockSet } from '../sync/clock-set'
import { checkPage } from '../sync/snapshot-page'
import { parsePage } from './page'
import { pageCheckWorkerFile, startPageChecker } from './page-checker'

describe('the page checker of a first pull', () => {
  it('shapes rows in its worker as in place, derived columns included', async () => {
    const shape = await investorShape()
    const page = [investorRecord('I1', '山东巨能液压有限公司'), investorRecord('I2', '济南（齐鲁）医药港有限公司', '1767603600001-0000-SEEDREPLICA0000001')]
    const checker = startPageChecker(NOW_MS)
    try {
      const inWorker = await checker.check(shape, page)
      const inPlace = checkPage(shape, parsePage(page), NOW_MS, new ClockSet())
      expect(inWorker).toEqual(inPlace)
      expect(inWorker.count).toBe(6)
      expect(inWorker.authors).toEqual({ '': 6 })
      const row = inWorker.rows[0]!
      expect(row.at(-1)).toBe('I1')
      expect(row).toContain('山东巨能液压有限公司')
      // the pinyin search keys, computed in the worker
      expect(row.some((value) => typeof value === 'string' && value.includes('sdjnyy'))).toBe(true)
    } finally {
      await checker.close()
    }
  })

  it('refuses a clock it saw on an earlier page, and a page that is not JSON, with the reason', async () => {
    const shape = await investorShape()
    const checker = startPageChecker(NOW_MS)
    try {
      await checker.check(shape, [investorRecord('I1', '甲公司')])
      await expect(checker.check(shape, [investorRecord('I2', '乙公司')])).rejects.toMatchObject({ code: 'validation', message: expect.stringContaining('同一时钟戳出现了两次') })
      await expect(checker.check(shape, [['I3', '{"name": [']])).rejects.toMatchObject({ code: 'validation', message: expect.stringContaining('中心库返回的快照格式错误') })
    } finally {
      await checker.close()
    }
  })

  it('finds its worker beside a bundle, and its source beside this module', () => {
    expect(pageCheckWorkerFile(pathToFileURL('/app/out/cli/cli-0123456789ab.cjs').href)).toBe('/app/out/cli/page-check-worker.cjs')
    expect(pageCheckWorkerFile(pathToFileURL(join(__dirname, 'page-checker.ts')).href)).toBe(join(__dirname, 'page-check-worker-source.cjs'))
    expect(existsSync(join(__dirname, 'page-check-worker-source.cjs'))).toBe(true)
  })
})
