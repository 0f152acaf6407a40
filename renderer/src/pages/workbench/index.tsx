// The workbench area: its own routes below /workbench.
import { useTranslation } from 'react-i18next'
import { Placeholder } from '../Placeholder'

export function WorkbenchArea() {
  const { t } = useTranslation()
  return <Placeholder name={t('nav.workbench')} />
}
