// npm start / npm run web build only when a source is newer than the last build.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
// @ts-expect-error plain JavaScript script without type declarations
import { markBuilt, needsBuild } from '../../scripts/needs-build.mjs'

describe('needsBuild', () => {
  const root = mkdtempSync(join(tmpdir(), 'crm-needs-build-'))
  afterEach(() => rmSync(root, { recursive: true, force: true }))

  const touch = (path: string, secondsAgo: number) => {
    const at = new Date(Date.now() - secondsAgo * 1000)
    utimesSync(join(root, path), at, at)
  }

  it('builds the first time, skips when nothing changed, builds again after a change', () => {
    mkdirSync(join(root, 'renderer', 'src'), { recursive: true })
    mkdirSync(join(root, 'out'), { recursive: true })
    writeFileSync(join(root, 'renderer', 'src', 'App.tsx'), 'export {}')
    touch('renderer/src/App.tsx', 60)
    touch('renderer/src', 60)
    touch('renderer', 60)
    expect(needsBuild(root)).toBe(true)
    markBuilt(root)
    expect(needsBuild(root)).toBe(false)
    writeFileSync(join(root, 'renderer', 'src', 'App.tsx'), 'export const changed = 1')
    utimesSync(join(root, 'out', '.built'), new Date(Date.now() - 30_000), new Date(Date.now() - 30_000))
    expect(needsBuild(root)).toBe(true)
  })
})
