// Shell 3, the command line: `npm run cli -- [--db FILE] <command> ...`, over the same handlers.
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { openBackend } from '../../db/backend'
import { resolveDbPath } from '../../db/paths'
import { dispatch } from '../handlers/dispatch'
import type { HandlerEnv } from '../handlers/types'
import { type ParsedArgs, parseArgs, stringOption } from './args'
import { COMMANDS, usage } from './commands'

async function main(argv: string[]): Promise<number> {
  const args: ParsedArgs = parseArgs(argv)
  const [name, ...rest] = args.positional
  const command = name ? COMMANDS[name] : undefined
  if (!command || args.options.help) {
    console.log(usage())
    return name && !command ? 2 : 0
  }
  const file = resolveDbPath(stringOption(args, 'db'))
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const backend = await openBackend({ file })
  const env: HandlerEnv = { ctx: backend.ctx, backend, shell: 'cli' }
  try {
    await command.run({
      args: { ...args, positional: rest },
      env,
      call: async (method, input) => {
        const result = await dispatch(env, method, input)
        if (!result.ok) throw Object.assign(new Error(result.error.message), { apiError: result.error })
        return result.value
      },
    })
    return 0
  } finally {
    await backend.close()
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`错误：${error.message}`)
    process.exit(1)
  },
)
