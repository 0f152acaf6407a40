// What a command of the command line is given and what it is: its own file, so the command
// modules and the table of commands (commands.ts) do not import each other.
import type { Locale } from '../../db/domain/error-text'
import type { CallApi } from '../handlers/call-api'
import type { HandlerEnv } from '../handlers/types'
import type { ParsedArgs } from './args'

export interface CommandContext {
  args: ParsedArgs
  env: HandlerEnv
  /** Calls an API method through the contract (typed, validated like every other shell); throws ApiCallError. */
  call: CallApi
  /** The language of the API's messages (--lang en, CRM_LANG=en). */
  locale: Locale
}

export interface Command {
  run(context: CommandContext): Promise<void>
}

/** A line of the table of commands: its help text, and its module, loaded only when it runs. */
export interface CommandEntry {
  summary: string
  load(): Promise<Command>
}
