// The reduced mutation run (issue 17): only the lines a change touched in the mutated modules of
// stryker.config.mjs, against the same tests, failing below 90 %. The whole run takes hours on two
// cores; a change of a few functions takes minutes (docs/mutation.md has the measured times).
//
//   npm run mutate:changed                       changes since the merge-base with origin/main
//                                                (or main), else the last commit; uncommitted too
//   MUTATE_BASE=<commit> npm run mutate:changed  changes since that commit
import { execFileSync, spawnSync } from 'node:child_process'
import config from '../stryker.config.mjs'

const git = (...args) => execFileSync('git', args, { encoding: 'utf8' }).trim()
const tryGit = (...args) => {
  try {
    return git(...args)
  } catch {
    return null
  }
}

function baseCommit() {
  if (process.env.MUTATE_BASE) return process.env.MUTATE_BASE
  const branch = tryGit('rev-parse', '--abbrev-ref', 'HEAD')
  for (const ref of ['origin/main', 'main']) {
    if (ref === 'main' && branch === 'main') continue
    const base = tryGit('merge-base', 'HEAD', ref)
    if (base) return base
  }
  return 'HEAD~1'
}

// `file:start-end` ranges of added or changed lines (a pure deletion leaves nothing to mutate)
function changedRanges(base, files) {
  const diff = git('diff', '--unified=0', '--no-color', base, '--', ...files)
  const ranges = []
  let file = null
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) file = line === '+++ /dev/null' ? null : line.slice(6)
    const hunk = /^@@ -\S+ \+(\d+)(?:,(\d+))? @@/.exec(line)
    if (!file || !hunk) continue
    const start = Number(hunk[1])
    const count = hunk[2] === undefined ? 1 : Number(hunk[2])
    if (count > 0) ranges.push(`${file}:${start}-${start + count - 1}`)
  }
  return ranges
}

const base = baseCommit()
const ranges = changedRanges(base, config.mutate)
if (ranges.length === 0) {
  console.log(`mutate:changed: no mutated module changed since ${base.slice(0, 12)}; nothing to run.`)
  process.exit(0)
}
console.log(`mutate:changed: since ${base.slice(0, 12)}, ${ranges.length} changed range(s):\n  ${ranges.join('\n  ')}`)
const run = spawnSync('npx', ['stryker', 'run', '--mutate', ranges.join(','), '--reporters', 'clear-text,progress-append-only,html,json'], {
  stdio: 'inherit',
  env: { ...process.env, MUTATE_BREAK: process.env.MUTATE_BREAK ?? '90' },
})
process.exit(run.status ?? 1)
