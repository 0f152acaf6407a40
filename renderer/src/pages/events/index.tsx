// The events area: its own routes below /events.
import { useTranslation } from 'react-i18next'
import { Placeholder } from '../Placeholder'

export function EventsArea() {
  const { t } = useTranslation()
  return <Placeholder name={t('nav.events')} />
}
