// Step 4: what the import wrote, and the way to the projects it brought in.
import { Button, Result, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import type { ImportResult } from '../../../../../db/domain/ledger'
import { ImportCounts } from './ImportCounts'
import { MonthChangesTable } from './MonthChangesTable'

export function ResultStep({ result, onAgain }: { result: ImportResult; onAgain(): void }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { counts } = result
  const wrote = result.batchId !== null

  const viewProjects = () => {
    // The plain list: newest changes first, so the imported projects lead it.
    navigate('/projects')
  }

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="ledger-result">
      <Result
        status={wrote ? 'success' : 'info'}
        title={wrote ? t('ledger.result.title') : t('ledger.result.nothing')}
        subTitle={wrote ? t('ledger.result.subtitle', { ...counts }) : t('ledger.result.nothingSub')}
        extra={[
          <Button key="view" type="primary" onClick={viewProjects} data-testid="ledger-view-projects">
            {t('ledger.result.viewProjects')}
          </Button>,
          <Button key="again" onClick={onAgain}>
            {t('ledger.result.again')}
          </Button>,
        ]}
      />
      <ImportCounts counts={counts} />
      {result.months && <MonthChangesTable months={result.months} />}
    </Space>
  )
}
