// The settings area: its own routes below /settings.
import { useTranslation } from 'react-i18next'
import { Placeholder } from '../Placeholder'

export function SettingsArea() {
  const { t } = useTranslation()
  return <Placeholder name={t('nav.settings')} />
}
