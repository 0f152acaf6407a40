// The area's title row: the view toggle on the left, creating a project on the right.
import { PlusOutlined } from '@ant-design/icons'
import { Button, Space } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { ProjectForm } from './ProjectForm'
import { ViewToggle } from './ViewToggle'
import { PageTitle } from '../../components/PageTitle'

export function ProjectsHeader({ current }: { current: 'list' | 'board' }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [creating, setCreating] = useState(false)
  return (
    <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', marginBottom: 12 }}>
      <Space size={16}>
        <PageTitle>
          {t('project.title')}
        </PageTitle>
        <ViewToggle current={current} />
      </Space>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="project-add">
        {t('project.add')}
      </Button>
      <ProjectForm
        project={null}
        open={creating}
        onClose={() => setCreating(false)}
        // A new project is usually followed by more details: open it.
        onSaved={(saved) => navigate(`/projects/${saved.id}`)}
      />
    </div>
  )
}
