import type { TFunction } from 'i18next'
import { NEGOTIATION_TYPE } from '../../../../db/domain/vocab'

export const negotiationTypeOptions = (t: TFunction) =>
  NEGOTIATION_TYPE.keys.map((key) => ({ value: key, label: t(`vocab.negotiationType.${key}`) }))
