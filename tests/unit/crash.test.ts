// Nothing lost: a writer process is killed with SIGKILL at random moments; after each kill the
// database must open (stale lock taken over, integrity_check ok), hold every acknowledged write in
// its last acknowledged state, and hold no half-written batch.
// 10 kills by default; more with CRASH_KILLS=120 npx vitest run tests/unit/crash.test.ts
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openBackend } from '../../db/backend'
import { readLock } from '../../db/storage/lock'
import { bundleWriter, removeWriterBundle, spawnWriter } from '../crash/spawn'

const KILLS = Number(process.env.CRASH_KILLS ?? 10)

interface Expected {
  kind: 'park' | 'district'
  note?: string
  deleted: boolean
}

interface Run {
  lines: string[]
  stderr: string
}

/** Spawns the writer, waits until it writes, kills it after a random delay; resolves with its output. */
async function writeAndKill(file: string, seed: number, delayMs: number): Promise<Run> {
  const child = await spawnWriter([file, String(seed)])
  return new Promise((resolve, reject) => {
    let out = ''
    let stderr = ''
    let timer: NodeJS.Timeout | undefined
    const failsafe = setTimeout(() => child.kill('SIGKILL'), 20_000)
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (!timer && out.includes('READY\n')) timer = setTimeout(() => child.kill('SIGKILL'), delayMs)
    })
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    // 'close': the process is reaped (its pid is gone) and the pipes are drained.
    child.on('close', (_code, signal) => {
      clearTimeout(failsafe)
      if (signal !== 'SIGKILL' || !timer) reject(new Error(`writer ended without being killed (${signal}): ${stderr}`))
      else resolve({ lines: out.split('\n'), stderr })
    })
  })
}

describe('crash safety', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crm-crash-'))
  const file = join(dir, 'crm.sqlite')
  beforeAll(() => bundleWriter(), 30_000)
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true })
    removeWriterBundle()
  })

  it(`keeps every acknowledged write through ${KILLS} kills`, { timeout: 60_000 + KILLS * 5_000 }, async () => {
    const expected = new Map<string, Expected>()
    const batches = new Map<string, number>() // acknowledged batch tag -> rows
    let random = 12345
    const next = () => ((random = (Math.imul(random, 1103515245) + 12345) >>> 0) / 2 ** 32)
    let acks = 0
    const started = Date.now()

    for (let kill = 0; kill < KILLS; kill++) {
      const run = await writeAndKill(file, kill + 1, Math.floor(next() * 1000))
      // The write that was in flight may or may not have committed: either state is right for it.
      let inFlight: { n: string; kind: string; id: string; arg?: string } | null = null
      for (const line of run.lines) {
        const [word, n, a, b, c] = line.split(' ')
        if (word === 'BEGIN') inFlight = { n: n!, kind: a!, id: b!, arg: c }
        if (word !== 'ACK') continue
        acks++
        inFlight = null
        const [id, kind, arg] = [a!, b!, c]
        if (kind === 'district-create') expected.set(id, { kind: 'district', deleted: false })
        else if (kind === 'park-create') expected.set(id, { kind: 'park', note: arg, deleted: false })
        else if (kind === 'park-update') expected.get(id)!.note = arg
        else if (kind === 'park-delete') expected.get(id)!.deleted = true
        else if (kind === 'batch') batches.set(id, Number(arg))
      }

      expect(readLock(`${file}.lock`)?.shell).toBe('web') // left behind by the killed process
      const backend = await openBackend({ file, shell: 'test', autoBackup: false })
      try {
        const { sqlite } = backend.ctx
        expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
        expect(sqlite.pragma('foreign_key_check')).toEqual([])
        const parks = new Map((sqlite.prepare('SELECT id, name, note, deleted_at FROM park').all() as { id: string; name: string; note: string | null; deleted_at: string | null }[]).map((p) => [p.id, p]))
        const districts = new Set((sqlite.prepare('SELECT id FROM district').all() as { id: string }[]).map((d) => d.id))

        for (const [id, want] of expected) {
          if (want.kind === 'district') {
            expect(districts.has(id), `district ${id}`).toBe(true)
            continue
          }
          const row = parks.get(id)
          expect(row, `park ${id}`).toBeDefined()
          const pending = inFlight?.id === id ? inFlight : null
          const notes = pending?.kind === 'park-update' ? [want.note, pending.arg] : [want.note]
          expect(notes, `note of park ${id}`).toContain(row!.note)
          if (pending?.kind !== 'park-delete') expect(row!.deleted_at !== null, `park ${id} deleted`).toBe(want.deleted)
          // Whichever way the in-flight write went, it is durable now: later rounds expect what is there.
          if (pending) Object.assign(want, { note: row!.note, deleted: row!.deleted_at !== null })
        }

        // Batches: all rows or none, each with its journal entry; acknowledged ones complete.
        const counts = new Map<string, number>()
        for (const park of parks.values()) {
          const tag = /^(B-\d+-\d+)-\d+$/.exec(park.name)?.[1]
          if (tag) counts.set(tag, (counts.get(tag) ?? 0) + 1)
        }
        for (const [tag, count] of counts) expect(count, `batch ${tag}`).toBe(200)
        for (const [tag, size] of batches) expect(counts.get(tag), `acknowledged batch ${tag}`).toBe(size)
        const unjournaled = sqlite
          .prepare(`SELECT count(*) AS n FROM park p WHERE NOT EXISTS (SELECT 1 FROM change c WHERE c.entity = 'park' AND c.entity_id = p.id AND c.action = 'create')`)
          .get() as { n: number }
        expect(unjournaled.n).toBe(0)
      } finally {
        await backend.close()
      }
      expect(existsSync(`${file}.lock`)).toBe(false)
    }
    const seconds = (Date.now() - started) / 1000
    console.log(`crash test: ${KILLS} kills, ${acks} acknowledged writes, ${batches.size} batches, ${seconds.toFixed(1)} s`)
    expect(acks).toBeGreaterThan(KILLS)
  })
})
