// The child process of the crash test (tests/unit/crash.test.ts), killed with SIGKILL at a random
// moment. Two modes:
//   writer.ts <db> <seed>      acknowledged writes until killed: `BEGIN <n> <kind> <id|-> [arg]` before
//                              each write, `ACK <n> <id> <kind> [arg]` once its commit returned
//   writer.ts --probe <db>     tries to open the file: prints `OPENED` or `REFUSED <message>`
// Inputs go through the API's zod schemas, as in the app. Lines go out with writeSync: an ACK is on the pipe before the next write starts, never buffered.
import { writeSync } from 'node:fs'
import { openBackend } from '../../db/backend'
import { inTransaction } from '../../db/context'
import { DistrictFields, ParkFields } from '../../db/domain/park'
import { createDistrict } from '../../db/services/districts'
import { createPark, deletePark, updatePark } from '../../db/services/parks'
import { insertRecord } from '../../db/services/records'

const BATCH_SIZE = 200
const say = (line: string) => writeSync(1, `${line}\n`)

async function probe(file: string): Promise<void> {
  try {
    const backend = await openBackend({ file, shell: 'cli', autoBackup: false })
    say('OPENED')
    await backend.close()
  } catch (error) {
    say(`REFUSED ${(error as Error).message}`)
  }
}

async function write(file: string, seed: number): Promise<void> {
  // Shell 'web': the parent checks the refusal message names browser mode.
  const backend = await openBackend({ file, shell: 'web' })
  const { ctx } = backend
  // mulberry32: neighbouring seeds give unrelated sequences (a bare LCG starts them all alike).
  let state = Math.imul(seed, 0x9e3779b9) >>> 0
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = Math.imul(state ^ (state >>> 15), state | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
  const live: string[] = []
  let n = 0

  say(`BEGIN ${++n} district-create -`)
  const district = await createDistrict(ctx, DistrictFields.parse({ name: `D-${seed}` }))
  say(`ACK ${n} ${district.id} district-create`)
  say('READY')

  for (;;) {
    const r = random()
    n++
    if (r < 0.35 || live.length === 0) {
      say(`BEGIN ${n} park-create -`)
      const park = await createPark(ctx, ParkFields.parse({ districtId: district.id, name: `P-${seed}-${n}`, note: 'v0' }))
      live.push(park.id)
      say(`ACK ${n} ${park.id} park-create v0`)
    } else if (r < 0.6) {
      const id = live[Math.floor(random() * live.length)]!
      say(`BEGIN ${n} park-update ${id} v${n}`)
      await updatePark(ctx, { id, note: `v${n}` })
      say(`ACK ${n} ${id} park-update v${n}`)
    } else if (r < 0.7) {
      const id = live.splice(Math.floor(random() * live.length), 1)[0]!
      say(`BEGIN ${n} park-delete ${id}`)
      await deletePark(ctx, id)
      say(`ACK ${n} ${id} park-delete`)
    } else if (r < 0.8) {
      say(`BEGIN ${n} district-create -`)
      const other = await createDistrict(ctx, DistrictFields.parse({ name: `D-${seed}-${n}` }))
      say(`ACK ${n} ${other.id} district-create`)
    } else {
      // An import in miniature: many rows (and their journal entries) in one transaction.
      const tag = `B-${seed}-${n}`
      say(`BEGIN ${n} batch ${tag} ${BATCH_SIZE}`)
      await inTransaction(ctx, async (trx) => {
        for (let i = 0; i < BATCH_SIZE; i++) {
          await insertRecord(trx, ctx, 'park', { districtId: district.id, name: `${tag}-${i}`, note: 'batch' })
        }
      })
      say(`ACK ${n} ${tag} batch ${BATCH_SIZE}`)
    }
  }
}

const [first, second] = process.argv.slice(2)
if (first === '--probe') await probe(second!)
else await write(first!, Number(second))
