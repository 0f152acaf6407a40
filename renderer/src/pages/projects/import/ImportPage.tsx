// /projects/import: the wizard, and the history of imports (with undo) on a second tab.
import { ArrowLeftOutlined } from '@ant-design/icons'
import { Button, Card, Space, Tabs } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { BatchList } from './BatchList'
import { ImportWizard } from './ImportWizard'
import { PageTitle } from '../../../components/PageTitle'

export function ImportPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  return (
    <div className="page">
      <Space size={12} style={{ marginBottom: 12 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/projects')} aria-label={t('ledger.back')} />
        <PageTitle>
          {t('ledger.title')}
        </PageTitle>
      </Space>
      <Card size="small" styles={{ body: { padding: '4px 16px 16px' } }}>
        <Tabs
          // Both tabs stay mounted: switching to the history never loses a half-done import.
          items={[
            { key: 'import', label: t('ledger.tabImport'), children: <ImportWizard /> },
            { key: 'batches', label: t('ledger.tabBatches'), children: <BatchList /> },
          ]}
        />
      </Card>
    </div>
  )
}
