// Electronegativity (Doyensec's scanner for Electron misconfigurations) on electron/: every finding
// is either fixed or listed, with the reason, in electron/electronegativity.reviewed.json.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(__dirname, '..', '..')
const ELECTRON_VERSION = (JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version

interface Reviewed {
  check: string
  file: string
  why: string
}

function scan(): { check: string; file: string; line: number }[] {
  const out = join(mkdtempSync(join(tmpdir(), 'crm-eng-')), 'findings.sarif')
  // -e: the installed version (the scanner would otherwise ask the network for release data).
  const bin = join(ROOT, 'node_modules/.bin/electronegativity')
  execFileSync(bin, ['-i', 'electron', '-e', ELECTRON_VERSION, '-r', '-o', out], { cwd: ROOT, stdio: 'ignore', timeout: 170_000 })
  const sarif = JSON.parse(readFileSync(out, 'utf8')) as {
    runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine?: number } } }[] }[] }[]
  }
  return sarif.runs.flatMap((run) =>
    run.results.map((result) => {
      const location = result.locations[0]!.physicalLocation
      return { check: result.ruleId, file: location.artifactLocation.uri, line: location.region?.startLine ?? 0 }
    }),
  )
}

describe('Electronegativity', () => {
  it('finds nothing in electron/ that is not fixed or reviewed', { timeout: 180_000 }, () => {
    const reviewed = (JSON.parse(readFileSync(join(ROOT, 'electron/electronegativity.reviewed.json'), 'utf8')) as { reviewed: Reviewed[] }).reviewed
    const findings = scan()
    const key = (f: { check: string; file: string }) => `${f.check} ${f.file}`
    const listed = new Set(reviewed.map(key))
    expect(findings.filter((f) => !listed.has(key(f)))).toEqual([])
    // A reviewed entry whose finding is gone is removed from the list, so the list stays true.
    const found = new Set(findings.map(key))
    expect(reviewed.filter((r) => !found.has(key(r))).map(key)).toEqual([])
    for (const entry of reviewed) expect(entry.why.length, key(entry)).toBeGreaterThan(20)
  })
})
