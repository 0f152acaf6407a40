// Runs one command of the command line over an opened database. Imported by index.ts only once a
// command is known: the backend (better-sqlite3, migrations, handlers, schemas) is not loaded for
// `--help` or a mistyped command.
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { openBackend } from '../../db/backend'
import { type Locale, isLocale } from '../../db/domain/error-text'
import { resolveDbPath } from '../../db/paths'
import { ApiCallError, apiCaller } from '../handlers/call-api'
import type { HandlerEnv } from '../handlers/types'
import { type ParsedArgs, stringOption } from './args'
import type { Command } from './command'
import { terminalProgress } from './progress'

function cliLocale(args: ParsedArgs): Locale {
  const wanted = stringOption(args, 'lang') ?? process.env.CRM_LANG
  return isLocale(wanted) ? wanted : 'zh'
}

/** `args.positional` holds the command's own words (its name taken off). A failed API call throws its message in plain words. */
export async function runCommand(name: string, args: ParsedArgs, command: Command): Promise<void> {
  try {
    await openAndRun(name, args, command)
  } catch (error) {
    // an API error says what is wrong in its own words; the method and code are for the tests
    if (error instanceof ApiCallError) throw new Error(error.apiError.message, { cause: error })
    throw error
  }
}

async function openAndRun(name: string, args: ParsedArgs, command: Command): Promise<void> {
  const file = resolveDbPath(stringOption(args, 'db'))
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  // Restoring must work on a database that no longer opens: it never opens the damaged file.
  if (name === 'restore') {
    const { restoreUnopened } = await import('./storage-commands')
    return restoreUnopened(file, args.positional, args.options.force === true)
  }
  const backend = await openBackend({ file, shell: 'cli' })
  // Backup, restore, check, import and export calls show their progress on a terminal.
  const env: HandlerEnv = { ctx: backend.ctx, backend, shell: 'cli', events: terminalProgress() }
  try {
    // --lang en (or CRM_LANG=en): messages in English, as in the English UI
    const locale = cliLocale(args)
    await command.run({ args, env, call: apiCaller(env, locale), locale })
  } finally {
    // A restore swaps env.backend: close the one in use now.
    await env.backend.close()
  }
}
