// The catalog lists other records point at: industries (产业 → 产业链/环节, two levels) and tags.
import { z } from 'zod'
import type { Industry, Tag } from '../schema'
import { id, requiredText } from './fields'

const sortOrder = z
  .number({ error: '排序应为数字' })
  .int('排序应为整数')
  .min(-1_000_000, '排序超出范围')
  .max(1_000_000, '排序超出范围')

export const IndustryFields = z.object({
  name: requiredText('产业名称', 50),
  /** Missing or null: a top-level 产业; else a 产业链/环节 under that 产业. */
  parentId: id.nullish().transform((value) => value ?? null),
  sortOrder: sortOrder.optional(),
})
export type IndustryFields = z.output<typeof IndustryFields>

export const IndustryUpdate = z.object({
  id,
  name: requiredText('产业名称', 50).optional(),
  parentId: id.nullable().optional(),
  sortOrder: sortOrder.optional(),
})
export type IndustryUpdate = z.output<typeof IndustryUpdate>

/** A 产业 with its chain links (产业链/环节), both ordered by sortOrder, then name. */
export interface IndustryNode extends Industry {
  children: Industry[]
}

const color = z
  .string({ error: '颜色应为文字' })
  .trim()
  .nullish()
  .transform((value) => (value ? value.toLowerCase() : null))
  .refine((value) => value === null || /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/.test(value), '颜色应为 #RRGGBB 格式')

export const TagFields = z.object({
  name: requiredText('标签名称', 30),
  color,
})
export type TagFields = z.output<typeof TagFields>

export const TagUpdate = TagFields.partial().extend({ id })
export type TagUpdate = z.output<typeof TagUpdate>

/** A tag with how many live investors and projects carry it. */
export interface TagView extends Tag {
  investorCount: number
  projectCount: number
}
