// The command line's commands. Each one is a thin wrapper over API calls.
import { callAnyApi } from '../handlers/call-api'
import type { Command } from './command'
import { HUB_COMMANDS } from './hub-commands'
import { LEDGER_COMMANDS } from './ledger-commands'
import { reportCommand } from './report-command'
import { STORAGE_COMMANDS } from './storage-commands'
import { SYNC_COMMANDS } from './sync-commands'

const print = (value: unknown) => console.log(JSON.stringify(value, null, 2))

export const COMMANDS: Record<string, Command> = {
  init: {
    summary: 'init                      创建或升级数据库',
    run: async ({ call }) => {
      const info = await call('app-info', {})
      console.log(`数据库已就绪：${info.dbFile}（结构版本 ${info.schemaVersion}）`)
    },
  },
  'seed-demo': {
    summary: 'seed-demo                 载入演示数据（已存在的不重复创建）',
    run: async ({ call }) => {
      const created = await call('demo-seed', {})
      console.log(`演示数据已载入：${Object.entries(created).map(([k, v]) => `${k} ${v}`).join('，')}`)
    },
  },
  call: {
    summary: "call <method> ['<json>']   调用任一接口，例如 call park-list '{}'",
    run: async ({ args, env, locale }) => {
      const [method, json] = args.positional
      if (!method) throw new Error('缺少接口名称')
      let input: unknown = {}
      try {
        input = json ? JSON.parse(json) : {}
      } catch {
        throw new Error('输入不是有效的 JSON')
      }
      print(await callAnyApi(env, method, input, locale))
    },
  },
  ...STORAGE_COMMANDS,
  report: reportCommand,
  ...LEDGER_COMMANDS,
  ...HUB_COMMANDS,
  ...SYNC_COMMANDS,
}

export function usage(): string {
  return [
    '用法：npm run cli -- [--db FILE] <命令> [参数]',
    '',
    '命令：',
    ...Object.values(COMMANDS).map((c) => `  ${c.summary}`),
    '',
    '数据库默认位于用户数据目录，可用 --db FILE 或环境变量 CRM_DB 指定。',
    '--lang en（或环境变量 CRM_LANG=en）：接口的错误信息用英文。',
  ].join('\n')
}
