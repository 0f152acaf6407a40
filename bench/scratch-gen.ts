import { generate, QUICK } from './generate'
import { rmSync } from 'node:fs'
async function main() {
  rmSync('/tmp/bq.sqlite', { force: true })
  const r = await generate('/tmp/bq.sqlite', QUICK, 42, console.log)
  console.log(JSON.stringify({ ...r, phases: undefined }, null, 1))
}
void main()
