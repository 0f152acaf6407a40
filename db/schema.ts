// Hand-written table types for kysely. Keep them in step with db/migrations (the schema snapshot
// test compares the real tables with db/schema.snapshot.json).
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'

/** Columns every domain row has: a text id that stays unique across laptops, who and when. */
export interface RecordColumns {
  id: string
  createdAt: string
  createdBy: string | null
  updatedAt: string
  updatedBy: string | null
  deletedAt: string | null
}

export interface UserTable extends RecordColumns {
  name: string
  role: 'staff' | 'manager'
  title: string | null
  phone: string | null
}

export interface DistrictTable extends RecordColumns {
  name: string
  code: string | null
  note: string | null
}

export interface ParkTable extends RecordColumns {
  districtId: string
  name: string
  /** 主导产业, as the park describes itself ("高端装备, 生物医药"). */
  focusIndustries: string | null
  /** 可供土地, in 1/100 亩 (integer: areas are summed like money). */
  freeLandCentiMu: number | null
  /** 标准厂房, in ㎡. */
  factorySpaceSqm: number | null
  contactName: string | null
  contactPhone: string | null
  note: string | null
}

export interface ChangeTable {
  seq: Generated<number>
  entity: string
  entityId: string
  action: 'create' | 'update' | 'delete' | 'restore' | 'purge'
  /** JSON: { field: [before, after] } */
  changes: string
  userId: string | null
  at: string
}

export interface SettingTable {
  key: string
  value: string
  updatedAt: ColumnType<string, string, string>
}

export interface Database {
  user: UserTable
  district: DistrictTable
  park: ParkTable
  change: ChangeTable
  setting: SettingTable
}

export type User = Selectable<UserTable>
export type District = Selectable<DistrictTable>
export type Park = Selectable<ParkTable>
export type Change = Selectable<ChangeTable>
export type NewPark = Insertable<ParkTable>
export type ParkPatch = Updateable<ParkTable>
