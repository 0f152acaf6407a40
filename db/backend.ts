// One open database with its context: what every shell (Electron, web, command line, tests) holds.
import { type Ctx } from './context'
import { type OpenOptions, openDatabase } from './open'
import { dirname } from 'node:path'
import { loadCurrentUser } from './services/users'

export interface Backend {
  ctx: Ctx
  file: string
  close(): Promise<void>
}

export interface BackendOptions extends OpenOptions {
  /** For tests: a fixed clock. */
  now?: () => Date
}

export async function openBackend(options: BackendOptions): Promise<Backend> {
  const { sqlite, db, close } = await openDatabase(options)
  const ctx: Ctx = {
    db,
    sqlite,
    userId: null,
    dataDir: options.file === ':memory:' ? null : dirname(options.file),
    now: options.now ?? (() => new Date()),
  }
  // The laptop reopens as the person who last chose themselves on this database.
  ctx.userId = await loadCurrentUser(ctx)
  return { ctx, file: options.file, close }
}
