// The e2e project's global set-up: one copy of the built renderer for the whole run, taken before
// the first file starts. Two browser files run at a time, and parks.test.ts starts `npm run web`,
// which rebuilds out/ when a source is newer than its stamp: the build empties out/renderer for a
// minute, and a file starting its app server meanwhile found no renderer to copy. Every app server
// copies from this snapshot instead (CRM_E2E_RENDERER, read by tests/support/app-server.ts; the
// workers inherit this process's environment). A snapshot given by the caller
// (scripts/e2e-under-load.mjs) is used as it is.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export default function snapshotRenderer(): () => void {
  if (process.env.CRM_E2E_RENDERER) return () => undefined
  const built = join(__dirname, '..', '..', 'out', 'renderer')
  // No build: each file's app server says so itself (run `npm run build` first).
  if (!existsSync(join(built, 'index.html'))) return () => undefined
  const folder = mkdtempSync(join(tmpdir(), 'crm-e2e-renderer-'))
  cpSync(built, join(folder, 'renderer'), { recursive: true })
  process.env.CRM_E2E_RENDERER = join(folder, 'renderer')
  return () => {
    delete process.env.CRM_E2E_RENDERER
    rmSync(folder, { recursive: true, force: true })
  }
}
