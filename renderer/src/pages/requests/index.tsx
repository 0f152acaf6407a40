// The requests area: its own routes below /requests.
import { useTranslation } from 'react-i18next'
import { Placeholder } from '../Placeholder'

export function RequestsArea() {
  const { t } = useTranslation()
  return <Placeholder name={t('nav.requests')} />
}
