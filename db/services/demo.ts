// Demo data from the article in shared/seed: the three districts west of Jinan and their parks.
// Idempotent: what already exists (by name) is left as it is.
import demo from '../../resources/demo/parks.json'
import { type Ctx, inTransaction } from '../context'
import { DistrictFields, ParkFields, type SeedSummary } from '../domain/park'
import { insertRecord } from './records'

export async function seedDemo(ctx: Ctx): Promise<SeedSummary> {
  return inTransaction(ctx, async (trx) => {
    const created: SeedSummary = { districts: 0, parks: 0 }
    for (const { parks, ...district } of demo.districts) {
      let districtId = (
        await trx.selectFrom('district').select('id').where('name', '=', district.name).where('deletedAt', 'is', null).executeTakeFirst()
      )?.id
      if (!districtId) {
        districtId = await insertRecord(trx, ctx, 'district', DistrictFields.parse(district))
        created.districts++
      }
      for (const park of parks) {
        const exists = await trx
          .selectFrom('park')
          .select('id')
          .where('districtId', '=', districtId)
          .where('name', '=', park.name)
          .where('deletedAt', 'is', null)
          .executeTakeFirst()
        if (exists) continue
        const { freeLandMu, ...fields } = ParkFields.parse({ ...park, districtId })
        await insertRecord(trx, ctx, 'park', { ...fields, freeLandCentiMu: freeLandMu })
        created.parks++
      }
    }
    return created
  })
}
