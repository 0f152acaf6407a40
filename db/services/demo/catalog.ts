// Users, industries and tags of the demo: found by name when they already exist, else created
// through their services.
import article from '../../../resources/demo/article.json'
import catalog from '../../../resources/demo/industries.json'
import type { Ctx } from '../../context'
import { IndustryFields, TagFields } from '../../domain/catalog'
import { UserFields } from '../../domain/user'
import type { UserRole } from '../../domain/vocab'
import { createIndustry } from '../industries'
import { createTag } from '../tags'
import { createUser } from '../users'

export interface DemoUser {
  id: string
  name: string
  role: UserRole
  district: string
}

export interface DemoCatalog {
  users: DemoUser[]
  /** Chain link (产业链/环节) name → id; the top-level names map too. */
  industries: Map<string, string>
  /** Chain link name → its top-level 产业 name. */
  parentOf: Map<string, string>
  tags: Map<string, string>
  created: { users: number; industries: number; tags: number }
}

export async function seedCatalog(ctx: Ctx): Promise<DemoCatalog> {
  const created = { users: 0, industries: 0, tags: 0 }
  const users: DemoUser[] = []
  for (const { district, ...fields } of article.users) {
    const existing = await ctx.db.selectFrom('user').select('id').where('name', '=', fields.name).where('deletedAt', 'is', null).executeTakeFirst()
    const id = existing?.id ?? (await createUser(ctx, UserFields.parse(fields))).id
    if (!existing) created.users++
    users.push({ id, name: fields.name, role: fields.role as UserRole, district })
  }

  const industries = new Map<string, string>()
  const parentOf = new Map<string, string>()
  const live = await ctx.db.selectFrom('industry').select(['id', 'name', 'parentId']).where('deletedAt', 'is', null).execute()
  const find = (name: string, parentId: string | null) => live.find((row) => row.name === name && row.parentId === parentId)?.id
  for (const [order, top] of catalog.industries.entries()) {
    let topId = find(top.name, null)
    if (!topId) {
      topId = (await createIndustry(ctx, IndustryFields.parse({ name: top.name, sortOrder: (order + 1) * 10 }))).id
      created.industries++
    }
    industries.set(top.name, topId)
    for (const [childOrder, child] of top.children.entries()) {
      let childId = find(child.name, topId)
      if (!childId) {
        childId = (await createIndustry(ctx, IndustryFields.parse({ name: child.name, parentId: topId, sortOrder: (childOrder + 1) * 10 }))).id
        created.industries++
      }
      industries.set(child.name, childId)
      parentOf.set(child.name, top.name)
    }
  }

  const tags = new Map<string, string>()
  for (const tag of catalog.tags) {
    const existing = await ctx.db.selectFrom('tag').select('id').where('name', '=', tag.name).where('deletedAt', 'is', null).executeTakeFirst()
    const id = existing?.id ?? (await createTag(ctx, TagFields.parse(tag))).id
    if (!existing) created.tags++
    tags.set(tag.name, id)
  }
  return { users, industries, parentOf, tags, created }
}
