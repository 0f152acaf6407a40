// Districts (区县) and industrial parks (产业园区): the input schemas of their API.
import { z } from 'zod'
import type { District, Park } from '../schema'
import { hundredths, id, nonNegativeInt, optionalText, phone, requiredText, textQuery } from './fields'

export const DistrictFields = z.object({
  name: requiredText('区县名称', 50),
  code: optionalText('行政区划代码', 20),
  note: optionalText('备注', 500),
})
export type DistrictFields = z.output<typeof DistrictFields>

export const DistrictUpdate = DistrictFields.partial().extend({ id })
export type DistrictUpdate = z.output<typeof DistrictUpdate>

export const ParkFields = z.object({
  districtId: id,
  name: requiredText('园区名称', 100),
  focusIndustries: optionalText('主导产业', 200),
  /** 可供土地 in 亩 (two decimals). */
  freeLandMu: hundredths('可供土地').nullish(),
  /** 标准厂房 in ㎡. */
  factorySpaceSqm: nonNegativeInt('标准厂房面积').nullish(),
  contactName: optionalText('联系人', 50),
  contactPhone: phone,
  note: optionalText('备注', 1000),
})
export type ParkFields = z.output<typeof ParkFields>

export const ParkUpdate = ParkFields.partial().extend({ id })
export type ParkUpdate = z.output<typeof ParkUpdate>

export const ParkListQuery = z.object({
  districtId: id.optional(),
  text: textQuery,
})
export type ParkListQuery = z.output<typeof ParkListQuery>

export const ById = z.object({ id })
export type ById = z.output<typeof ById>

/** What lists show: a district with how many live parks it has. */
export interface DistrictView extends District {
  parkCount: number
}

export interface ParkView extends Park {
  districtName: string
}

export interface SeedSummary {
  districts: number
  parks: number
}
