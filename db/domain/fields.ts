// Building blocks for input schemas. Messages are Chinese: they reach the person at the keyboard.
import { isValidIsoDate } from './dates'
import { parseAmount } from './money'
import { z } from 'zod'

export const id = z
  .string({ error: '缺少编号' })
  .regex(/^[0-9A-Za-z_-]{1,64}$/, '编号格式不正确')

export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字`)

/** Optional text: '' and missing both mean "not given" and are stored as null. */
export const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label}应为文字` })
    .trim()
    .max(max, `${label}不能超过${max}个字`)
    .nullish()
    .transform((value) => (value ? value : null))

export const phone = optionalText('电话', 40).refine(
  (value) => value === null || /^[0-9+\-()（）\s转,，/]{3,40}$/.test(value),
  '电话号码格式不正确',
)

export const nonNegativeInt = (label: string) =>
  z
    .number({ error: `${label}应为数字` })
    .int(`${label}应为整数`)
    .min(0, `${label}不能为负数`)
    .max(Number.MAX_SAFE_INTEGER, `${label}过大`)

/** A number with at most two decimals, stored as an integer of hundredths (亩 → 1/100 亩). */
export const hundredths = (label: string) =>
  z
    .number({ error: `${label}应为数字` })
    .min(0, `${label}不能为负数`)
    .max(1e12, `${label}过大`)
    .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, `${label}最多两位小数`)
    .transform((value) => Math.round(value * 100))

export const textQuery = z.string().trim().max(100, '搜索词不能超过100个字').optional()

/** A calendar date as 'YYYY-MM-DD'. A well-formed day that does not exist (2024-02-30) is named. */
export const isoDate = (label: string) =>
  z.string({ error: `${label}应为日期` }).refine(isValidIsoDate, {
    error: ({ input }) =>
      typeof input === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(input)
        ? `${label}不是有效日期：没有 ${input} 这一天，请检查月份和日期`
        : `${label}不是有效日期（格式 2024-03-15）`,
  })

export const optionalDate = (label: string) =>
  isoDate(label)
    .nullish()
    .or(z.literal('').transform(() => null))
    .transform((value) => value ?? null)

/**
 * Money in 元 as an exact integer. Accepts a whole number of 元, or text with its unit as people
 * type it ('3.5亿', '5000万元', '1,234'): never a float multiplication.
 */
export const yuan = (label: string) =>
  z.union([z.number(), z.string()], { error: `${label}应为金额` }).transform((value, context) => {
    const parsed = parseAmount(value, 'yuan')
    if (!parsed.ok) {
      context.addIssue({ code: 'custom', message: `${label}：${parsed.reason}` })
      return z.NEVER
    }
    return parsed.yuan
  })

export const optionalYuan = (label: string) =>
  z
    .preprocess((value) => (value === '' ? null : value), yuan(label).nullish())
    .transform((value) => value ?? null)

/** Paging for lists: pages are small and counted from 1. */
export const paging = {
  page: z.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.number().int().min(1).max(500).default(50),
}
