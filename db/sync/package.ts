// Sync packages: a gzip file of JSON lines — a header (team, schema version, sender, what the
// sender holds, checksum), then one operation per line — carrying what the receiver has not
// seen. A package is checked whole before anything is applied, and applied in one transaction.
import { createHash } from 'node:crypto'
import { gunzipSync, gzipSync } from 'node:zlib'
import { type Ctx, inTransaction, newId, nowIso } from '../context'
import { deferringCheckpoint } from '../storage/checkpoint'
import { MIGRATIONS } from '../migrations'
import { applyValidated } from './apply'
import { bootstrapFromOperations, canBootstrap } from './bootstrap'
import { ensureReplica, teamIdOf, TEAM_KEY, writeSetting } from './identity'
import { localWatermarks, readOperationsAfter } from './log'
import { type ApplySource, type ApplySummary, type Operation, REPLICA_PATTERN, type Watermarks } from './operation'
import { needsSnapshot, snapshotOperations } from './compact'
import { hasSnapshot } from './snapshot'
import { refused, validateOperations } from './validate'

export const PACKAGE_FORMAT = 'zhaoshang-crm-sync'
export const PACKAGE_VERSION = 1
export const PACKAGE_LIMITS = {
  /** Compressed file size: a whole city's log compresses well below this. */
  maxFileBytes: 512 * 1024 * 1024,
  /** Unpacked size: a zip bomb stops here. */
  maxUnpackedBytes: 2 * 1024 * 1024 * 1024 - 1,
  maxOps: 5_000_000,
}

export interface PackageHeader {
  format: typeof PACKAGE_FORMAT
  version: number
  teamId: string
  /** The sender's newest migration: a receiver that does not know it is older and must upgrade. */
  schemaVersion: string
  sender: string
  /** Null: for any receiver, and then the whole log (a colleague the sender has never heard from
   * may be the one who imports it). */
  receiver: string | null
  /** Per origin, the ops the package starts after: the receiver must hold them already, or the
   * package would leave a gap that its watermarks then hide for good. Empty: the whole log. */
  after?: Watermarks
  /** What the sender held when it wrote the package: the receiver's acknowledgement of it. */
  watermarks: Watermarks
  createdAt: string
  opCount: number
  /** sha256 of the operation lines (joined by '\n'). */
  sha256: string
}

export interface ExportResult {
  bytes: Buffer
  header: PackageHeader
}

export interface ImportResult extends ApplySummary {
  sender: string
  teamId: string
  /** The database had no team yet and joined the package's. */
  joinedTeam: boolean
}

const schemaVersion = () => Object.keys(MIGRATIONS).at(-1)!

/** The team id; a database without one starts a new team now. Inside a transaction. */
export function ensureTeam(ctx: Ctx): string {
  const existing = teamIdOf(ctx.sqlite)
  if (existing) return existing
  const teamId = newId()
  writeSetting(ctx, TEAM_KEY, teamId)
  return teamId
}

/** What a peer has acknowledged: per origin, the greatest hlc it told us it holds. */
export function peerWatermarks(ctx: Ctx, peerId: string): Watermarks {
  const rows = ctx.sqlite.prepare('SELECT origin_id AS o, hlc FROM sync_watermark WHERE peer_id = ?').all(peerId) as { o: string; hlc: string }[]
  return Object.fromEntries(rows.map((row) => [row.o, row.hlc]))
}

export async function exportPackage(ctx: Ctx, options: { forReplica?: string } = {}): Promise<ExportResult> {
  if (options.forReplica !== undefined && !REPLICA_PATTERN.test(options.forReplica)) throw refused('接收方电脑编号格式错误')
  return inTransaction(ctx, async () => {
    const sender = ensureReplica(ctx)
    const teamId = ensureTeam(ctx)
    const known = options.forReplica ? peerWatermarks(ctx, options.forReplica) : {}
    // A receiver that may lack what compaction took out of the log gets the snapshot (each field's
    // winning op) before the log, and the package then starts from nothing.
    const withSnapshot = hasSnapshot(ctx.sqlite) && (!options.forReplica || needsSnapshot(ctx.sqlite, known))
    const after = withSnapshot ? {} : known
    const ops = [...(withSnapshot ? snapshotOperations(ctx.sqlite) : []), ...readOperationsAfter(ctx.sqlite, after, PACKAGE_LIMITS.maxOps)]
    const lines = ops.map((op) => JSON.stringify(op))
    const body = lines.join('\n')
    const header: PackageHeader = {
      format: PACKAGE_FORMAT,
      version: PACKAGE_VERSION,
      teamId,
      schemaVersion: schemaVersion(),
      sender,
      receiver: options.forReplica ?? null,
      after,
      watermarks: localWatermarks(ctx.sqlite),
      createdAt: nowIso(ctx),
      opCount: ops.length,
      sha256: createHash('sha256').update(body).digest('hex'),
    }
    const text = lines.length > 0 ? `${JSON.stringify(header)}\n${body}\n` : `${JSON.stringify(header)}\n`
    return { bytes: gzipSync(Buffer.from(text, 'utf8')), header }
  })
}

/** Unpacks and checks a package whole; nothing is written. */
export function readPackage(bytes: Buffer): { header: PackageHeader; ops: unknown[] } {
  if (bytes.length > PACKAGE_LIMITS.maxFileBytes) throw refused(`文件过大（${bytes.length} 字节），不是有效的同步包`)
  let text: string
  try {
    text = gunzipSync(bytes, { maxOutputLength: PACKAGE_LIMITS.maxUnpackedBytes }).toString('utf8')
  } catch (error) {
    const tooBig = (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE'
    throw refused(tooBig ? '解压后内容过大，不是有效的同步包' : '文件不是同步包（无法解压），请确认选择了“导出同步包”生成的文件')
  }
  const firstBreak = text.indexOf('\n')
  let header: PackageHeader
  try {
    header = JSON.parse(firstBreak < 0 ? text : text.slice(0, firstBreak)) as PackageHeader
  } catch {
    throw refused('同步包的文件头已损坏')
  }
  if (header?.format !== PACKAGE_FORMAT) throw refused('文件不是本软件的同步包')
  if (header.version !== PACKAGE_VERSION) throw refused(`同步包格式版本 ${String(header.version)} 本机不认识，请把两台电脑的软件升级到同一版本`)
  if (typeof header.teamId !== 'string' || !REPLICA_PATTERN.test(header.teamId)) throw refused('同步包的团队编号格式错误')
  if (typeof header.sender !== 'string' || !REPLICA_PATTERN.test(header.sender)) throw refused('同步包的发送方编号格式错误')
  if (typeof header.schemaVersion !== 'string' || !(header.schemaVersion in MIGRATIONS)) {
    throw refused(`同步包来自较新版本的软件（数据结构 ${String(header.schemaVersion).slice(0, 40)}），请先升级本机软件`)
  }
  checkWatermarks(header.watermarks)
  // Packages written before `after` existed start from nothing the receiver must hold.
  header.after ??= {}
  checkWatermarks(header.after)
  const body = firstBreak < 0 ? '' : text.slice(firstBreak + 1).replace(/\n$/, '')
  if (createHash('sha256').update(body).digest('hex') !== header.sha256) throw refused('校验和不符：同步包在传输中损坏或被改动过，请重新导出')
  const lines = body === '' ? [] : body.split('\n')
  if (lines.length !== header.opCount || lines.length > PACKAGE_LIMITS.maxOps) throw refused('同步包中的操作条数与文件头不符')
  const ops = lines.map((line, i) => {
    try {
      return JSON.parse(line) as unknown
    } catch {
      throw refused(`第 ${i + 1} 条操作不是有效的 JSON`)
    }
  })
  return { header, ops }
}

function checkWatermarks(marks: unknown): asserts marks is Watermarks {
  if (typeof marks !== 'object' || marks === null || Array.isArray(marks)) throw refused('同步包的进度信息格式错误')
  for (const [origin, hlc] of Object.entries(marks)) {
    if (!REPLICA_PATTERN.test(origin) || typeof hlc !== 'string' || !hlc.endsWith(`-${origin}`)) throw refused('同步包的进度信息格式错误')
  }
}

/** A package made for this laptop from what it held once (before a restore, say) would leave a gap. */
function refuseGap(ctx: Ctx, after: Watermarks): void {
  const held = localWatermarks(ctx.sqlite)
  const missing = Object.entries(after).filter(([origin, hlc]) => (held[origin] ?? '') < hlc)
  if (missing.length === 0) return
  throw refused(
    `这个同步包接在本机还没有的更早记录之后（来自电脑 ${missing.map(([origin]) => origin).join('、')}），导入会留下缺口。` +
      '请对方导出一份不指定接收方的同步包（设置 → 数据同步 → 导出同步包），或先导入更早的同步包。本机未做任何修改。',
  )
}

export async function importPackage(ctx: Ctx, bytes: Buffer, label: string): Promise<ImportResult> {
  const { header, ops } = readPackage(bytes)
  const validated: Operation[] = validateOperations(ctx.sqlite, ops, ctx.now().getTime())
  // A package may hold a whole team: its pages are copied into the file after the COMMIT, in the
  // background (db/storage/checkpoint.ts).
  return deferringCheckpoint(ctx.sqlite, () =>
    inTransaction(ctx, async () => {
      const local = ensureReplica(ctx)
      if (header.sender === local) throw refused('这是本机自己导出的同步包，无需导入')
      if (header.receiver !== null && header.receiver !== local) throw refused(`这个同步包是发给另一台电脑（${header.receiver}）的`)
      const team = teamIdOf(ctx.sqlite)
      if (team !== null && team !== header.teamId) throw refused('同步包属于另一个团队，不能导入本数据库')
      if (team === null) writeSetting(ctx, TEAM_KEY, header.teamId)
      refuseGap(ctx, header.after ?? {})
      const source: ApplySource = { kind: 'file', label, seen: header.watermarks }
      // A package holding the whole log, on a laptop that holds nothing of the team yet: the team's
      // current state in bulk, as from a hub (db/sync/bootstrap.ts), not a replay of every op.
      const whole = Object.keys(header.after ?? {}).length === 0
      const summary = whole && canBootstrap(ctx) ? bootstrapFromOperations(ctx, validated, source) : applyValidated(ctx, validated, source)
      rememberPeer(ctx, header.sender, header.watermarks)
      return { ...summary, sender: header.sender, teamId: header.teamId, joinedTeam: team === null }
    }),
  )
}

/** Keeps the greatest hlc per origin that the peer has told us it holds. */
function rememberPeer(ctx: Ctx, peerId: string, marks: Watermarks): void {
  const upsert = ctx.sqlite.prepare(
    `INSERT INTO sync_watermark (peer_id, origin_id, hlc, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (peer_id, origin_id) DO UPDATE SET hlc = max(hlc, excluded.hlc), updated_at = excluded.updated_at`,
  )
  for (const [origin, hlc] of Object.entries(marks)) upsert.run(peerId, origin, hlc, nowIso(ctx))
}
