// Shell 3, the command line: `npm run cli -- [--db FILE] <command> ...`, over the same handlers.
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { openBackend } from '../../db/backend'
import { type Locale, isLocale } from '../../db/domain/error-text'
import { resolveDbPath } from '../../db/paths'
import { ApiCallError, apiCaller } from '../handlers/call-api'
import type { HandlerEnv } from '../handlers/types'
import { type ParsedArgs, parseArgs, stringOption } from './args'
import { COMMANDS, usage } from './commands'
import { terminalProgress } from './progress'
import { restoreUnopened } from './storage-commands'

function cliLocale(args: ParsedArgs): Locale {
  const wanted = stringOption(args, 'lang') ?? process.env.CRM_LANG
  return isLocale(wanted) ? wanted : 'zh'
}

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
  // Restoring must work on a database that no longer opens: it never opens the damaged file.
  if (name === 'restore') {
    await restoreUnopened(file, rest, args.options.force === true)
    return 0
  }
  const backend = await openBackend({ file, shell: 'cli' })
  // Backup, restore, check, import and export calls show their progress on a terminal.
  const env: HandlerEnv = { ctx: backend.ctx, backend, shell: 'cli', events: terminalProgress() }
  try {
    // --lang en (or CRM_LANG=en): messages in English, as in the English UI
    const locale = cliLocale(args)
    await command.run({ args: { ...args, positional: rest }, env, call: apiCaller(env, locale), locale })
    return 0
  } finally {
    // A restore swaps env.backend: close the one in use now.
    await env.backend.close()
  }
}

// A piped stdout is written asynchronously: process.exit() right after a large answer cuts it at
// the pipe's buffer (64 KB). Exit only once both streams have handed over everything written.
function exitAfterOutput(code: number): void {
  process.exitCode = code
  let pending = 2
  const done = () => {
    if (--pending === 0) process.exit(code)
  }
  process.stdout.write('', done)
  process.stderr.write('', done)
}

main(process.argv.slice(2)).then(exitAfterOutput, (error: Error) => {
  // an API error says what is wrong in its own words; the method and code are for the tests
  console.error(`错误：${error instanceof ApiCallError ? error.apiError.message : error.message}`)
  exitAfterOutput(1)
})
