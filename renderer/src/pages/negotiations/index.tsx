// The negotiations area: its own routes below /negotiations.
import { useTranslation } from 'react-i18next'
import { Placeholder } from '../Placeholder'

export function NegotiationsArea() {
  const { t } = useTranslation()
  return <Placeholder name={t('nav.negotiations')} />
}
