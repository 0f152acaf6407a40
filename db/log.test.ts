import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openBackend } from './backend'
import { LOG_FILE, logFor, openLog } from './log'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'crm-log-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const lines = (name: string) => readFileSync(join(dir, name), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)

describe('the log', () => {
  it('writes one JSON object per line with the time and the event', () => {
    const log = openLog(dir, { now: () => new Date('2026-11-27T01:00:00Z') })
    log.write('slow_call', { method: 'project-list', ms: 240 })
    log.write('startup', { step: 'migrate' })
    expect(lines(LOG_FILE)).toEqual([
      { at: '2026-11-27T01:00:00.000Z', event: 'slow_call', method: 'project-list', ms: 240 },
      { at: '2026-11-27T01:00:00.000Z', event: 'startup', step: 'migrate' },
    ])
  })

  it('rotates at the size limit and keeps only the newest files', () => {
    const log = openLog(dir, { maxBytes: 200, keep: 3 })
    for (let i = 0; i < 40; i++) log.write('backup_failed', { n: i, message: '磁盘已满' })
    expect(readdirSync(dir).sort()).toEqual([LOG_FILE, `${LOG_FILE}.1`, `${LOG_FILE}.2`, `${LOG_FILE}.3`])
    for (const name of readdirSync(dir)) expect(readFileSync(join(dir, name)).length).toBeLessThanOrEqual(200)
    // The newest line is in crm.log, the lines before it in .1, .2, .3 in order; older ones are gone.
    const kept = [`${LOG_FILE}.3`, `${LOG_FILE}.2`, `${LOG_FILE}.1`, LOG_FILE].flatMap((name) => lines(name).map((line) => line.n))
    expect(kept.at(-1)).toBe(39)
    expect(kept).toEqual(kept.map((_, i) => 40 - kept.length + i))
    expect(kept.length).toBeLessThan(40)
  })

  it('writes nothing for a database without a data folder (in memory)', () => {
    expect(() => logFor(null).write('startup')).not.toThrow()
    expect(readdirSync(dir)).toEqual([])
  })

  it('never throws when the folder cannot be written', () => {
    const log = openLog(join(dir, 'missing', 'folder'))
    expect(() => log.write('startup')).not.toThrow()
  })
})

describe('start-up steps', () => {
  it('are logged when a database opens, and when it is refused', async () => {
    const backend = await openBackend({ file: join(dir, 'crm.sqlite'), shell: 'cli', autoBackup: false, lock: false })
    await backend.close()
    writeFileSync(join(dir, 'other.sqlite'), 'not a database at all, just text')
    await expect(openBackend({ file: join(dir, 'other.sqlite'), shell: 'cli', autoBackup: false, lock: false })).rejects.toThrow('不是 SQLite 文件')
    const events = lines(LOG_FILE).map((line) => [line.event, line.step])
    expect(events).toEqual([
      ['startup', 'open, check and migrate'],
      ['startup_failed', 'open, check and migrate'],
    ])
  })
})
