// Districts and parks.
import { z } from 'zod'
import {
  ById,
  DistrictFields,
  DistrictUpdate,
  type DistrictView,
  ParkFields,
  ParkListQuery,
  ParkUpdate,
  type ParkView,
} from '../../db/domain/park'
import type { District } from '../../db/schema'
import { method } from './define'

export const parkContract = {
  'district-list': method(z.object({})).returns<DistrictView[]>(),
  'district-create': method(DistrictFields).returns<District>(),
  'district-update': method(DistrictUpdate).returns<District>(),
  'district-delete': method(ById).returns<null>(),
  'district-restore': method(ById).returns<District>(),
  'park-list': method(ParkListQuery).returns<ParkView[]>(),
  'park-get': method(ById).returns<ParkView>(),
  'park-create': method(ParkFields).returns<ParkView>(),
  'park-update': method(ParkUpdate).returns<ParkView>(),
  'park-delete': method(ById).returns<null>(),
  'park-restore': method(ById).returns<ParkView>(),
}
