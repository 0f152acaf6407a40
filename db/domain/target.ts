// Yearly targets (年度目标) per unit (district, park, person) and indicator. Completion against actuals
// belongs to the reports; here targets are only set and listed.
import { z } from 'zod'
import type { Target } from '../schema'
import { year } from './deal'
import { id, yuan } from './fields'
import { AMOUNT_INDICATORS, TARGET_INDICATOR, TARGET_UNIT } from './vocab'

export const targetUnit = z.enum(TARGET_UNIT.keys, { error: '请选择考核对象类型' })
export const targetIndicator = z.enum(TARGET_INDICATOR.keys, { error: '请选择指标' })

const amountValue = yuan('目标值')
const countValue = z
  .union([z.number(), z.string().regex(/^\d+$/, '目标值应为整数').transform(Number)], { error: '目标值应为整数' })
  .pipe(z.number().int('目标值应为整数').min(0, '目标值不能为负数').max(1_000_000, '目标值过大'))

/** Amount indicators take money as people type it ('50亿'); count indicators a whole number. */
export const TargetSet = z
  .object({
    year,
    unitType: targetUnit,
    unitId: id,
    indicator: targetIndicator,
    value: z.union([z.number(), z.string()], { error: '请填写目标值' }),
  })
  .transform((input, context) => {
    const schema = AMOUNT_INDICATORS.has(input.indicator) ? amountValue : countValue
    const parsed = schema.safeParse(typeof input.value === 'string' ? input.value.trim() : input.value)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) context.addIssue({ code: 'custom', path: ['value'], message: issue.message })
      return z.NEVER
    }
    return { ...input, value: parsed.data }
  })
export type TargetSet = z.output<typeof TargetSet>

export const TargetListQuery = z.object({
  year,
  unitType: targetUnit.optional(),
  unitId: id.optional(),
})
export type TargetListQuery = z.output<typeof TargetListQuery>

export interface TargetView extends Target {
  /** The district, park or person the target belongs to. */
  unitName: string | null
}

export const isAmountIndicator = (indicator: string): boolean => AMOUNT_INDICATORS.has(indicator)
