// The projects area: its own routes below /projects.
import { useTranslation } from 'react-i18next'
import { Placeholder } from '../Placeholder'

export function ProjectsArea() {
  const { t } = useTranslation()
  return <Placeholder name={t('nav.projects')} />
}
