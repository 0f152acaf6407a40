// A breakdown row's name in the current language: word-list keys through i18n, names as they are.
import type { TFunction } from 'i18next'
import type { BreakdownBy, BreakdownRow } from '../../../../../../db/domain/report'

const WORD_LISTS: Partial<Record<BreakdownBy, string>> = { origin: 'vocab.origin', ownership: 'vocab.ownership', stage: 'stage' }

export function rowLabel(t: TFunction, by: BreakdownBy, row: Pick<BreakdownRow, 'key' | 'label'>): string {
  if (row.key === null) return t('reports.unfilled')
  const list = WORD_LISTS[by]
  return list ? t(`${list}.${row.key}`) : row.label
}
