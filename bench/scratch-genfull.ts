import { generate, FULL } from './generate'
import { rmSync } from 'node:fs'
async function main() {
  rmSync('/tmp/bench-full/crm.sqlite', { force: true })
  const r = await generate('/tmp/bench-full/crm.sqlite', FULL, 20260331, console.log)
  console.log(JSON.stringify({ ...r, phases: undefined }))
}
void main()
