// The reports area: its own routes below /reports.
import { useTranslation } from 'react-i18next'
import { Placeholder } from '../Placeholder'

export function ReportsArea() {
  const { t } = useTranslation()
  return <Placeholder name={t('nav.reports')} />
}
