// The settings area: one tab per concern, each at /settings/<tab> so it can be linked and reloaded.
import { Tabs } from 'antd'
import { useTranslation } from 'react-i18next'
import { Navigate, Route, Routes, useNavigate, useParams } from 'react-router-dom'
import { PageTitle } from '../../components/PageTitle'
import { CatalogTab } from './CatalogTab'
import { DataTab } from './DataTab'
import { MeTab } from './MeTab'
import { RecycleTab } from './RecycleTab'
import { SyncTab } from './SyncTab'
import { TargetsTab } from './TargetsTab'
import { UsersTab } from './UsersTab'

const TABS = {
  me: MeTab,
  users: UsersTab,
  catalog: CatalogTab,
  targets: TargetsTab,
  recycle: RecycleTab,
  data: DataTab,
  sync: SyncTab,
} as const
type TabKey = keyof typeof TABS

function SettingsTabs() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { tab = 'me' } = useParams()
  if (!(tab in TABS)) return <Navigate to="/settings/me" replace />
  return (
    <div className="page">
      <PageTitle>{t('nav.settings')}</PageTitle>
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate(`/settings/${key}`)}
        destroyOnHidden
        items={(Object.keys(TABS) as TabKey[]).map((key) => {
          const Tab = TABS[key]
          return { key, label: t(`settings.tabs.${key}`), children: <Tab /> }
        })}
      />
    </div>
  )
}

export function SettingsArea() {
  return (
    <Routes>
      <Route index element={<Navigate to="me" replace />} />
      <Route path=":tab" element={<SettingsTabs />} />
    </Routes>
  )
}
