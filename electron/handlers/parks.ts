import type { parkContract } from '../contract/parks'
import * as districts from '../../db/services/districts'
import * as parks from '../../db/services/parks'
import type { HandlerSlice } from './types'

export const parkHandlers: HandlerSlice<keyof typeof parkContract> = {
  'district-list': (_, { ctx }) => districts.listDistricts(ctx),
  'district-create': (input, { ctx }) => districts.createDistrict(ctx, input),
  'district-update': (input, { ctx }) => districts.updateDistrict(ctx, input),
  'district-delete': async ({ id }, { ctx }) => (await districts.deleteDistrict(ctx, id), null),
  'district-restore': ({ id }, { ctx }) => districts.restoreDistrict(ctx, id),
  'park-list': (input, { ctx }) => parks.listParks(ctx, input),
  'park-get': ({ id }, { ctx }) => parks.getPark(ctx, id),
  'park-create': (input, { ctx }) => parks.createPark(ctx, input),
  'park-update': (input, { ctx }) => parks.updatePark(ctx, input),
  'park-delete': async ({ id }, { ctx }) => (await parks.deletePark(ctx, id), null),
  'park-restore': ({ id }, { ctx }) => parks.restorePark(ctx, id),
}
