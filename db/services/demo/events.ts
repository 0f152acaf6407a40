// About 15 招商活动 over the period: 推介会 in 北京/上海/深圳, 签约仪式, 展会, 外出招商. Created
// before the projects (which may name one as their source); the investors met and the projects
// signed there are linked once the projects exist.
import article from '../../../resources/demo/article.json'
import { addDays, daysBetween } from '../../domain/dates'
import { EventFields, EventUpdate } from '../../domain/event'
import type { EventType } from '../../domain/vocab'
import { createEvent, updateEvent } from '../events'
import type { DemoCatalog } from './catalog'
import type { DemoClock } from './clock'
import type { DemoInvestor } from './investors'
import type { Rng } from './random'

export interface DemoEvent {
  id: string
  name: string
  type: EventType
  startOn: string
  investorIds: Set<string>
  projectIds: Set<string>
}

export async function seedEvents(clock: DemoClock, rng: Rng, catalog: DemoCatalog, first: string): Promise<DemoEvent[]> {
  const span = daysBetween(first, clock.today)
  const managers = catalog.users.filter((user) => user.role !== 'leader')
  const events: DemoEvent[] = []
  for (const spec of article.events) {
    // `at` is a fraction of the period; beyond 1 the event is still ahead (three weeks from today).
    const startOn = spec.at > 1 ? addDays(clock.today, 21) : addDays(first, Math.round(spec.at * span))
    const year = startOn.slice(0, 4)
    const name = spec.type === 'expo' || spec.type === 'trip' ? `${year}${spec.name}` : `${year}年${spec.name}`
    const owner = rng.pick(managers)
    const input = EventFields.parse({
      name,
      type: spec.type,
      startOn,
      endOn: spec.days > 1 ? addDays(startOn, spec.days - 1) : null,
      city: spec.city,
      organizer: spec.organizer,
      ownerId: owner.id,
      note: spec.at > 1 ? '筹备中：已发出邀请函，正在确认参会客商名单' : null,
    })
    const created = await createEvent(clock.at(startOn < clock.today ? addDays(startOn, -rng.int(10, 30)) : clock.today, owner.id), input)
    events.push({ id: created.id, name, type: spec.type as EventType, startOn, investorIds: new Set(), projectIds: new Set() })
  }
  return events
}

/** Links what the projects recorded, plus a few investors met at each past event from its city. */
export async function linkEvents(clock: DemoClock, rng: Rng, events: DemoEvent[], investors: DemoInvestor[]): Promise<number> {
  let links = 0
  for (const [index, event] of events.entries()) {
    if (event.startOn > clock.today) continue
    const city = article.events[index]!.city
    for (const investor of rng.sample(investors.filter((i) => i.city === city), rng.int(1, 4))) event.investorIds.add(investor.id)
    if (event.investorIds.size === 0 && event.projectIds.size === 0) continue
    const input = EventUpdate.parse({ id: event.id, investorIds: [...event.investorIds], projectIds: [...event.projectIds] })
    await updateEvent(clock.at(event.startOn), input)
    links += event.investorIds.size + event.projectIds.size
  }
  return links
}
