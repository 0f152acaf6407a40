// Issue 7: hostile input. Every method of the contract gets random and hostile inputs (wrong types,
// missing and extra fields, 1 MB strings, depth-1000 nesting, prototype-pollution keys, SQL and FTS5
// fragments, path tricks, control characters, lone surrogates, NaN/Infinity, impossible dates and
// amounts), mixed with real record ids so mutations hit real rows. Properties, for every call:
// - the answer is { ok: true, value } or { ok: false, error: { code, message } } with a known code
//   other than 'internal' and a non-empty message; never a thrown exception, never a hang;
// - the answer survives JSON (it crosses IPC and HTTP);
// - a failed call leaves the database exactly as it was (every table, the change journal included).
// The browser-mode server gets hostile HTTP (bad JSON, 25 MB bodies, odd content types and method
// names) and must answer 4xx/typed errors and stay up.
// FUZZ_RUNS=300 npx vitest run --project unit tests/unit/hostile-input.test.ts for a longer run.
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { isAbsolute, join, relative, resolve } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ERROR_CODES, type Result } from '../../db/domain/errors'
import { contract, type MethodName } from '../../electron/contract'
import { dispatch } from '../../electron/handlers/dispatch'
import { type WebServer, startWebServer } from '../../electron/server/web-server'
import { type TestBackend, testBackend } from '../support/backend'
import { HUGE_STRINGS, hostileString, hostileTopLevel, methodInput } from './arbitraries'

const RUNS = Number(process.env.FUZZ_RUNS ?? 30)
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined
/** One call may take this long at most (a 1 MB string through every validator included). */
const CALL_LIMIT_MS = 10_000

const methods = Object.keys(contract) as MethodName[]

let root: string
let api: TestBackend
const ids: string[] = []

/** Every table (the change journal and the FTS index included), row by row, hashed. The rows are
 * quoted and sorted by SQLite itself (some tables are WITHOUT ROWID): fast enough to run per call. */
const digestQueries = new WeakMap<object, string[]>()

function digest(): string {
  const sqlite = api.env.ctx.sqlite
  let queries = digestQueries.get(sqlite)
  if (!queries) {
    const tables = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[]
    queries = tables.map((table) => {
      // Hidden columns of virtual tables (the FTS table's own column, rank) are not data.
      const columns = sqlite.prepare('SELECT name FROM pragma_table_xinfo(?) WHERE hidden <> 1').pluck().all(table) as string[]
      const row = columns.map((column) => `quote("${column}")`).join(" || ',' || ")
      return `SELECT '${table}:' || count(*) || ':' || coalesce(group_concat(r, char(10)), '') FROM (SELECT ${row} AS r FROM "${table}" ORDER BY r)`
    })
    digestQueries.set(sqlite, queries)
  }
  const hash = createHash('sha256')
  for (const query of queries) hash.update(sqlite.prepare(query).pluck().get() as string)
  return hash.digest('hex')
}

/**
 * Every committed write, per table: temporary triggers (this connection only, gone with it) log
 * each INSERT, UPDATE and DELETE into a temp table. A write that is rolled back rolls its log
 * entry back too, so after a failed call the log must not have grown: that is "no partial write"
 * checked exactly, at the cost of one count per call (the full digest above costs a table scan).
 */
const writeLogged = new WeakSet<object>()

function writeCount(): number {
  const sqlite = api.env.ctx.sqlite
  if (!writeLogged.has(sqlite)) {
    sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS fuzz_write (tbl TEXT NOT NULL, op TEXT NOT NULL)')
    const tables = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'")
      .pluck()
      .all() as string[]
    for (const table of tables) {
      // FTS5 shadow tables take no triggers; their content table (search_doc) does.
      if (/^search_fts_/.test(table)) continue
      for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
        sqlite.exec(
          `CREATE TEMP TRIGGER IF NOT EXISTS "fuzz_${op}_${table}" AFTER ${op} ON main."${table}" BEGIN INSERT INTO temp.fuzz_write VALUES ('${table}', '${op}'); END`,
        )
      }
    }
    writeLogged.add(sqlite)
  }
  return sqlite.prepare('SELECT count(*) FROM temp.fuzz_write').pluck().get() as number
}

function writesSince(count: number): string {
  const rows = api.env.ctx.sqlite.prepare('SELECT tbl, op, count(*) AS n FROM temp.fuzz_write WHERE rowid > ? GROUP BY tbl, op').all(count)
  return JSON.stringify(rows)
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}

/** Keeps file-system paths of methods with effects outside the database inside the temp folder:
 * absolute paths are moved under it, relative ones that would climb out are pinned inside it. */
function confinePath(method: MethodName, value: unknown): unknown {
  if (typeof value !== 'string') return value
  const sandbox = join(root, 'sandbox')
  if (isAbsolute(value)) return join(sandbox, 'abs', value.replace(/\.\./g, '_'))
  if (method === 'attachment-add-path') {
    // Relative paths resolve against the working directory: pin them inside the sandbox.
    const inside = relative(sandbox, resolve(sandbox, value))
    return inside.startsWith('..') || isAbsolute(inside) ? join(sandbox, 'climbed') : join(sandbox, value)
  }
  // backup-restore resolves relative names inside the backup folder (and must refuse '..');
  // backup-settings-set refuses relative folders.
  return value
}

const PATH_FIELDS: Partial<Record<MethodName, string>> = {
  'attachment-add-path': 'path',
  'backup-settings-set': 'dir',
  'backup-restore': 'file',
}

function confine(method: MethodName, input: unknown): unknown {
  const field = PATH_FIELDS[method]
  if (!field || input === null || typeof input !== 'object' || !Object.hasOwn(input, field)) return input
  return { ...(input as Record<string, unknown>), [field]: confinePath(method, (input as Record<string, unknown>)[field]) }
}

/** Real ids by kind ('project', 'user', …), so generated inputs hit rows of the right table. */
const idsByKind = new Map<string, string[]>()

function collectIds(value: unknown, method: string): void {
  if (!value || typeof value !== 'object' || !('id' in value) || typeof value.id !== 'string') return
  if (!ids.includes(value.id)) ids.push(value.id)
  const kind = method.replace(/-(create|add|add-path|save|set|update)$/, '')
  const list = idsByKind.get(kind) ?? []
  if (!list.includes(value.id)) list.push(value.id)
  idsByKind.set(kind, list)
}

const FIELD_KINDS: Record<string, string> = {
  projectId: 'project',
  projectIds: 'project',
  investorId: 'investor',
  investorIds: 'investor',
  sourceId: 'investor',
  targetId: 'investor',
  keepId: 'investor',
  mergeId: 'investor',
  districtId: 'district',
  parkId: 'park',
  industryId: 'industry',
  parentId: 'industry',
  tagId: 'tag',
  tagIds: 'tag',
  ownerId: 'user',
  assigneeId: 'user',
  userId: 'user',
  eventId: 'event',
}

/** Ids for a field of a method's input ('' or an unknown field: every id). */
function idsFor(method: MethodName, field: string): readonly string[] {
  const kind = field === 'id' ? method.replace(/-(get|update|delete|restore|complete-step|advance|read|remove|stage-change|merge-preview)$/, '') : FIELD_KINDS[field]
  const typed = kind ? idsByKind.get(kind) : undefined
  return typed && typed.length > 0 ? typed : ids
}

async function seed(): Promise<void> {
  const call = async (method: MethodName, input: unknown) => {
    const value = await api.call(method, input as never)
    collectIds(value, method)
    return value as { id: string }
  }
  // demo-seed is fuzzed too: mark the big demo ledger as written so it only adds its districts.
  api.env.ctx.sqlite
    .prepare("INSERT INTO setting (key, value, updated_at) VALUES ('demo_seeded', '{}', '2026-01-01T00:00:00.000Z')")
    .run()
  const me = await call('user-create', { name: '王敏', role: 'manager' })
  await call('session-set-user', { userId: me.id })
  const colleague = await call('user-create', { name: '李娜' })
  const district = await call('district-create', { name: '槐荫区', code: '370104' })
  const park = await call('park-create', { districtId: district.id, name: '济南西城智能制造产业园', freeLandMu: 120.5 })
  const industry = await call('industry-create', { name: '高端装备' })
  await call('industry-create', { name: '液压件', parentId: industry.id })
  const tag = await call('tag-create', { name: '重点', color: '#1677ff' })
  const investor = await call('investor-create', {
    name: '巨能液压有限公司',
    registeredCapital: '1.2亿',
    tagIds: [tag.id],
    contacts: [{ name: '张经理', phone: '0531-87100001' }],
  })
  const other = await call('investor-create', { name: '济南二机床集团有限公司' })
  const project = await call('project-create', {
    name: '巨能液压智能产线项目',
    investorId: investor.id,
    parkId: park.id,
    industryId: industry.id,
    totalInvestment: '3.5亿',
    ownerId: colleague.id,
  })
  await call('project-create', { name: '二机床数控项目', investorId: other.id, districtId: district.id, stage: 'signed', stageOn: '2026-10-01' })
  const negotiation = await call('negotiation-create', {
    happenedOn: '2026-11-20',
    type: 'visit_out',
    projectId: project.id,
    summary: '实地考察',
    nextStep: '报送方案',
    nextDueOn: '2026-12-01',
  })
  await call('agreement-create', { projectId: project.id, type: 'investment', signedOn: '2026-11-01', amount: '3亿' })
  await call('funds-create', { projectId: project.id, arrivedOn: '2026-11-10', amount: '5000万' })
  await call('request-create', { category: 'land', title: '用地指标', receivedOn: '2026-11-15', projectId: project.id })
  await call('event-create', { name: '进博会', type: 'fair', startOn: '2026-11-05', endOn: '2026-11-10', projectIds: [project.id] })
  await call('target-set', { year: 2026, unitType: 'district', unitId: district.id, indicator: 'funds', value: '50亿元' })
  const file = join(root, 'sandbox', 'note.txt')
  writeFileSync(file, '项目说明')
  await call('attachment-add-path', { entity: 'project', entityId: project.id, path: file })
  await call('attachment-add', { entity: 'negotiation', entityId: negotiation.id, fileName: '纪要.txt', contentBase64: Buffer.from('纪要').toString('base64') })
  await call('backup-create', {})
}

/** FUZZ_STATS=1 prints, per method, how many calls reached a result and which errors came back. */
const stats = new Map<string, { ok: number; errors: Record<string, number>; ms: number }>()
function tally(method: string, result: Result<unknown>, ms: number): void {
  if (!process.env.FUZZ_STATS) return
  const entry = stats.get(method) ?? { ok: 0, errors: {}, ms: 0 }
  entry.ms += ms
  if (result.ok) entry.ok++
  else entry.errors[result.error.code] = (entry.errors[result.error.code] ?? 0) + 1
  stats.set(method, entry)
}

/** The answer's shape; the input is described only when something is wrong (it may hold 1 MB strings). */
function checkAnswer(method: string, input: unknown, result: Result<unknown>): void {
  const problem = answerProblem(result)
  if (problem) throw new Error(`${method} ← ${describeInput(input)}: ${problem}: ${describeInput(result)}`)
}

function answerProblem(result: Result<unknown>): string | null {
  if (typeof result !== 'object' || result === null || typeof result.ok !== 'boolean') return 'not a Result'
  if (result.ok) {
    if (!Object.hasOwn(result, 'value')) return 'ok without a value'
  } else {
    const error = result.error as Partial<typeof result.error> | undefined
    if (!error || !(ERROR_CODES as readonly string[]).includes(error.code as string)) return 'unknown error code'
    if (error.code === 'internal') return 'internal error (a bug)'
    if (typeof error.message !== 'string' || error.message.trim() === '') return 'empty error message'
  }
  // It crosses IPC and HTTP as JSON.
  try {
    JSON.stringify(result)
  } catch (error) {
    return `not JSON: ${(error as Error).message}`
  }
  return null
}

function describeInput(input: unknown): string {
  try {
    const text = JSON.stringify(input, (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value))
    return text === undefined ? String(input) : text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text
  } catch {
    return String(input)
  }
}

describe('every API method, hostile input through the contract', () => {
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'crm-hostile-'))
    mkdirSync(join(root, 'sandbox'), { recursive: true })
    api = await testBackend({ file: join(root, 'crm.sqlite') })
    await seed()
  }, 60_000)

  afterAll(async () => {
    if (process.env.FUZZ_STATS) for (const [method, entry] of stats) console.log(method, JSON.stringify(entry))
    await api.env.backend.close()
    await api.close()
    rmSync(root, { recursive: true, force: true })
  })

  it('covers every method of the contract', () => {
    expect(methods.length).toBeGreaterThan(100)
    expect(new Set(methods).size).toBe(methods.length)
  })

  for (const method of methods) {
    it(method, { timeout: 30_000 + RUNS * 500 }, async () => {
      const schema = contract[method].input
      const arbitrary = methodInput(schema, { ids: (field) => idsFor(method, field) }).map((input) => confine(method, input))
      await fc.assert(
        fc.asyncProperty(arbitrary, async (input) => {
          const connection = api.env.ctx.sqlite
          const before = writeCount()
          const started = performance.now()
          let result: Result<unknown>
          try {
            result = await withTimeout(dispatch(api.env, method, input), CALL_LIMIT_MS, method)
          } catch (error) {
            throw new Error(`${method} threw past dispatch for ${describeInput(input)}: ${(error as Error).stack}`)
          }
          const elapsed = performance.now() - started
          if (elapsed > CALL_LIMIT_MS) throw new Error(`${method} took ${Math.round(elapsed)} ms for ${describeInput(input)}`)
          checkAnswer(method, input, result)
          tally(method, result, elapsed)
          if (result.ok) collectIds(result.value, method)
          // (A restore that fails late hands back the database as it was, on a new connection.)
          else if (api.env.ctx.sqlite === connection && writeCount() !== before) {
            throw new Error(
              `${method} failed (${result.error.code}: ${result.error.message}) but wrote ${writesSince(before)}; input ${describeInput(input)}`,
            )
          }
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      )
    })
  }

  it('refuses unknown and hostile method names', async () => {
    for (const name of ['', '../system', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'app-info\u0000', 'APP-INFO', '项目', '😀', HUGE_STRINGS[0]!]) {
      const result = await dispatch(api.env, name, {})
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
    }
  })

  it('answers garbage at the top level of any method with a validation error or a result', { timeout: 30_000 + RUNS * 300 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...methods), hostileTopLevel, async (method, input) => {
        const connection = api.env.ctx.sqlite
        const before = writeCount()
        const result = await withTimeout(dispatch(api.env, method, confine(method, input)), CALL_LIMIT_MS, method)
        checkAnswer(method, input, result)
        if (!result.ok && api.env.ctx.sqlite === connection) expect(writesSince(before)).toBe('[]')
      }),
      { numRuns: RUNS * 3, seed: SEED },
    )
  })

  it('leaves every table byte-identical after failed calls (full content digest)', { timeout: 60_000 }, async () => {
    // The write log above is exact for this connection; this cross-checks it by content, on a
    // fixed sample of calls that must fail (heavily corrupted inputs), to every method in turn.
    let failed = 0
    for (const method of methods) {
      if (method === 'backup-restore') continue // a restore that fails late reopens the database
      const inputs = fc.sample(methodInput(contract[method].input, { ids: (field) => idsFor(method, field) }), { numRuns: 3, seed: SEED ?? 7 })
      for (const raw of inputs) {
        const input = confine(method, raw)
        const before = digest()
        const result = await dispatch(api.env, method, input)
        checkAnswer(method, input, result)
        if (result.ok) continue
        failed++
        expect(digest(), `${method} failed (${result.error.message}) but changed the database; input ${describeInput(input)}`).toBe(before)
      }
    }
    expect(failed).toBeGreaterThan(methods.length / 2)
  })

  it('never pollutes Object.prototype', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined()
  })

  it('leaves a database that passes integrity_check and foreign_key_check', () => {
    const sqlite = api.env.ctx.sqlite
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(sqlite.pragma('foreign_key_check')).toEqual([])
    // The full-text index agrees with its content table.
    expect(() => sqlite.prepare("INSERT INTO search_fts(search_fts) VALUES ('integrity-check')").run()).not.toThrow()
  })
})

// ---- The same over HTTP (browser mode) -----------------------------------------------------------

interface Reply {
  status: number
  body: string
}

function send(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}) {
  return new Promise<Reply>((resolvePromise, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'POST', headers: options.headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, body }))
    })
    // A server that stops reading a huge body may reset the connection: that is an answer too.
    req.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET' || error.code === 'EPIPE' ? resolvePromise({ status: 0, body: '' }) : reject(error),
    )
    if (options.body !== undefined) req.write(options.body)
    req.end()
  })
}

describe('browser-mode server, hostile HTTP', () => {
  let web: TestBackend
  let server: WebServer
  let host: string
  let dir: string

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-hostile-web-'))
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>CRM</title>')
    web = await testBackend()
    web.env.shell = 'web'
    server = await startWebServer({ env: web.env, rendererDir: dir })
    host = `127.0.0.1:${server.port}`
  })

  afterAll(async () => {
    await server.close()
    await web.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const post = (method: string, body: string | Buffer, headers: Record<string, string> = {}) =>
    send(server.port, `/api/${method}`, { headers: { host, 'content-type': 'application/json', 'x-crm-token': server.token, ...headers }, body })

  const alive = async () => {
    const reply = await post('app-info', '{}')
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true })
  }

  /** An answer of the server: a 4xx, or a 200 carrying a typed Result. */
  function expectTyped(reply: Reply, what: string): void {
    if (reply.status === 0) return // connection reset while a too-large body was still being sent
    expect(reply.status, `${what}: ${reply.body.slice(0, 200)}`).toBeGreaterThanOrEqual(200)
    expect(reply.status, `${what}: ${reply.body.slice(0, 200)}`).toBeLessThan(500)
    if (reply.status === 200) {
      const result = JSON.parse(reply.body) as Result<unknown>
      if (!result.ok) {
        expect(ERROR_CODES).toContain(result.error.code)
        expect(result.error.code, `${what}: ${result.error.message}`).not.toBe('internal')
      }
    }
  }

  it('answers invalid JSON with 400 validation', async () => {
    for (const body of ['{not json', '{"a":', '\u0000', '\uD800', 'undefined', "{'a':1}", '{"a":1}}', '[', 'NaN']) {
      const reply = await post('district-create', body)
      expect(reply.status, body).toBe(400)
      expect(JSON.parse(reply.body).error.code).toBe('validation')
    }
    await alive()
  })

  it('answers valid JSON that is not an object with a typed error', async () => {
    for (const body of ['null', '1', '"x"', 'true', '[]', '[{}]', JSON.stringify(JSON.parse('{"__proto__":{"polluted":1}}'))]) {
      expectTyped(await post('district-create', body), body)
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    await alive()
  })

  it('refuses a 25 MB body and stays up', async () => {
    const huge = Buffer.alloc(25 * 1024 * 1024, 'a')
    const reply = await post('district-create', huge)
    if (reply.status !== 0) expect(reply.status).toBeGreaterThanOrEqual(400)
    await alive()
  })

  it('takes depth-1000 JSON and 1 MB strings without falling over', async () => {
    const deep = `${'['.repeat(1000)}1${']'.repeat(1000)}`
    expectTyped(await post('district-create', `{"name":${deep}}`), 'deep array')
    expectTyped(await post('project-list', `{"text":${JSON.stringify(HUGE_STRINGS[1])}}`), '1 MB text')
    await alive()
  })

  it('ignores the content type: the body is JSON or it is refused', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', '']) {
      expectTyped(await post('district-list', '{}', { 'content-type': type }), type)
      expectTyped(await post('district-create', 'name=x', { 'content-type': type }), type)
    }
    await alive()
  })

  it('answers hostile method names with 4xx or unknown_method', async () => {
    const names = [
      '..%2F..%2Fetc%2Fpasswd',
      '%2e%2e',
      '..',
      'app-info%00',
      '%E9%A1%B9%E7%9B%AE',
      '%F0%9F%98%80',
      '__proto__',
      'constructor',
      '%ZZ', // not valid percent-encoding
      '%C0%AE', // overlong UTF-8
      'a'.repeat(5000),
    ]
    for (const name of names) {
      const reply = await post(name, '{}')
      expectTyped(reply, name)
      if (reply.status === 200) expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
    }
    for (const path of ['/api/../api/app-info', '/api//app-info', '/api/app-info/extra', '/api/']) {
      expectTyped(await send(server.port, path, { headers: { host, 'x-crm-token': server.token }, body: '{}' }), path)
    }
    await alive()
  })

  it('answers hostile page paths with 4xx and stays up (a bad %-escape once threw in the request handler)', async () => {
    for (const path of ['/%ZZ', '/%', '/%C0%AE%C0%AE/%C0%AEpasswd', '/%00', '/..%00/index.html', '/%2e%2e%2f%2e%2e%2fetc%2fpasswd', '/\\server\\share', '/C:%5CWindows']) {
      const reply = await send(server.port, `${path}?token=${server.token}`, { method: 'GET', headers: { host } })
      expect(reply.status, path).toBeGreaterThanOrEqual(400)
      expect(reply.status, path).toBeLessThan(500)
    }
    await alive()
  })

  it('refuses attachment-add-path in browser mode, whatever the path', async () => {
    for (const path of ['/etc/passwd', '../../etc/passwd', 'C:\\Windows\\win.ini', '\\\\server\\share\\x']) {
      const reply = await post('attachment-add-path', JSON.stringify({ entity: 'project', entityId: '01JAAAAAAAAAAAAAAAAAAAAAAA', path }))
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
  })

  it('survives random bodies to random methods', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...methods.filter((m) => !/^(backup-|demo-seed|attachment-add-path)/.test(m))),
        fc.oneof(
          hostileTopLevel.map((value) => {
            try {
              return JSON.stringify(value) ?? 'null'
            } catch {
              return '{}'
            }
          }),
          hostileString,
        ),
        async (method, body) => expectTyped(await post(encodeURIComponent(method), body), `${method} ← ${body.slice(0, 100)}`),
      ),
      { numRuns: Math.max(20, RUNS), seed: SEED },
    )
    await alive()
  })
})
