import type { catalogContract } from '../contract/catalog'
import * as industries from '../../db/services/industries'
import * as tags from '../../db/services/tags'
import type { HandlerSlice } from './types'

export const catalogHandlers: HandlerSlice<keyof typeof catalogContract> = {
  'industry-list': (_, { ctx }) => industries.listIndustries(ctx),
  'industry-create': (input, { ctx }) => industries.createIndustry(ctx, input),
  'industry-update': (input, { ctx }) => industries.updateIndustry(ctx, input),
  'industry-delete': async ({ id }, { ctx }) => (await industries.deleteIndustry(ctx, id), null),
  'industry-restore': ({ id }, { ctx }) => industries.restoreIndustry(ctx, id),
  'tag-list': (_, { ctx }) => tags.listTags(ctx),
  'tag-create': (input, { ctx }) => tags.createTag(ctx, input),
  'tag-update': (input, { ctx }) => tags.updateTag(ctx, input),
  'tag-delete': async ({ id }, { ctx }) => (await tags.deleteTag(ctx, id), null),
  'tag-restore': ({ id }, { ctx }) => tags.restoreTag(ctx, id),
}
