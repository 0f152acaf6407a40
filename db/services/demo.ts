// Demo data from the article in shared/seed: the three districts west of Jinan and their parks,
// and a living ledger on top (staff and leaders, industries and tags, ~150 investors, ~300 projects
// with stage histories, follow-ups, agreements, funds, requests, events and yearly targets).
// Deterministic: a seeded PRNG, with every date relative to ctx.now(). Idempotent: districts and
// parks are found by name; the rest is written once (the setting 'demo_seeded' records it).
// Everything is written by the real services inside one transaction: they join it through
// withTransaction (db/context.ts), so the seed costs one COMMIT (one fsync) and a failure undoes all.
import demo from '../../resources/demo/parks.json'
import { type Ctx, inTransaction, withTransaction } from '../context'
import { addDays } from '../domain/dates'
import { DistrictFields, ParkFields, type SeedSummary } from '../domain/park'
import { seedCatalog } from './demo/catalog'
import { demoClock } from './demo/clock'
import { linkEvents, seedEvents } from './demo/events'
import { seedInvestors } from './demo/investors'
import { type DemoPlace, seedProjects } from './demo/projects'
import { seededRng } from './demo/random'
import { seedTargets } from './demo/targets'
import { insertRecord } from './records'

export const DEMO_MARKER = 'demo_seeded'
const SEED = 20_240_267

/** What one seed created (all zero but districts/parks when the demo ledger is already there). */
export interface DemoSummary extends SeedSummary {
  users: number
  industries: number
  tags: number
  investors: number
  contacts: number
  events: number
  eventLinks: number
  projects: number
  stageEvents: number
  negotiations: number
  agreements: number
  funds: number
  requests: number
  targets: number
}

const NOTHING = {
  users: 0, industries: 0, tags: 0, investors: 0, contacts: 0, events: 0, eventLinks: 0, projects: 0,
  stageEvents: 0, negotiations: 0, agreements: 0, funds: 0, requests: 0, targets: 0,
}

async function seedPlaces(ctx: Ctx): Promise<SeedSummary & { place: DemoPlace }> {
  const created: SeedSummary = { districts: 0, parks: 0 }
  const place: DemoPlace = { districts: new Map(), parks: new Map() }
  await inTransaction(ctx, async (trx) => {
    for (const { parks, ...district } of demo.districts) {
      let districtId = (
        await trx.selectFrom('district').select('id').where('name', '=', district.name).where('deletedAt', 'is', null).executeTakeFirst()
      )?.id
      if (!districtId) {
        districtId = await insertRecord(trx, ctx, 'district', DistrictFields.parse(district))
        created.districts++
      }
      place.districts.set(district.name, districtId)
      for (const park of parks) {
        let parkId = (
          await trx
            .selectFrom('park')
            .select('id')
            .where('districtId', '=', districtId)
            .where('name', '=', park.name)
            .where('deletedAt', 'is', null)
            .executeTakeFirst()
        )?.id
        if (!parkId) {
          const { freeLandMu, ...fields } = ParkFields.parse({ ...park, districtId })
          parkId = await insertRecord(trx, ctx, 'park', { ...fields, freeLandCentiMu: freeLandMu })
          created.parks++
        }
        place.parks.set(park.name, { id: parkId, district: district.name })
      }
    }
  })
  return { ...created, place }
}

async function alreadySeeded(ctx: Ctx): Promise<boolean> {
  const marker = await ctx.db.selectFrom('setting').select('key').where('key', '=', DEMO_MARKER).executeTakeFirst()
  if (marker) return true
  const article = await ctx.db.selectFrom('investor').select('id').where('name', 'like', '%巨能液压%').where('deletedAt', 'is', null).executeTakeFirst()
  return article !== undefined
}

/** Seeds everything and says how many of each were created. */
export async function seedDemoData(ctx: Ctx): Promise<DemoSummary> {
  return withTransaction(ctx, async (inner) => {
    const { place, ...places } = await seedPlaces(inner)
    if (await alreadySeeded(inner)) return { ...places, ...NOTHING }

    const rng = seededRng(SEED)
    const clock = demoClock(inner, rng)
    // The ledger starts in January 2023 (the article's 2023 figures), or two years back at least.
    const first = addDays(clock.today, -730) < '2023-01-01' ? addDays(clock.today, -730) : '2023-01-01'
    const catalog = await seedCatalog(clock.at(first))
    const events = await seedEvents(clock, rng, catalog, first)
    const { investors, contacts } = await seedInvestors(clock, rng, catalog, first)
    const { planned, counts } = await seedProjects({ clock, rng, catalog, place, events, first }, investors)
    const eventLinks = await linkEvents(clock, rng, events, investors)
    const targets = await seedTargets(clock, rng, catalog, place, planned)

    const at = inner.now().toISOString()
    await inner.db
      .insertInto('setting')
      .values({ key: DEMO_MARKER, value: JSON.stringify({ seed: SEED, at, projects: counts.projects }), updatedAt: at })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute()
    return {
      ...places,
      ...catalog.created,
      investors: investors.length,
      contacts,
      events: events.length,
      eventLinks,
      ...counts,
      targets,
    }
  })
}

/** The demo-seed method: what the welcome banner reports (districts and parks created). */
export async function seedDemo(ctx: Ctx): Promise<SeedSummary> {
  const { districts, parks } = await seedDemoData(ctx)
  return { districts, parks }
}
