// The backend in its own process, over the same protocol the desktop app uses (child_process.fork
// stands in for Electron's utilityProcess.fork): real SQLite files, real processes, a real SIGKILL.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { generate } from '../../bench/generate'
import { bundled } from '../../tests/support/bundle'
import { askBuiltWorker, investorRecord, investorShape } from '../../tests/support/page-check'
import { pageCheckWorkerFile } from '../../db/hub/page-checker'
import type { Result } from '../../db/domain/errors'
import { BackendClient } from './client'
import { type ForkedBackend, forkBackend } from './fork'

const valueOf = <T>(result: Result<unknown>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value as T
}

/** Waits for a state, never for a time. */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 10))
}

describe('the backend process', () => {
  let dir: string
  let client: BackendClient | null
  let forked: ForkedBackend[]
  let events: Array<{ event: string; payload: unknown }>
  // child.ts bundled from source once for the file: every restart here is a real new process, but
  // none of them pays tsx's compile of the whole backend (tests/support/bundle.ts).
  let childSource: string
  beforeAll(async () => {
    childSource = await bundled('backend-child')
  }, 120_000)
  const clientFor = (file: string, entry?: string, maxRestarts?: number) =>
    new BackendClient({
      maxRestarts,
      spawn: () => {
        const child = forkBackend(entry ?? childSource)
        forked.push(child)
        return child
      },
      start: { file, shell: 'test' },
      onEvent: (event, payload) => events.push({ event, payload }),
    })

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-backend-host-'))
    forked = []
    events = []
    client = null
  })
  afterEach(async () => {
    await client?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('answers calls by request id, several at once, each with its own answer, and forwards the events', async () => {
    client = clientFor(join(dir, 'crm.sqlite'))
    await client.start()
    const district = valueOf<{ id: string }>(await client.call('district-create', { name: '槐荫区', code: '370104' }))
    const parks = await Promise.all(
      ['济南国际医学中心', '齐鲁软件园', '美里湖产业园'].map((name) => client!.call('park-create', { districtId: district.id, name })),
    )
    expect(parks.map((park) => valueOf<{ name: string }>(park).name)).toEqual(['济南国际医学中心', '齐鲁软件园', '美里湖产业园'])
    const refused = await client.call('park-create', { districtId: district.id, name: '   ' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(await client.call('park-explode', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
    expect(valueOf<unknown[]>(await client.call('park-list', {}))).toHaveLength(3)
    // Sent before each answer on the same ordered channel: here by the time the answer is (writes
    // running at once may share one event).
    const changed = events.filter((e) => e.event === 'data-changed').map((e) => (e.payload as { tables: string[] }).tables)
    expect(changed[0]).toEqual(['district'])
    expect(changed.slice(1).flat()).toContain('park')
  })

  it('the built entry the desktop app forks (out/main/backend.cjs) answers the same way', async () => {
    const built = join(__dirname, '../../out/main/backend.cjs')
    if (!existsSync(built)) throw new Error('out/main/backend.cjs is missing: run `npm run build` first (npm test does)')
    client = clientFor(join(dir, 'crm.sqlite'), built)
    await client.start()
    expect(valueOf<{ shell: string }>(await client.call('app-info', {}))).toMatchObject({ shell: 'test' })
  })

  it("the built worker of the backend's first pull from a hub (out/main/page-check-worker.cjs) checks and shapes a page", async () => {
    const backend = join(__dirname, '../../out/main/backend.cjs')
    const file = pageCheckWorkerFile(pathToFileURL(backend).href)
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (npm test does)`)
    const [answer] = await askBuiltWorker(file, await investorShape(), [[investorRecord('I1', '山东巨能液压有限公司')]])
    expect(answer).toMatchObject({ id: 0, checked: { count: 3, rows: [expect.arrayContaining(['山东巨能液压有限公司', 'I1'])] } })
  })

  it('stops restarting a backend that keeps dying, and says so on every call', async () => {
    client = clientFor(join(dir, 'crm.sqlite'), undefined, 0)
    await client.start()
    // Killed at once: the backend cannot have read, run and answered the call in the meantime.
    const waiting = client.call('park-list', {})
    forked[0]!.killHard()
    expect(await waiting).toMatchObject({ ok: false, error: { code: 'db_unavailable', message: expect.stringContaining('后台进程意外退出') } })
    expect(await client.call('park-list', {})).toMatchObject({ ok: false, error: { message: expect.stringContaining('反复意外退出') } })
    expect(forked).toHaveLength(1)
  })

  it('says plainly why it cannot open the database, and answers every call with that', async () => {
    // A folder where the file should be: SQLite cannot open it.
    client = clientFor(dir)
    await expect(client.start()).rejects.toThrow(/./)
    const answer = await client.call('park-list', {})
    expect(answer).toMatchObject({ ok: false, error: { code: 'db_unavailable' } })
    expect(forked).toHaveLength(1)
  })

  it('killed in the middle of a long export, or with a call waiting: the call fails in plain words, a new backend answers, committed data is there', async () => {
    const file = join(dir, 'crm.sqlite')
    await generate(file, { projects: 1_500, investors: 300, negotiations: 1_500 }, 7)
    client = clientFor(file)
    await client.start()
    const district = valueOf<{ id: string }>(await client.call('district-create', { name: '起步区', code: '370199' }))
    const park = valueOf<{ id: string }>(await client.call('park-create', { districtId: district.id, name: '大学科技园' }))

    // The export runs in the reader process (forked[1]); kill it halfway.
    const exporting = client.call('ledger-export', {})
    await until(() => client!.running().includes('ledger-export'))
    expect(forked).toHaveLength(2)
    forked[1]!.killHard()
    const failed = await exporting
    expect(failed).toMatchObject({ ok: false, error: { code: 'db_unavailable', message: expect.stringContaining('后台进程意外退出') } })
    if (!failed.ok) expect(failed.error.message).toContain('ledger-export')

    // The writer, killed with a call waiting (it cannot have answered in the meantime).
    const waiting = client.call('park-list', {})
    forked[0]!.killHard()
    expect(await waiting).toMatchObject({ ok: false, error: { message: expect.stringContaining('「park-list」没有得到确认') } })

    // The next call waits for the restarted writer, which took over the dead one's lock.
    expect(valueOf(await client.call('park-get', { id: park.id }))).toMatchObject({ id: park.id, name: '大学科技园' })
    expect(forked).toHaveLength(4)
    // And the long job itself runs to its end on the restarted reader.
    const exported = valueOf<{ rows: number }>(await client.call('ledger-export', {}))
    expect(exported.rows).toBeGreaterThan(0)
  }, 300_000)
})
