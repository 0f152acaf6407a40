import { Button, Empty } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'

/** A page not built yet says so, and points to what works. */
export function Placeholder({ name }: { name: string }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  return (
    <div className="page">
      <Empty style={{ marginTop: 120 }} description={<><h3>{t('placeholder.title', { name })}</h3><p>{t('placeholder.description')}</p></>}>
        <Button type="primary" onClick={() => navigate('/parks')}>
          {t('placeholder.goParks')}
        </Button>
      </Empty>
    </div>
  )
}
