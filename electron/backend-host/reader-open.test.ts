// The reader process opens a second connection while the writer holds the file: it must not pay
// quick_check again (O(file): 18 s at 2.6 GB before the first export) nor touch the writer's
// clean-shutdown marker.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/open'

describe('the reader connection beside the writer', () => {
  let dir: string
  let file: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-reader-open-'))
    file = join(dir, 'crm.sqlite')
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('skips the check the writer made, and leaves the marker to the writer', async () => {
    await (await openDatabase({ file })).close()
    const writer = await openDatabase({ file })
    // A plain second open would check the whole file again: the writer removed the marker.
    const plain = await openDatabase({ file })
    expect(plain.integrity).toBe('checked')
    await plain.close()
    rmSync(`${file}.clean-shutdown`, { force: true })

    const reader = await openDatabase({ file, secondary: true })
    expect(reader.integrity).toBe('skipped')
    expect(reader.sqlite.prepare('SELECT count(*) AS n FROM park').get()).toEqual({ n: 0 })
    await reader.close()
    expect(existsSync(`${file}.clean-shutdown`)).toBe(false)

    await writer.close()
    expect(existsSync(`${file}.clean-shutdown`)).toBe(true)
  })
})
