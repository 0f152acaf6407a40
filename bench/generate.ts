// The city-scale dataset: districts, parks, users, industries, tags, events, investors with
// contacts, projects with their stage histories, agreements, funds, requests and negotiation
// records, written with prepared statements in one big transaction straight into better-sqlite3.
//
// Every row is what the services would have written: the same columns (search_keys from the real
// pinyin function, name_norm from the real normaliser), the same change-journal entries (a 'create'
// per record, an 'update' per stage change, tag change and completed next step), and search_doc/FTS
// filled by the migration's own triggers. Rows are inserted in their final state (a project at its
// current stage, a negotiation with its step done) so no UPDATE trigger re-indexes them; the
// journal still records the steps that got them there. Deterministic for a seed.
import Sqlite from 'better-sqlite3'
import article from '../resources/demo/industries.json'
import parksJson from '../resources/demo/parks.json'
import phrases from '../resources/demo/phrases.json'
import words from '../resources/demo/words.json'
import { creditCodeCheckChar } from '../db/domain/credit-code'
import { normalizeInvestorName } from '../db/domain/investor-name'
import { searchKeys } from '../db/domain/pinyin'
import { MAIN_STAGES, type Stage } from '../db/domain/stages'
import { REBUILD_REPORT_FACTS, REPORT_FACT_TRIGGERS } from '../db/services/reports/fact-sql'
import { searchDocsOf, searchInsertTrigger } from '../db/services/search-docs'
import { openDatabase } from '../db/open'
import { Days, makeUlid, seededRng } from './rng'

export interface Sizes {
  projects: number
  investors: number
  negotiations: number
}

export const FULL: Sizes = { projects: 100_000, investors: 20_000, negotiations: 1_000_000 }
export const QUICK: Sizes = { projects: 5_000, investors: 1_000, negotiations: 50_000 }

/** The dataset's "today": every date is on or before it. */
export const NOW_ISO = '2026-03-31'
const FIRST_ISO = '2019-01-01'

export interface PhaseTime {
  phase: string
  rows: number
  seconds: number
  /** CPU time of this process: on a loaded machine, wall time is mostly waiting for a core. */
  cpuSeconds: number
}

export interface GenerateSummary {
  file: string
  seconds: number
  phases: PhaseTime[]
  counts: Record<string, number>
  /** search_keys are searchKeys(whole name); per-word keys were compared with them on a sample. */
  pinyinCheck: { sampled: number; mismatches: number; examples: string[] }
  bytes: number
}

const DISTRICTS: Array<[string, string, number]> = [
  ['历下区', '370102', 10], ['市中区', '370103', 8], ['槐荫区', '370104', 12], ['天桥区', '370105', 8],
  ['历城区', '370112', 12], ['长清区', '370113', 10], ['章丘区', '370114', 10], ['济阳区', '370115', 7],
  ['莱芜区', '370116', 8], ['钢城区', '370117', 4], ['平阴县', '370124', 6], ['商河县', '370126', 5],
]
const PARK_SUFFIXES = ['经济开发区', '高新技术产业园', '智能制造产业园', '现代物流园', '生物医药产业园', '数字经济产业园', '新材料产业园', '总部经济区']
const OUTCOMES: ReadonlyArray<readonly [Stage, number]> = [
  ['lead', 40], ['contacted', 34], ['negotiating', 54], ['signed', 22], ['registered', 20], ['started', 40],
  ['completed', 15], ['operating', 30], ['evaluated', 8], ['on_hold', 12], ['lost', 15], ['terminated', 5],
]
const MILESTONE: Partial<Record<Stage, string>> = {
  signed: 'signedOn', registered: 'registeredOn', started: 'startedOn', completed: 'completedOn', operating: 'operatingOn', evaluated: 'evaluatedOn',
}
const NEG_TYPES = ['visit_out', 'visit_in', 'inspection', 'phone', 'video', 'promotion', 'signing'] as const
const KINDS = ['new', 'new', 'new', 'expansion', 'capital_increase', 'renovation'] as const
const OWNERSHIPS = ['soe', 'central_soe', 'private', 'private', 'private', 'foreign', 'hmt', 'listed'] as const
const CHANNELS = ['investor_referral', 'promotion', 'agency', 'fund', 'resident', 'visit', 'other'] as const
const EVENT_TYPES = ['promotion', 'fair', 'signing', 'expo', 'trip'] as const
const COMPANY_SUFFIXES = ['有限公司', '股份有限公司', '集团有限公司', '科技有限公司']
const PROJECT_PHASES = ['', '', '', '一期', '二期', '三期']
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'

type Values = Record<string, unknown>

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())
const STAMPS = new Set(['id', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'deletedAt'])

/** Prepared inserts by table, positional, columns read from the schema. */
class Writer {
  readonly #db: Sqlite.Database
  readonly #tables = new Map<string, { stmt: Sqlite.Statement; keys: string[] }>()
  readonly #change: Sqlite.Statement
  readonly counts: Record<string, number> = {}

  constructor(db: Sqlite.Database) {
    this.#db = db
    this.#change = db.prepare('INSERT INTO change (entity, entity_id, action, changes, user_id, at) VALUES (?, ?, ?, ?, ?, ?)')
  }

  iso(ms: number): string {
    return new Date(ms).toISOString()
  }

  insert(table: string, values: Values): void {
    let t = this.#tables.get(table)
    if (!t) {
      const columns = (this.#db.pragma(`table_info(${table})`) as Array<{ name: string }>).map((c) => c.name)
      const stmt = this.#db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
      t = { stmt, keys: columns.map(camel) }
      this.#tables.set(table, t)
    }
    const args = new Array<unknown>(t.keys.length)
    for (let i = 0; i < t.keys.length; i++) args[i] = values[t.keys[i]!] ?? null
    t.stmt.run(args)
    this.counts[table] = (this.counts[table] ?? 0) + 1
  }

  journal(entity: string, id: string, action: string, diff: Record<string, [unknown, unknown]>, userId: string | null, at: string): void {
    this.#change.run(entity, id, action, JSON.stringify(diff), userId, at)
    this.counts.change = (this.counts.change ?? 0) + 1
  }

  /**
   * insertRecord: the row with its stamps and a 'create' journal entry of the given values. `final`
   * holds what later updates changed (their entries are journaled by the caller); updatedAt is the
   * time of the last of them.
   */
  record(table: string, entity: string, id: string, values: Values, userId: string | null, at: string, final: Values = {}, updatedAt = at): void {
    this.insert(table, { ...values, ...final, id, createdAt: at, createdBy: userId, updatedAt, updatedBy: userId, deletedAt: null })
    const diff: Record<string, [unknown, unknown]> = {}
    for (const [key, value] of Object.entries(values)) if (!STAMPS.has(key) && value !== null && value !== undefined) diff[key] = [null, value]
    this.journal(entity, id, 'create', diff, userId, at)
  }
}

const SEARCHED = ['investor', 'project', 'contact', 'negotiation']

/**
 * Drops the secondary indexes and the search triggers (insert side) for the load; restore()
 * recreates the indexes, fills search_doc with each trigger's own SELECT run over the whole table,
 * recreates the triggers and rebuilds the FTS index.
 */
function deferIndexesAndSearch(db: Sqlite.Database) {
  const indexes = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").all() as Array<{ name: string; sql: string }>
  const triggerNames = [...SEARCHED.map(searchInsertTrigger), 'search_doc_ai']
  const triggers = triggerNames.map((name) => ({ name, sql: db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck().get(name) as string }))
  for (const { name } of indexes) db.exec(`DROP INDEX ${name}`)
  for (const { name } of triggers) db.exec(`DROP TRIGGER ${name}`)
  // The report facts' triggers look up each project's agreements and events: without the indexes
  // that is a scan per row, so they are set aside too and the facts built in one pass afterwards.
  for (const name of Object.keys(REPORT_FACT_TRIGGERS)) db.exec(`DROP TRIGGER ${name}`)
  return {
    restore(phase: (name: string, rows: number) => void) {
      for (const { sql } of indexes) db.exec(sql)
      phase('secondary indexes (create)', indexes.length)
      let docs = 0
      for (const table of SEARCHED) {
        const trigger = triggers.find((t) => t.name === searchInsertTrigger(table))!.sql
        docs += db.prepare(searchDocsOf(table, trigger)).run().changes
      }
      phase('search_doc (trigger SELECTs over each table)', docs)
      for (const { sql } of triggers) db.exec(sql)
      db.exec("INSERT INTO search_fts (search_fts) VALUES ('rebuild')")
      phase('search_fts rebuild (trigram)', docs)
      for (const statement of REBUILD_REPORT_FACTS) db.exec(statement)
      for (const statement of Object.values(REPORT_FACT_TRIGGERS)) db.exec(statement)
      phase('report facts (migrations 0007 and 0010, one pass)', db.prepare('SELECT count(*) FROM project_report').pluck().get() as number)
    },
  }
}

/**
 * Pinyin keys of a name, exactly as the services compute them: searchKeys() of the whole name.
 * Keys built per word (cheaper) differ for about 1 name in 800, where pinyin-pro's word-aware
 * reading of a polyphonic character changes across a word boundary (杭州长风… reads 长 differently),
 * so per-word keys are only kept to measure that: see pinyinCheck in the summary.
 */
class Pinyin {
  readonly #words = new Map<string, { full: string; initials: string }>()
  readonly #names = new Map<string, string>()
  perWord = 0
  mismatches: string[] = []

  keys(parts: readonly string[]): string {
    const name = parts.join('')
    let keys = this.#names.get(name)
    if (keys === undefined) {
      const k = searchKeys(name)
      keys = `${k.full} ${k.initials}`
      this.#names.set(name, keys)
      if (this.#names.size % 25 === 0) this.#checkPerWord(parts, keys)
    }
    return keys
  }

  #checkPerWord(parts: readonly string[], exact: string): void {
    let full = ''
    let initials = ''
    for (const part of parts) {
      if (!part) continue
      let k = this.#words.get(part)
      if (!k) {
        k = searchKeys(part)
        this.#words.set(part, k)
      }
      full += k.full
      initials += k.initials
    }
    this.perWord++
    if (`${full} ${initials}` !== exact) this.mismatches.push(parts.join(''))
  }
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '')
}

interface Industry {
  id: string
  name: string
  parentId: string | null
  words: string[]
  products: string[]
}

interface Place {
  district: { id: string; name: string; short: string; code: string }
  park: { id: string; name: string; industries: Industry[] } | null
}

interface InvestorInfo {
  id: string
  name: string
  brand: string
  city: string
  contact: string
  industry: Industry
}

export async function generate(file: string, sizes: Sizes, seed: number, log: (line: string) => void = () => {}): Promise<GenerateSummary> {
  const started = performance.now()
  const opened = await openDatabase({ file })
  await opened.close()

  const db = new Sqlite(file)
  // The migrations left the file in WAL mode; leaving WAL needs DELETE first, and better-sqlite3's
  // defensive mode refuses journal_mode = OFF unless unsafe mode is on (for the load only).
  db.unsafeMode(true)
  db.pragma('journal_mode = DELETE')
  const mode = db.pragma('journal_mode = OFF', { simple: true })
  if (mode !== 'off') throw new Error(`could not turn the journal off for the load (journal_mode is ${String(mode)})`)
  db.pragma('synchronous = OFF')
  db.pragma('locking_mode = EXCLUSIVE')
  db.pragma('cache_size = -262144')
  db.pragma('temp_store = MEMORY')
  const w = new Writer(db)
  const py = new Pinyin()
  const rng = seededRng(seed)
  const days = new Days(FIRST_ISO, NOW_ISO)
  const first = Days.of(FIRST_ISO)
  const today = Days.of(NOW_ISO)
  const phases: PhaseTime[] = []
  let phaseStart = performance.now()
  let cpuStart = process.cpuUsage()
  const phase = (name: string, rows: number) => {
    const seconds = (performance.now() - phaseStart) / 1000
    const used = process.cpuUsage(cpuStart)
    const cpuSeconds = (used.user + used.system) / 1e6
    phases.push({ phase: name, rows, seconds, cpuSeconds })
    log(`  ${name}: ${rows.toLocaleString('en')} rows in ${seconds.toFixed(1)} s, CPU ${cpuSeconds.toFixed(1)} s (${Math.round(rows / Math.max(seconds, 1e-3)).toLocaleString('en')}/s)`)
    phaseStart = performance.now()
    cpuStart = process.cpuUsage()
  }
  const ulidAt = (ms: number) => makeUlid(rng, ms)
  const surnames = [...words.surnames]
  const person = () => `${rng.pick(surnames)}${rng.pick(words.givenNames)}`
  const phone = () => `1${rng.pick(['3', '5', '7', '8'])}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`
  const setupAt = days.ms(first - 30, rng)
  const setupIso = w.iso(setupAt)

  // Bulk load: secondary indexes and the search triggers are set aside and rebuilt afterwards from
  // their own SQL (a sort-built index and a set-based search_doc fill are several times faster than
  // row by row; the FTS index is rebuilt from search_doc in one pass). The result is the same rows.
  const deferred = deferIndexesAndSearch(db)
  db.exec('BEGIN')
  // ---- Catalog: users, districts, parks, industries, tags, events -----------------------------
  const staff: Array<{ id: string; name: string }> = []
  const leaders: Array<{ id: string; name: string }> = []
  let admin: string | null = null
  for (let i = 0; i < 240; i++) {
    const role = i < 200 ? 'staff' : i < 220 ? 'manager' : 'leader'
    const id = ulidAt(setupAt + i)
    const name = person()
    w.record('user', 'user', id, { name, role, title: role === 'leader' ? '副区长' : role === 'manager' ? '招商局科长' : '招商专员', phone: phone() }, admin, setupIso)
    admin ??= id
    ;(role === 'leader' ? leaders : staff).push({ id, name })
  }
  const industries: Industry[] = []
  article.industries.forEach((top, i) => {
    const id = ulidAt(setupAt + 1000 + i * 20)
    w.record('industry', 'industry', id, { parentId: null, name: top.name, sortOrder: i }, admin, setupIso)
    top.children.forEach((child, j) => {
      const childId = ulidAt(setupAt + 1001 + i * 20 + j)
      w.record('industry', 'industry', childId, { parentId: id, name: child.name, sortOrder: j }, admin, setupIso)
      industries.push({ id: childId, name: child.name, parentId: id, words: child.words, products: child.products })
    })
  })
  const industryByName = new Map(industries.map((x) => [x.name, x]))
  const tags = article.tags.map((tag, i) => {
    const id = ulidAt(setupAt + 2000 + i)
    w.record('tag', 'tag', id, { name: tag.name, color: tag.color }, admin, setupIso)
    return { id, name: tag.name }
  })
  const demoParks = new Map(parksJson.districts.map((d) => [d.name, d.parks.map((p) => p.name)]))
  const places: Array<{ place: Place; weight: number }> = []
  DISTRICTS.forEach(([name, code, weight], i) => {
    const id = ulidAt(setupAt + 3000 + i * 20)
    const short = name.slice(0, name.length - 1)
    w.record('district', 'district', id, { name, code }, admin, setupIso)
    const district = { id, name, short, code }
    const parkNames = demoParks.get(name) ?? rng.sample(PARK_SUFFIXES, rng.int(4, 6)).map((suffix) => `${short}${suffix}`)
    parkNames.forEach((parkName, j) => {
      const parkId = ulidAt(setupAt + 3001 + i * 20 + j)
      const chainNames = (article.parks as Record<string, string[]>)[parkName]
      const parkIndustries = chainNames ? chainNames.map((n) => industryByName.get(n)!).filter(Boolean) : rng.sample(industries, rng.int(2, 4))
      w.record('park', 'park', parkId, {
        districtId: id,
        name: parkName,
        focusIndustries: parkIndustries.map((x) => x.name).join('、'),
        freeLandCentiMu: rng.int(100, 5000) * 100,
        factorySpaceSqm: rng.int(1, 40) * 10_000,
        contactName: person(),
        contactPhone: phone(),
      }, admin, setupIso)
      places.push({ place: { district, park: { id: parkId, name: parkName, industries: parkIndustries } }, weight: weight / parkNames.length })
    })
    places.push({ place: { district, park: null }, weight: weight * 0.04 })
  })
  const events: string[] = []
  for (let i = 0; i < 400; i++) {
    const day = rng.int(first, today)
    const ms = days.ms(day - rng.int(5, 30), rng)
    const id = ulidAt(ms)
    const city = rng.pick(words.cities).city
    const industry = rng.pick(industries)
    const type = rng.pick(EVENT_TYPES)
    w.record('event', 'event', id, {
      name: `${days.iso(day).slice(0, 4)}济南（${city}）${industry.name}产业招商${type === 'expo' ? '展会' : '推介会'}`,
      type,
      startOn: days.iso(day),
      endOn: days.iso(day + rng.int(0, 2)),
      city,
      organizer: '市投资促进局',
      ownerId: rng.pick(staff).id,
    }, admin, w.iso(ms))
    events.push(id)
  }
  db.prepare("INSERT INTO setting (key, value, updated_at) VALUES ('current_user_id', ?, ?)").run(JSON.stringify(staff[200]!.id), setupIso)
  phase('catalog', 240 + industries.length + tags.length + places.length + 400)

  // ---- Investors and contacts ------------------------------------------------------------------
  const investors: InvestorInfo[] = []
  const investorNames = new Set<string>()
  const creditCodes = new Set<string>()
  for (let i = 0; i < sizes.investors; i++) {
    const cityInfo = rng.weighted(words.cities.map((c) => [c, c.weight] as const))
    const industry = rng.pick(industries)
    let parts: string[] = []
    let brand = ''
    for (let attempt = 0; attempt < 6; attempt++) {
      brand = rng.pick(words.brands)
      parts = [rng.chance(0.7) ? cityInfo.city : '', brand, rng.pick(industry.words), rng.pick(COMPANY_SUFFIXES)]
      if (!investorNames.has(parts.join(''))) break
    }
    const name = parts.join('')
    investorNames.add(name)
    const keys = py.keys(parts)
    let creditCode: string | null = null
    if (rng.chance(0.6)) {
      let body = ''
      do {
        body = `91${cityInfo.code ?? "370100"}`
        for (let k = 0; k < 9; k++) body += CODE_CHARS[rng.int(0, CODE_CHARS.length - 1)]
      } while (creditCodes.has(body))
      creditCodes.add(body)
      creditCode = body + creditCodeCheckChar(body)
    }
    const day = rng.int(first - 60, today - 10)
    const ms = days.ms(day, rng)
    const at = w.iso(ms)
    const id = ulidAt(ms)
    const owner = rng.pick(staff).id
    w.record('investor', 'investor', id, {
      name,
      creditCode,
      ownership: rng.pick(OWNERSHIPS),
      origin: cityInfo.origin,
      originCity: cityInfo.city,
      industryId: industry.id,
      registeredCapitalYuan: rng.chance(0.7) ? rng.int(1, 5000) * 100_000 : null,
      sourceChannel: rng.pick(CHANNELS),
      website: null,
      address: rng.chance(0.5) ? `${cityInfo.city}市${rng.pick(['高新区', '经开区', '滨海新区', '朝阳区'])}${rng.int(1, 999)}号` : null,
      note: null,
      nameNorm: normalizeInvestorName(name),
      searchKeys: keys,
    }, owner, at)
    const nContacts = rng.int(1, 2)
    let primary = ''
    for (let c = 0; c < nContacts; c++) {
      const cName = person()
      const title = rng.pick(words.contactTitles)
      if (c === 0) primary = `${cName}${title}`
      w.record('contact', 'contact', ulidAt(ms + c + 1), { investorId: id, name: cName, title, phone: phone(), isPrimary: c === 0 ? 1 : 0 }, owner, at)
    }
    investors.push({ id, name, brand, city: cityInfo.city, contact: primary, industry })
  }
  phase('investors + contacts', sizes.investors)

  // ---- Projects with stage events, tags, agreements, funds, requests ----------------------------
  interface ProjectInfo {
    id: string
    name: string
    investor: InvestorInfo | null
    ownerId: string
    ownerName: string
    place: Place
    industry: Industry
    reserve: number
    end: number
    rank: number
    yi: string
  }
  const projects: ProjectInfo[] = []
  const placeWeights = places.map((p) => [p.place, p.weight] as const)
  const phaseOf = (stage: Stage) => (MAIN_STAGES as readonly string[]).indexOf(stage)
  let contractSeq = 0
  const requestCats = Object.keys(phrases.requests) as Array<keyof typeof phrases.requests>
  for (let i = 0; i < sizes.projects; i++) {
    const { district, park } = rng.weighted(placeWeights)
    const industry = park ? rng.pick(park.industries) : rng.pick(industries)
    const outcome = rng.weighted(OUTCOMES)
    const investor = rng.chance(0.9) ? investors[rng.int(0, investors.length - 1)]! : null
    const brand = investor && rng.chance(0.7) ? investor.brand : rng.pick(words.brands)
    const prefix = rng.chance(0.35) ? district.short : rng.chance(0.3) ? (investor?.city ?? '') : ''
    const parts = [prefix, brand, rng.pick(industry.products), rng.pick(PROJECT_PHASES), '项目']
    const name = parts.join('')
    const keys = py.keys(parts)
    const owner = rng.pick(staff)
    // The path: main stages up to the outcome (some skipped), or up to a point and then a side stage.
    const target = outcome === 'on_hold' || outcome === 'lost' ? rng.pick(['contacted', 'negotiating'] as const)
      : outcome === 'terminated' ? rng.pick(['signed', 'registered', 'started'] as const) : outcome
    const path: Stage[] = []
    for (let r = 1; r <= phaseOf(target); r++) if (r === phaseOf(target) || !rng.chance(0.15)) path.push(MAIN_STAGES[r]!)
    if (target !== outcome) path.push(outcome)
    const gaps = path.map(() => rng.int(15, 200))
    const span = gaps.reduce((a, b) => a + b, 0)
    const latest = today - span - 1
    const reserve = latest <= first ? first + rng.int(0, Math.max(0, today - first - 1)) : rng.int(first, latest)
    const createdMs = days.ms(reserve, rng)
    const at = w.iso(createdMs)
    const id = ulidAt(createdMs)
    const yiValue = Math.min(200, Math.max(0.1, 3 * Math.exp(1.0 * rng.normal())))
    const totalYuan = rng.chance(0.05) ? null : Math.max(1, Math.round(yiValue * 10_000)) * 10_000
    const created: Values = {
      name,
      investorId: investor?.id ?? null,
      industryId: industry.id,
      chain: rng.chance(0.5) ? industry.name : null,
      kind: rng.pick(KINDS),
      foreignCapitalUsd: investor && rng.chance(0.03) ? rng.int(100, 10_000) * 10_000 : null,
      expectedJobs: rng.chance(0.4) ? rng.int(20, 2000) : null,
      priority: rng.chance(0.05) ? 'provincial' : rng.chance(0.1) ? 'municipal' : rng.chance(0.15) ? 'district' : null,
      ownerId: owner.id,
      leaderId: rng.chance(0.3) ? rng.pick(leaders).id : null,
      sourceEventId: rng.chance(0.1) ? rng.pick(events) : null,
      progress: rng.chance(0.6) ? rng.pick((phrases.progress as Record<string, string[]>)[outcome]!) : null,
      totalInvestmentYuan: totalYuan,
      fixedAssetYuan: totalYuan !== null && rng.chance(0.6) ? Math.round((totalYuan * 0.7) / 10_000) * 10_000 : null,
      landCentiMu: rng.chance(0.4) ? rng.int(10, 500) * 100 : null,
      expectedOutputYuan: totalYuan !== null && rng.chance(0.4) ? totalYuan * 2 : null,
      expectedTaxYuan: totalYuan !== null && rng.chance(0.3) ? Math.round(totalYuan / 10 / 10_000) * 10_000 : null,
      searchKeys: keys,
      parkId: park?.id ?? null,
      districtId: district.id,
      stage: 'lead',
      stageOn: days.iso(reserve),
      reserveOn: days.iso(reserve),
    }
    const final: Values = {}
    const journal: Array<() => void> = []
    let updated = at
    // Tags at creation: setTags journals them by name and touches updated_at.
    if (rng.chance(0.2)) {
      const chosen = rng.sample(tags, rng.int(1, 2))
      journal.push(() => {
        for (const tag of chosen) w.insert('project_tag', { projectId: id, tagId: tag.id })
      })
      journal.push(() => w.journal('project', id, 'update', { tags: [[], chosen.map((t) => t.name).sort()] }, owner.id, at))
    }
    let day = reserve
    let stage: Stage = 'lead'
    let signedDay: number | null = null
    let startedDay: number | null = null
    let registeredDay: number | null = null
    const stageEvents: Array<() => void> = []
    path.forEach((to, k) => {
      day = Math.min(today, day + gaps[k]!)
      const ms = days.ms(day, rng)
      const eventAt = w.iso(Math.max(ms, createdMs + 1))
      const happenedOn = days.iso(day)
      const reason = to === 'on_hold' || to === 'lost' || to === 'terminated' ? rng.pick((phrases.sideReasons as Record<string, string[]>)[to]!) : null
      const from = stage
      const eventId = ulidAt(Math.max(ms, createdMs + 1))
      stageEvents.push(() => w.record('stage_event', 'stageEvent', eventId, { projectId: id, fromStage: from, toStage: to, happenedOn, note: null, reason }, owner.id, eventAt))
      const diff: Record<string, [unknown, unknown]> = { stage: [from, to], stageOn: [final.stageOn ?? created.stageOn, happenedOn] }
      const milestone = MILESTONE[to]
      if (milestone) {
        diff[milestone] = [null, happenedOn]
        final[milestone] = happenedOn
      }
      if (to === 'signed') signedDay = day
      if (to === 'registered') registeredDay = day
      if (to === 'started') startedDay = day
      final.stage = to
      final.stageOn = happenedOn
      stageEvents.push(() => w.journal('project', id, 'update', diff, owner.id, eventAt))
      stage = to
      updated = eventAt
    })
    if (final.stage === 'negotiating' && rng.chance(0.3)) created.planSignedOn = days.iso(today + rng.int(30, 300))
    w.record('project', 'project', id, created, owner.id, at, final, updated)
    for (const j of journal) j()
    for (const e of stageEvents) e()
    // Agreements at the signing; funds after the start; a request after registration.
    if (signedDay !== null) {
      const sDay: number = signedDay
      const year = days.iso(sDay).slice(0, 4)
      const agreement = (type: string, on: number, amount: number | null) => {
        const ms = days.ms(on, rng)
        w.record('agreement', 'agreement', ulidAt(ms), { projectId: id, type, signedOn: days.iso(on), amountYuan: amount, contractNo: `${district.code}-${year}-${++contractSeq}` }, owner.id, w.iso(ms))
      }
      if (rng.chance(0.4)) agreement('framework', Math.max(reserve, sDay - rng.int(10, 90)), totalYuan)
      if (rng.chance(0.85)) agreement('investment', sDay, totalYuan === null ? null : Math.round((totalYuan * (0.9 + rng.next() * 0.2)) / 10_000) * 10_000)
      if (rng.chance(0.08)) agreement('supplement', Math.min(today, sDay + rng.int(30, 300)), null)
    }
    if (startedDay !== null && totalYuan !== null) {
      const n = rng.int(1, 6)
      for (let f = 0; f < n; f++) {
        const on = rng.int(startedDay, today)
        const ms = days.ms(on, rng)
        w.record('funds', 'funds', ulidAt(ms), { projectId: id, arrivedOn: days.iso(on), amountYuan: Math.max(10_000, Math.round((totalYuan * 0.1 * rng.next()) / 10_000) * 10_000) }, owner.id, w.iso(ms))
      }
    }
    if (registeredDay !== null && rng.chance(0.08)) {
      const on = rng.int(registeredDay, today)
      const ms = days.ms(on, rng)
      const category = rng.pick(requestCats)
      w.record('request', 'request', ulidAt(ms), {
        investorId: investor?.id ?? null,
        projectId: id,
        category,
        title: rng.pick(phrases.requests[category]),
        receivedOn: days.iso(on),
        status: 'received',
      }, owner.id, w.iso(ms))
    }
    const rank = path.length === 0 ? 0 : Math.max(...path.map((s) => Math.max(0, phaseOf(s))))
    projects.push({
      id, name, investor, ownerId: owner.id, ownerName: owner.name, place: { district, park }, industry,
      reserve, end: Math.min(today, day + 120), rank, yi: totalYuan === null ? '若干' : (totalYuan / 1e8).toFixed(2),
    })
  }
  phase('projects + stage events, agreements, funds, requests', sizes.projects)

  // ---- Negotiation records -------------------------------------------------------------------
  const weights = projects.map((p) => 2 + p.rank)
  const weightSum = weights.reduce((a, b) => a + b, 0)
  const scale = (sizes.negotiations * 0.9) / weightSum
  const templates = phrases.negotiations as unknown as Record<string, Array<{ type: string; summary: string; result: string; next: string }> | { type: string; summary: string; result: string; next: string }>
  const pickTemplate = (rank: number) => {
    const group = rank <= 1 ? templates.early : rank === 2 ? templates.mid : rank === 3 ? (rng.chance(0.3) ? templates.signing : templates.mid) : templates.landed
    return Array.isArray(group) ? rng.pick(group!) : group!
  }
  let written = 0
  const negotiation = (p: ProjectInfo | null, inv: InvestorInfo, ownerId: string, ownerName: string, on: number, rank: number) => {
    const t = pickTemplate(rank)
    const ms = days.ms(on, rng)
    const at = w.iso(ms)
    const id = ulidAt(ms)
    const park = p?.place.park?.name ?? '园区'
    const values = {
      city: inv.city, contact: inv.contact, investor: inv.name, park, chain: (p?.industry ?? inv.industry).name,
      district: p?.place.district.name ?? '我区', land: String(rng.int(30, 400)), project: p?.name ?? `${inv.brand}项目`, amount: p?.yi ?? '若干',
    }
    const hasNext = rng.chance(0.6)
    const nextDue = hasNext && rng.chance(0.7) ? on + rng.int(7, 45) : null
    const fields: Values = {
      projectId: p?.id ?? null,
      investorId: inv.id,
      happenedOn: days.iso(on),
      type: NEG_TYPES.includes(t.type as never) ? t.type : 'visit_in',
      ourPeople: `${ownerName}${rng.chance(0.3) ? `、${person()}` : ''}`,
      theirPeople: inv.contact,
      summary: fill(t.summary, values),
      result: rng.chance(0.8) ? t.result : null,
      nextStep: hasNext ? fill(t.next, values) : null,
      nextDueOn: nextDue === null ? null : days.iso(nextDue),
      ownerId,
      eventId: rng.chance(0.03) ? rng.pick(events) : null,
    }
    if (nextDue !== null && nextDue < today - 3 && rng.chance(0.85)) {
      const done = Math.min(today, Math.max(on, nextDue + rng.int(-5, 10)))
      const doneAt = w.iso(Math.max(days.ms(done, rng), ms + 1))
      const doneOn = days.iso(done)
      w.record('negotiation', 'negotiation', id, fields, ownerId, at, { nextDoneOn: doneOn }, doneAt)
      w.journal('negotiation', id, 'update', { nextDoneOn: [null, doneOn] }, ownerId, doneAt)
    } else {
      w.record('negotiation', 'negotiation', id, fields, ownerId, at)
    }
    written++
  }
  const fallbackInvestor = investors[0]!
  for (let i = 0; i < projects.length && written < sizes.negotiations; i++) {
    const p = projects[i]!
    const expected = weights[i]! * scale
    const n = Math.min(sizes.negotiations - written, Math.floor(expected) + (rng.next() < expected % 1 ? 1 : 0))
    const ons: number[] = []
    for (let k = 0; k < n; k++) ons.push(rng.int(p.reserve, Math.max(p.reserve, p.end)))
    ons.sort((a, b) => a - b)
    for (const on of ons) negotiation(p, p.investor ?? fallbackInvestor, p.ownerId, p.ownerName, on, p.rank)
  }
  while (written < sizes.negotiations) {
    const inv = investors[rng.int(0, investors.length - 1)]!
    const owner = rng.pick(staff)
    negotiation(null, inv, owner.id, owner.name, rng.int(first, today), 0)
  }
  phase('negotiations', written)
  db.exec('COMMIT')
  phaseStart = performance.now()
  cpuStart = process.cpuUsage()
  deferred.restore(phase)
  // Back to what the app uses: WAL (persistent in the file), FULL sync, normal locking, safe mode.
  db.pragma('locking_mode = NORMAL')
  db.pragma('journal_mode = DELETE')
  const wal = db.pragma('journal_mode = WAL', { simple: true })
  if (wal !== 'wal') throw new Error(`could not set journal_mode back to WAL (${String(wal)})`)
  db.pragma('synchronous = FULL')
  db.unsafeMode(false)
  db.close()

  const { statSync } = await import('node:fs')
  return {
    file,
    seconds: (performance.now() - started) / 1000,
    phases,
    counts: w.counts,
    pinyinCheck: { sampled: py.perWord, mismatches: py.mismatches.length, examples: py.mismatches.slice(0, 5) },
    bytes: statSync(file).size,
  }
}
