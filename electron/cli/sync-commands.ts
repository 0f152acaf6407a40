// `sync export FILE [--for REPLICA] | import FILE | status`: sync between laptops by file.
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { SYNC_TABLE_LABELS, type SyncImportView } from '../../db/domain/sync'
import { inTransaction } from '../../db/context'
import { compactLog } from '../../db/sync/compact'
import { listMerges, listReviews, syncStatus } from '../../db/sync/lists'
import { exportPackage, importPackage } from '../../db/sync/package'
import { describeImport } from '../handlers/sync'
import { stringOption } from './args'
import type { Command, CommandContext } from './command'

const counts = (map: Record<string, number>) =>
  Object.entries(map)
    .map(([table, n]) => `${SYNC_TABLE_LABELS[table] ?? table} ${n}`)
    .join('，') || '无'

export function printImport(view: SyncImportView): void {
  console.log(`收到 ${view.received} 条操作：新应用 ${view.applied}，已有而跳过 ${view.skipped}${view.joinedTeam ? '（本机已加入发送方的团队）' : ''}`)
  console.log(`新增记录：${counts(view.added)}`)
  console.log(`修改记录：${counts(view.changed)}`)
  if (view.byUser.length > 0) console.log(`修改人：${view.byUser.map((u) => `${u.name} ${u.count}`).join('，')}`)
  console.log(`同步时合并的重复记录：${view.merged}，待核对：${view.toReview}`)
}

async function syncExport({ args, env }: CommandContext): Promise<void> {
  const [file] = args.positional.slice(1)
  if (!file) throw new Error('缺少文件名，例如：sync export 给王科长.crmsync [--for 对方电脑编号]')
  const forReplica = stringOption(args, 'for')
  const { bytes, header } = await exportPackage(env.ctx, forReplica ? { forReplica } : {})
  const target = resolve(file)
  // Written beside and renamed: a half-written package never carries the final name.
  writeFileSync(`${target}.part`, bytes)
  renameSync(`${target}.part`, target)
  console.log(`已导出同步包：${target}（${header.opCount} 条操作，${(bytes.length / 1024).toFixed(1)} KB，本机编号 ${header.sender}）`)
}

async function syncImport({ args, env }: CommandContext): Promise<void> {
  const [file] = args.positional.slice(1)
  if (!file) throw new Error('缺少同步包文件，例如：sync import 来自张三.crmsync')
  const result = await importPackage(env.ctx, readFileSync(resolve(file)), file)
  printImport(describeImport(env.ctx, result))
}

async function syncShow({ env }: CommandContext): Promise<void> {
  const status = await syncStatus(env.ctx)
  console.log(`团队：${status.teamId ?? '（尚未开始或加入团队：导出同步包即开始新团队，导入同事的同步包即加入）'}`)
  console.log(`本机编号：${status.replicaId}，操作记录 ${status.operations} 条`)
  for (const peer of status.peers) console.log(`  同事电脑 ${peer.replicaId}：最近一次收到其同步包 ${peer.lastHeardAt}`)
  const merges = (await listMerges(env.ctx)).filter((m) => m.undoneAt === null)
  console.log(`同步时合并的重复记录：${merges.length}`)
  for (const m of merges.slice(0, 20)) console.log(`  ${SYNC_TABLE_LABELS[m.table] ?? m.table}：“${m.loserName}”并入“${m.survivorName}”（${m.reason}）`)
  const reviews = await listReviews(env.ctx)
  console.log(`待核对：${reviews.length}`)
  for (const r of reviews.slice(0, 20)) {
    console.log(`  ${SYNC_TABLE_LABELS[r.table] ?? r.table}“${r.recordName}”的 ${r.field}：现为 ${JSON.stringify(r.current.value)}（${r.current.userName}，${r.current.at}），被覆盖 ${JSON.stringify(r.other.value)}（${r.other.userName}，${r.other.at}）`)
  }
}

/** Moves what every known colleague (and the hub) acknowledged out of the log into the snapshot. */
async function syncCompact({ env }: CommandContext): Promise<void> {
  const result = await inTransaction(env.ctx, async () => compactLog(env.ctx))
  if (result.records === 0) {
    console.log(`操作记录 ${result.before} 条，没有可压缩的：还没有同事（或中心库）确认收到过本机的记录。`)
    return
  }
  console.log(`已压缩操作记录：${result.before} 条 → ${result.after} 条（${result.records} 条记录的历史并入快照；尚未被所有同事确认的操作保留）`)
}

export const syncCommand: Command = {
  run: async (context: CommandContext) => {
    const [sub] = context.args.positional
    if (sub === 'export') return syncExport(context)
    if (sub === 'import') return syncImport(context)
    if (sub === 'compact') return syncCompact(context)
    if (sub === 'status' || sub === undefined) return syncShow(context)
    throw new Error(`未知的 sync 子命令：${sub}（可用：export、import、compact、status）`)
  },
}
