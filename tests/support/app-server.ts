// The real browser-mode shell on a temporary database file, for end-to-end tests.
import { cpSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { type Backend, openBackend } from '../../db/backend'
import type { Input, MethodName, Output } from '../../electron/contract'
import { callAnyApi } from '../../electron/handlers/call-api'
import { type WebServer, startWebServer } from '../../electron/server/web-server'

export const ROOT = join(__dirname, '..', '..')
export const ARTIFACTS = join(ROOT, 'test-artifacts')

export interface AppServer {
  backend: Backend
  server: WebServer
  dbFile: string
  close(): Promise<void>
}

/**
 * Calls the app's backend directly (test set-up), as the command line does (electron/handlers/
 * call-api.ts); throws ApiCallError on an error answer. Typed by the contract when the method is a
 * literal; the untyped form (method: string, answer type T) serves helpers that pass names through.
 */
export function callApp<M extends MethodName>(app: AppServer, method: M, input: Input<M>): Promise<Output<M>>
export function callApp<T>(app: AppServer, method: string, input: unknown): Promise<T>
export async function callApp(app: AppServer, method: string, input: unknown): Promise<unknown> {
  return callAnyApi({ ctx: app.backend.ctx, backend: app.backend, shell: 'test' }, method, input)
}

export async function startAppServer(): Promise<AppServer> {
  // CRM_E2E_RENDERER: a renderer built once for several runs (scripts/e2e-under-load.mjs).
  const built = process.env.CRM_E2E_RENDERER ?? join(ROOT, 'out', 'renderer')
  if (!existsSync(join(built, 'index.html'))) throw new Error('out/renderer is missing: run `npm run build` first')
  const folder = mkdtempSync(join(tmpdir(), 'crm-e2e-'))
  // A private copy of the built renderer: a build started meanwhile (another terminal, a parallel
  // job) empties out/ and would otherwise answer this suite's reloads with "not found".
  const rendererDir = join(folder, 'renderer')
  cpSync(built, rendererDir, { recursive: true })
  const dbFile = join(folder, 'crm.sqlite')
  const backend = await openBackend({ file: dbFile })
  const server = await startWebServer({ env: { ctx: backend.ctx, backend, shell: 'web' }, rendererDir })
  return {
    backend,
    server,
    dbFile,
    close: async () => {
      await server.close()
      await backend.close()
    },
  }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true })
  const path = join(ARTIFACTS, `${name}.png`)
  await page.screenshot({ path, fullPage: true })
  return path
}
