// About 150 investors (客商): the article's companies and made-up ones with realistic names,
// ownership and origin mixes, valid credit codes for about half, and one to three contacts each.
import article from '../../../resources/demo/article.json'
import catalog from '../../../resources/demo/industries.json'
import words from '../../../resources/demo/words.json'
import { creditCodeCheckChar } from '../../domain/credit-code'
import { InvestorCreate } from '../../domain/investor'
import type { Origin, Ownership, SourceChannel } from '../../domain/vocab'
import { createInvestor } from '../investors'
import type { DemoCatalog } from './catalog'
import type { DemoClock } from './clock'
import type { Rng } from './random'

export const INVESTOR_COUNT = 150

export interface DemoInvestor {
  id: string
  key: string
  name: string
  /** What project names start with: 巨能液压, 华瑞… */
  short: string
  city: string
  origin: Origin
  ownership: Ownership
  industry: string
  tags: string[]
  contacts: Array<{ name: string; title: string }>
}

const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'

export function personName(rng: Rng): string {
  return rng.pick([...words.surnames]) + rng.pick(words.givenNames)
}

export function mobile(rng: Rng): string {
  return `1${rng.pick(['3', '5', '7', '8', '9'])}${rng.int(0, 9)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`
}

function creditCode(rng: Rng, division: string, used: Set<string>): string {
  for (;;) {
    let org = ''
    for (let i = 0; i < 8; i++) org += i < 2 || rng.chance(0.7) ? String(rng.int(0, 9)) : rng.pick([...CODE_CHARS.slice(10)])
    org += rng.pick([...CODE_CHARS])
    const first17 = `91${division}${org}`
    const code = first17 + creditCodeCheckChar(first17)
    if (!used.has(code)) {
      used.add(code)
      return code
    }
  }
}

const CITY_PREFIX: Record<string, string[]> = {
  北京: ['北京'], 上海: ['上海'], 深圳: ['深圳市'], 杭州: ['杭州'], 苏州: ['苏州'], 南京: ['南京'], 广州: ['广州'],
  天津: ['天津'], 合肥: ['合肥'], 武汉: ['武汉'], 青岛: ['青岛', '山东'], 烟台: ['烟台', '山东'], 潍坊: ['潍坊', '山东'],
  淄博: ['淄博', '山东'], 济南: ['济南', '山东'],
}

function ownershipOf(rng: Rng, origin: Origin, city: string): Ownership {
  if (city === '香港') return 'hmt'
  if (origin === 'overseas') return 'foreign'
  return rng.weighted<Ownership>([
    ['private', 60],
    ['listed', 13],
    ['soe', origin === 'local' || origin === 'in_province' ? 22 : 8],
    ['central_soe', city === '北京' ? 14 : 2],
  ])
}

function suffixOf(rng: Rng, ownership: Ownership, word: string): string {
  if (ownership === 'listed') return '股份有限公司'
  if (ownership === 'soe') return rng.pick(['集团有限公司', '投资发展有限公司', '有限公司'])
  if (ownership === 'central_soe') return '集团有限公司'
  return /科技|工程|生物|股份/.test(word) ? '有限公司' : rng.pick(['有限公司', '科技有限公司', '有限公司'])
}

const CAPITAL_WAN: Record<Ownership, [number, number]> = {
  private: [1000, 50000], listed: [20000, 300000], soe: [50000, 800000], central_soe: [100000, 2000000],
  foreign: [5000, 100000], hmt: [3000, 60000],
}

interface Planned {
  key: string
  name: string
  short: string
  city: string
  division: string | null
  origin: Origin
  ownership: Ownership
  industry: string
  capitalWan: number
  channel: SourceChannel
  tags: string[]
  note: string | null
  withCode: boolean
}

function planInvestors(rng: Rng): Planned[] {
  const cityOf = (name: string) => words.cities.find((c) => c.city === name)!
  const planned: Planned[] = article.investors.map((a) => ({
    key: a.key,
    name: a.name,
    short: a.key === 'logistics' ? '平阴现代物流' : a.name.replace(/^(济南|山东|北京|上海)/, '').replace(/(科技)?(股份|集团)?有限公司$|公路股份有限公司$|服务集团有限公司$|投资有限公司$/, '').slice(0, 4),
    city: a.city,
    division: cityOf(a.city).code,
    origin: cityOf(a.city).origin as Origin,
    ownership: a.ownership as Ownership,
    industry: a.industry,
    capitalWan: a.capitalWan,
    channel: a.channel as SourceChannel,
    tags: a.tags,
    note: a.note,
    // Real companies: their real codes are not ours to make up.
    withCode: false,
  }))
  const names = new Set(planned.map((p) => p.name))
  const chains = Object.values(catalog.parks).flat()
  const foreignLeft = new Map(Object.entries(words.foreignNames).map(([city, list]) => [city, [...list]]))
  while (planned.length < INVESTOR_COUNT) {
    const place = rng.weighted(words.cities.map((c) => [c, c.weight] as const))
    const origin = place.origin as Origin
    const ownership = ownershipOf(rng, origin, place.city)
    const industry = rng.pick(chains)
    const chain = catalog.industries.flatMap((top) => top.children).find((child) => child.name === industry)!
    let name: string
    let short: string
    if (origin === 'overseas') {
      const left = foreignLeft.get(place.city)!
      if (left.length === 0) continue
      name = left.shift()!
      short = name.replace(/^(香港|德国|新加坡|日本|韩国)/, '').slice(0, 4)
    } else {
      const brand = rng.pick(words.brands)
      const word = rng.pick(chain.words)
      const prefix = ownership === 'central_soe' ? '中国' : rng.pick(CITY_PREFIX[place.city] ?? [place.city])
      name = `${prefix}${brand}${word}${suffixOf(rng, ownership, word)}`
      short = brand
    }
    if (names.has(name)) continue
    names.add(name)
    const tags: string[] = []
    if (ownership === 'listed') tags.push('上市公司')
    if ((ownership === 'soe' || ownership === 'central_soe') && rng.chance(0.35)) tags.push('中国500强')
    if ((ownership === 'foreign' || ownership === 'central_soe') && rng.chance(0.3)) tags.push('世界500强')
    if (ownership === 'private' && rng.chance(0.15)) tags.push('专精特新')
    if (ownership === 'private' && rng.chance(0.12)) tags.push('瞪羚企业')
    if (ownership === 'private' && rng.chance(0.03)) tags.push('独角兽')
    if ((place.city === '北京' || place.city === '上海') && rng.chance(0.5)) tags.push('京沪系')
    const [low, high] = CAPITAL_WAN[ownership]
    planned.push({
      key: `gen${planned.length}`,
      name,
      short,
      city: place.city,
      division: place.code,
      origin,
      ownership,
      industry,
      capitalWan: Math.round(rng.int(low, high) / 100) * 100,
      channel: rng.weighted<SourceChannel>([
        ['investor_referral', 25], ['promotion', 20], ['agency', 12], ['fund', 6], ['resident', 12], ['visit', 20], ['other', 5],
      ]),
      tags,
      note: null,
      withCode: place.code !== null && rng.chance(0.58),
    })
  }
  return planned
}

export async function seedInvestors(clock: DemoClock, rng: Rng, catalogIds: DemoCatalog, firstDate: string): Promise<{ investors: DemoInvestor[]; contacts: number }> {
  const usedCodes = new Set<string>()
  const investors: DemoInvestor[] = []
  let contactCount = 0
  const staff = catalogIds.users.filter((user) => user.role === 'staff')
  for (const plan of planInvestors(rng)) {
    const contacts = Array.from({ length: rng.weighted([[1, 4], [2, 4], [3, 2]] as const) }, (_, i) => {
      const name = personName(rng)
      const title = i === 0 ? rng.pick(words.contactTitles.slice(0, 5)) : rng.pick(words.contactTitles)
      const phone = mobile(rng)
      return { name, title, phone, wechat: rng.chance(0.4) ? phone : null, isPrimary: i === 0 }
    })
    const input = InvestorCreate.parse({
      name: plan.name,
      creditCode: plan.withCode && plan.division ? creditCode(rng, plan.division, usedCodes) : null,
      ownership: plan.ownership,
      origin: plan.origin,
      originCity: plan.city,
      industryId: catalogIds.industries.get(plan.industry),
      registeredCapital: plan.capitalWan * 10_000,
      sourceChannel: plan.channel,
      note: plan.note,
      tagIds: plan.tags.map((tag) => catalogIds.tags.get(tag)!),
      contacts,
      // Made-up names may look alike; they are different companies.
      confirmDuplicate: true,
    })
    const ctx = clock.at(firstDate, rng.pick(staff).id)
    const created = await createInvestor(ctx, input)
    contactCount += contacts.length
    investors.push({
      id: created.id,
      key: plan.key,
      name: plan.name,
      short: plan.short,
      city: plan.city,
      origin: plan.origin,
      ownership: plan.ownership,
      industry: plan.industry,
      tags: plan.tags,
      contacts: contacts.map(({ name, title }) => ({ name, title })),
    })
  }
  return { investors, contacts: contactCount }
}
