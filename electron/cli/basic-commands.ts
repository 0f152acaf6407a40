// The commands that are one API call each: init, seed-demo and call.
import { callAnyApi } from '../handlers/call-api'
import type { Command } from './command'

const print = (value: unknown) => console.log(JSON.stringify(value, null, 2))

export const init: Command = {
  run: async ({ call }) => {
    const info = await call('app-info', {})
    console.log(`数据库已就绪：${info.dbFile}（结构版本 ${info.schemaVersion}）`)
  },
}

export const seedDemo: Command = {
  run: async ({ call }) => {
    const created = await call('demo-seed', {})
    console.log(`演示数据已载入：${Object.entries(created).map(([k, v]) => `${k} ${v}`).join('，')}`)
  },
}

export const callCommand: Command = {
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
}
