// Serves the built renderer on crm://app/ (see policy.ts: why not file://). Only files inside
// out/renderer are answered, each with the CSP header.
import { protocol } from 'electron'
import { existsSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { CONTENT_SECURITY_POLICY } from '../csp'
import { APP_SCHEME, resolveAppFile } from './policy'
import { contentTypeOf } from '../content-type'

/**
 * Before app ready: crm: behaves like a web origin (standard, secure, fetch), nothing more, and may
 * keep V8's code cache as http(s) does (Electron keeps none for a scheme that does not ask). What
 * the window saves by it could not be measured here: the Chromium of these machines reads back a
 * classic script's code cache but never a module script's (README, performance).
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }])
}

/** After app ready. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(request.url, rendererDir)
    if (!file || !existsSync(file) || !statSync(file).isFile()) return new Response('not found', { status: 404 })
    return new Response(await readFile(file), {
      headers: {
        'content-type': contentTypeOf(file),
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      },
    })
  })
}
