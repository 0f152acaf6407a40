// Investors (客商), their contacts, duplicate warnings and merges: the input schemas and views.
import { z } from 'zod'
import type { Contact, Investor, Tag } from '../schema'
import { validateCreditCode } from './credit-code'
import { id, optionalText, optionalYuan, paging, phone, requiredText, textQuery } from './fields'
import { ORIGIN, OWNERSHIP, SOURCE_CHANNEL } from './vocab'

/** As pasted: normalised (half-width, upper-case), and refused with the reason when the check fails. */
export const creditCode = z
  .string({ error: '统一社会信用代码应为文字' })
  .nullish()
  .transform((value, context) => {
    if (!value || value.trim() === '') return null
    const checked = validateCreditCode(value)
    if (!checked.ok) {
      context.addIssue({ code: 'custom', message: `统一社会信用代码：${checked.reason}` })
      return z.NEVER
    }
    return checked.code
  })

const email = optionalText('邮箱', 100).refine((value) => value === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value), '邮箱格式不正确')

export const ContactFields = z.object({
  name: requiredText('联系人姓名', 50),
  title: optionalText('职务', 50),
  phone,
  email,
  wechat: optionalText('微信', 50),
  isPrimary: z.boolean({ error: '主要联系人应为是或否' }).optional(),
  note: optionalText('备注', 500),
})
export type ContactFields = z.output<typeof ContactFields>

export const ContactCreate = ContactFields.extend({ investorId: id })
export type ContactCreate = z.output<typeof ContactCreate>

export const ContactUpdate = ContactCreate.partial().extend({ id })
export type ContactUpdate = z.output<typeof ContactUpdate>

const tagIds = z.array(id).max(50, '标签最多50个')

export const InvestorFields = z.object({
  name: requiredText('客商名称', 100),
  creditCode,
  ownership: z.enum(OWNERSHIP.keys, { error: '企业性质不正确' }).nullish(),
  origin: z.enum(ORIGIN.keys, { error: '客商来源地不正确' }).nullish(),
  originCity: optionalText('来源城市', 50),
  industryId: id.nullish(),
  registeredCapital: optionalYuan('注册资本'),
  sourceChannel: z.enum(SOURCE_CHANNEL.keys, { error: '来源渠道不正确' }).nullish(),
  website: optionalText('网址', 200),
  address: optionalText('地址', 200),
  note: optionalText('备注', 2000),
  tagIds: tagIds.optional(),
})
export type InvestorFields = z.output<typeof InvestorFields>

/** Said by the caller after the person saw the likely duplicates and chose to go on. */
const confirmDuplicate = z.boolean().optional()

export const InvestorCreate = InvestorFields.extend({
  contacts: z.array(ContactFields).max(100, '联系人最多100个').optional(),
  confirmDuplicate,
})
export type InvestorCreate = z.output<typeof InvestorCreate>

export const InvestorUpdate = InvestorFields.partial().extend({ id, confirmDuplicate })
export type InvestorUpdate = z.output<typeof InvestorUpdate>

export const INVESTOR_SORT = ['updatedAt', 'createdAt', 'name', 'registeredCapital'] as const

export const InvestorListQuery = z.object({
  /** Name, pinyin (full or initials) or credit code. */
  text: textQuery,
  ownership: z.enum(OWNERSHIP.keys).optional(),
  origin: z.enum(ORIGIN.keys).optional(),
  /** A 产业 also matches investors filed under its chain links. */
  industryId: id.optional(),
  sourceChannel: z.enum(SOURCE_CHANNEL.keys).optional(),
  /** Investors carrying every one of these tags. */
  tagIds: tagIds.optional(),
  sort: z.enum(INVESTOR_SORT).default('updatedAt'),
  desc: z.boolean().optional(),
  ...paging,
})
export type InvestorListQuery = z.output<typeof InvestorListQuery>

export const DuplicateQuery = z.object({
  name: z.string().trim().max(100).optional(),
  creditCode: z.string().trim().max(40).optional(),
  /** The investor being edited, which is no duplicate of itself. */
  excludeId: id.optional(),
})
export type DuplicateQuery = z.output<typeof DuplicateQuery>

/** Names at least this similar (investorNameSimilarity) are shown as likely duplicates. */
export const DUPLICATE_SIMILARITY = 0.8

export const MERGE_FIELDS = {
  name: '名称',
  creditCode: '统一社会信用代码',
  ownership: '企业性质',
  origin: '来源地',
  originCity: '来源城市',
  industryId: '产业',
  registeredCapitalYuan: '注册资本',
  sourceChannel: '来源渠道',
  website: '网址',
  address: '地址',
  note: '备注',
} as const
export type MergeField = keyof typeof MERGE_FIELDS

const mergeFieldKeys = Object.keys(MERGE_FIELDS) as [MergeField, ...MergeField[]]

export const MergePair = z.object({ sourceId: id, targetId: id })
export type MergePair = z.output<typeof MergePair>

export const MergeInput = MergePair.extend({
  /** Which side wins a field both have. Unchosen: the target's value, or the source's where the target has none. */
  fields: z.partialRecord(z.enum(mergeFieldKeys), z.enum(['source', 'target'])).optional(),
})
export type MergeInput = z.output<typeof MergeInput>

export interface ContactView extends Omit<Contact, 'isPrimary'> {
  isPrimary: boolean
}

export interface InvestorView extends Investor {
  /** '产业 / 环节' for a chain link, the 产业 alone otherwise. */
  industryName: string | null
}

export interface InvestorDetail extends InvestorView {
  contacts: ContactView[]
  tags: Tag[]
  projectCount: number
  negotiationCount: number
}

export interface InvestorRow extends InvestorView {
  projectCount: number
  /** Sum of 总投资 of its live projects, in 元. */
  totalInvestmentYuan: number
}

export interface InvestorPage {
  rows: InvestorRow[]
  total: number
}

export interface DuplicateCandidate {
  id: string
  name: string
  creditCode: string | null
  /** 1 for the same credit code or the same normalised name. */
  similarity: number
  reason: 'credit_code' | 'name'
}

/** What a merge would move: how many, and the first names to show. */
export interface MergeGroup {
  count: number
  names: string[]
}

export interface MergeConflict {
  field: MergeField
  label: string
  source: string | number
  target: string | number
}

export interface MergePreview {
  source: InvestorView
  target: InvestorView
  contacts: MergeGroup
  projects: MergeGroup
  negotiations: MergeGroup
  requests: MergeGroup
  events: MergeGroup
  attachments: MergeGroup
  /** Tags of the source; names not yet on the target are listed in newTags. */
  tags: MergeGroup
  newTags: string[]
  conflicts: MergeConflict[]
}
