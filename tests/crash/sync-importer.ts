// The child process of the sync crash test (db/sync/crash.test.ts): imports one sync package into
// a database file and is killed with SIGKILL somewhere in the middle.
//   sync-importer.ts <db> <package>   prints `START` before the import and `DONE <applied>` after
import { readFileSync, writeSync } from 'node:fs'
import { openBackend } from '../../db/backend'
import { importPackage } from '../../db/sync/package'

const say = (line: string) => writeSync(1, `${line}\n`)

async function main(file: string, pkg: string): Promise<void> {
  const backend = await openBackend({ file, shell: 'cli', autoBackup: false })
  const bytes = readFileSync(pkg)
  say('START')
  const result = await importPackage(backend.ctx, bytes, 'crash-test')
  say(`DONE ${result.applied}`)
  await backend.close()
}

const [file, pkg] = process.argv.slice(2)
main(file!, pkg!).catch((error: Error) => {
  say(`FAILED ${error.message}`)
  process.exit(1)
})
