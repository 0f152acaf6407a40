// Select options for the investor word lists, labelled in the current language.
import type { TFunction } from 'i18next'
import { ORIGIN, OWNERSHIP, SOURCE_CHANNEL } from '../../../../db/domain/vocab'

const options = (list: string, keys: readonly string[], t: TFunction) =>
  keys.map((key) => ({ value: key, label: t(`vocab.${list}.${key}`) }))

export const ownershipOptions = (t: TFunction) => options('ownership', OWNERSHIP.keys, t)
export const originOptions = (t: TFunction) => options('origin', ORIGIN.keys, t)
export const sourceChannelOptions = (t: TFunction) => options('sourceChannel', SOURCE_CHANNEL.keys, t)
