// The catalog lists: industries (产业 → 产业链/环节) and tags.
import { z } from 'zod'
import { IndustryFields, type IndustryNode, IndustryUpdate, TagFields, TagUpdate, type TagView } from '../../db/domain/catalog'
import { ById } from '../../db/domain/park'
import type { Industry, Tag } from '../../db/schema'
import { method } from './define'

export const catalogContract = {
  'industry-list': method(z.object({})).returns<IndustryNode[]>(),
  'industry-create': method(IndustryFields).returns<Industry>(),
  'industry-update': method(IndustryUpdate).returns<Industry>(),
  'industry-delete': method(ById).returns<null>(),
  'industry-restore': method(ById).returns<Industry>(),
  'tag-list': method(z.object({})).returns<TagView[]>(),
  'tag-create': method(TagFields).returns<Tag>(),
  'tag-update': method(TagUpdate).returns<Tag>(),
  'tag-delete': method(ById).returns<null>(),
  'tag-restore': method(ById).returns<Tag>(),
}
