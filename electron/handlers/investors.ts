import type { investorsContract } from '../contract/investors'
import * as contacts from '../../db/services/contacts'
import { findDuplicates } from '../../db/services/investor-duplicates'
import { mergeInvestors, previewMerge } from '../../db/services/investor-merge'
import * as investors from '../../db/services/investors'
import type { HandlerSlice } from './types'

export const investorsHandlers: HandlerSlice<keyof typeof investorsContract> = {
  'investor-list': (input, { ctx }) => investors.listInvestors(ctx, input),
  'investor-get': ({ id }, { ctx }) => investors.getInvestor(ctx, id),
  'investor-create': (input, { ctx }) => investors.createInvestor(ctx, input),
  'investor-update': (input, { ctx }) => investors.updateInvestor(ctx, input),
  'investor-delete': async ({ id }, { ctx }) => (await investors.deleteInvestor(ctx, id), null),
  'investor-restore': ({ id }, { ctx }) => investors.restoreInvestor(ctx, id),
  'investor-duplicates': (input, { ctx }) => findDuplicates(ctx.db, input),
  'investor-merge-preview': (input, { ctx }) => previewMerge(ctx, input),
  'investor-merge': (input, { ctx }) => mergeInvestors(ctx, input),
  'contact-create': (input, { ctx }) => contacts.createContact(ctx, input),
  'contact-update': (input, { ctx }) => contacts.updateContact(ctx, input),
  'contact-delete': async ({ id }, { ctx }) => (await contacts.deleteContact(ctx, id), null),
  'contact-restore': ({ id }, { ctx }) => contacts.restoreContact(ctx, id),
}
