import { useTranslation } from 'react-i18next'
import type { Period } from '../../../../db/domain/report'
import { periodText } from './figures'

export function usePeriodText() {
  const { t, i18n } = useTranslation()
  return (period: Period | null) => periodText(period, i18n.language === 'en', t('reports.period.allTime'))
}
