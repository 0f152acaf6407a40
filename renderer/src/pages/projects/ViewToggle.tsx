// Table or kanban: the same projects, two ways of looking at them.
import { AppstoreOutlined, UnorderedListOutlined } from '@ant-design/icons'
import { Segmented } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'

export function ViewToggle({ current }: { current: 'list' | 'board' }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  return (
    <Segmented
      value={current}
      onChange={(view) => navigate(view === 'board' ? '/projects/board' : '/projects')}
      options={[
        { value: 'list', icon: <UnorderedListOutlined />, label: t('project.viewList') },
        { value: 'board', icon: <AppstoreOutlined />, label: t('project.viewBoard') },
      ]}
      data-testid="project-view-toggle"
    />
  )
}
