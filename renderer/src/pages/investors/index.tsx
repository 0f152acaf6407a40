// The investors area: its own routes below /investors.
import { useTranslation } from 'react-i18next'
import { Placeholder } from '../Placeholder'

export function InvestorsArea() {
  const { t } = useTranslation()
  return <Placeholder name={t('nav.investors')} />
}
