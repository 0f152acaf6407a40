// Agreements (协议) and funds in place (到位资金): what a signed project brings in, in exact 元.
import { z } from 'zod'
import type { Agreement, Funds } from '../schema'
import { id, isoDate, optionalText, optionalYuan, paging, textQuery, yuan } from './fields'
import type { Stage } from './stages'
import { AGREEMENT_TYPE } from './vocab'

export const year = z
  .number({ error: '年份应为数字' })
  .int('年份应为整数')
  .min(1990, '年份应在1990–2100之间')
  .max(2100, '年份应在1990–2100之间')

export const AgreementFields = z.object({
  projectId: id,
  type: z.enum(AGREEMENT_TYPE.keys, { error: '请选择协议类型' }),
  /** Not in the future: checked by the service, which knows today. */
  signedOn: isoDate('签约日期'),
  amount: optionalYuan('签约金额'),
  contractNo: optionalText('合同编号', 100),
  parties: optionalText('签约各方', 500),
  note: optionalText('备注', 1000),
})
export type AgreementFields = z.output<typeof AgreementFields>

/**
 * The agreement signed with a change to 签约: its date is the stage's date, and it is written in
 * the stage change's transaction (both or neither).
 */
export const SigningAgreement = AgreementFields.omit({ projectId: true, signedOn: true })
export type SigningAgreement = z.output<typeof SigningAgreement>

export const AgreementUpdate = AgreementFields.partial().extend({ id })
export type AgreementUpdate = z.output<typeof AgreementUpdate>

export const ByProject = z.object({ projectId: id })
export type ByProject = z.output<typeof ByProject>

/**
 * A saved agreement. Signing does not move the project's stage by itself (a stage change is an event
 * of its own, with its date); suggestStage tells the form to offer that change.
 */
export interface SavedAgreement extends Agreement {
  suggestStage: Extract<Stage, 'signed'> | null
}

export const FundsFields = z.object({
  projectId: id,
  /** Not in the future: checked by the service, which knows today. */
  arrivedOn: isoDate('到位日期'),
  amount: yuan('到位金额').refine((value) => value > 0, '到位金额应大于0'),
  note: optionalText('备注', 1000),
})
export type FundsFields = z.output<typeof FundsFields>

export const FundsUpdate = FundsFields.partial().extend({ id })
export type FundsUpdate = z.output<typeof FundsUpdate>

export const FundsListQuery = z.object({
  projectId: id.optional(),
  year: year.optional(),
  from: isoDate('起始日期').optional(),
  to: isoDate('截止日期').optional(),
  text: textQuery,
  ...paging,
})
export type FundsListQuery = z.output<typeof FundsListQuery>

export interface FundsView extends Funds {
  projectName: string
}

export interface FundsPage {
  rows: FundsView[]
  total: number
  /** The exact sum of every matching row, not only this page. */
  totalYuan: number
}

export const FundsSummaryQuery = z.object({
  projectId: id.optional(),
  year: year.optional(),
})
export type FundsSummaryQuery = z.output<typeof FundsSummaryQuery>

export interface FundsYear {
  year: number
  amountYuan: number
  count: number
}

export interface FundsSummary {
  /** Oldest year first; only years with funds. */
  years: FundsYear[]
  totalYuan: number
}
