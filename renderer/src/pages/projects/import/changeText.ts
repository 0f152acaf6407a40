// One update row of the import preview in words: 总投资：3.50 亿元 → 3.60 亿元；阶段：在谈 → 签约. The
// labels come from the one ledger field list (db/domain/ledger.ts); values as the rest of the app
// writes them. Pure, so both languages are tested without a browser.
import type { TFunction } from 'i18next'
import { type ChangeShow, LEDGER_CHANGE_COLUMNS, changeColumnLabel } from '../../../../../db/domain/ledger'
import { yi } from '../../../format'

function showValue(t: TFunction, show: ChangeShow, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—'
  if (show === 'money' && typeof value === 'number') return `${yi(value)} ${t('unit.yi')}`
  if (show === 'stage') return t(`stage.${String(value)}`)
  if (show === 'projectKind' || show === 'priority') return t(`vocab.${show}.${String(value)}`)
  return String(value)
}

export function changeText(t: TFunction, language: string, changes: Record<string, [unknown, unknown]>): string {
  const lang = language.startsWith('en') ? 'en' : 'zh'
  return Object.entries(changes)
    .map(([column, [before, after]]) => {
      const field = changeColumnLabel(column, lang)
      const show = LEDGER_CHANGE_COLUMNS[column]?.show ?? 'text'
      // A reference moves from one id to another: the ids say nothing, the row's cells name it.
      if (show === 'reference') return t('ledger.preview.changedPlain', { field })
      return t('ledger.preview.changed', { field, before: showValue(t, show, before), after: showValue(t, show, after) })
    })
    .join(t('ledger.preview.changeSeparator'))
}
