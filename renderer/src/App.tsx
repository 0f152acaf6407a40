// The app shell: navigation for the whole product, the locale, and the pages.
import {
  AimOutlined,
  BankOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CommentOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  ProjectOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons'
import { App as AntApp, ConfigProvider, Layout, Menu } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom'
import { PageErrorBoundary } from './components/PageErrorBoundary'
import { Welcome } from './components/Welcome'
import { type LazyPage, lazyPage, preloadPagesWhenIdle } from './shell/lazyPage'
import { Header } from './shell/Header'
import { NavBadge } from './shell/NavBadge'
import { QuickEntryProvider } from './shell/QuickEntry'
import { PartErrorBoundary } from './shell/PartError'
import { THEME } from './theme'

// Each area is its own chunk, loaded when first opened: the window shows its first page without
// parsing the others (the reports and their echarts alone are about a megabyte).
const WorkbenchArea = lazyPage(() => import('./pages/workbench'), 'WorkbenchArea')
const ProjectsArea = lazyPage(() => import('./pages/projects'), 'ProjectsArea')
const InvestorsArea = lazyPage(() => import('./pages/investors'), 'InvestorsArea')
const NegotiationsArea = lazyPage(() => import('./pages/negotiations'), 'NegotiationsArea')
const ParksPage = lazyPage(() => import('./pages/ParksPage'), 'ParksPage')
const EventsArea = lazyPage(() => import('./pages/events'), 'EventsArea')
const RequestsArea = lazyPage(() => import('./pages/requests'), 'RequestsArea')
const ReportsArea = lazyPage(() => import('./pages/reports'), 'ReportsArea')
const SettingsArea = lazyPage(() => import('./pages/settings'), 'SettingsArea')

// The area the address opens on starts loading now, while the entry's modules run, instead of when
// the router first renders it (a round of fetching and parsing later); main.tsx renders once it has come.
const AREAS = new Map<string, LazyPage>(Object.entries({
  workbench: WorkbenchArea,
  projects: ProjectsArea,
  investors: InvestorsArea,
  negotiations: NegotiationsArea,
  parks: ParksPage,
  events: EventsArea,
  requests: RequestsArea,
  reports: ReportsArea,
  settings: SettingsArea,
}))
export const OPENING_AREA = AREAS.get(/^#\/(\w+)/.exec(window.location.hash)?.[1] ?? '') ?? WorkbenchArea
void OPENING_AREA.preload()

const NAV = [
  { key: 'workbench', icon: <DashboardOutlined /> },
  { key: 'projects', icon: <ProjectOutlined /> },
  { key: 'investors', icon: <TeamOutlined /> },
  { key: 'negotiations', icon: <CommentOutlined /> },
  { key: 'parks', icon: <BankOutlined /> },
  { key: 'events', icon: <CalendarOutlined /> },
  { key: 'requests', icon: <CustomerServiceOutlined /> },
  { key: 'reports', icon: <BarChartOutlined /> },
  { key: 'settings', icon: <SettingOutlined /> },
] as const

export function App() {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const location = useLocation()
  const current = location.pathname.split('/')[1] || 'workbench'
  const english = i18n.language === 'en'

  useEffect(() => {
    dayjs.locale(english ? 'en' : 'zh-cn')
    document.documentElement.lang = english ? 'en' : 'zh-CN'
    document.title = t('app.title')
  }, [english, t])

  const queryClient = useQueryClient()
  useEffect(() => preloadPagesWhenIdle(OPENING_AREA, () => queryClient.isFetching() > 0), [queryClient])

  return (
    <ConfigProvider locale={english ? enUS : zhCN} theme={THEME}>
      <AntApp>
        <Layout style={{ minHeight: '100vh' }}>
          <Layout.Sider width={200} breakpoint="lg" collapsedWidth={64}>
            <div className="app-brand">
              <AimOutlined />
              <span>{t('app.title')}</span>
            </div>
            <Menu
              theme="dark"
              mode="inline"
              selectedKeys={[current]}
              onClick={({ key }) => navigate(`/${key}`)}
              items={NAV.map(({ key, icon }) => ({
                key,
                icon,
                label: key === 'workbench' ? <NavBadge label={t('nav.workbench')} /> : t(`nav.${key}`),
              }))}
            />
          </Layout.Sider>
          <Layout.Content>
            <PartErrorBoundary part="header">
              <Header />
            </PartErrorBoundary>
            <PartErrorBoundary part="welcome">
              <Welcome />
            </PartErrorBoundary>
            <QuickEntryProvider>
            <Routes>
              <Route path="/" element={<Navigate to="/workbench" replace />} />
              <Route path="/workbench/*" element={<PageErrorBoundary><WorkbenchArea /></PageErrorBoundary>} />
              <Route path="/projects/*" element={<PageErrorBoundary><ProjectsArea /></PageErrorBoundary>} />
              <Route path="/investors/*" element={<PageErrorBoundary><InvestorsArea /></PageErrorBoundary>} />
              <Route path="/negotiations/*" element={<PageErrorBoundary><NegotiationsArea /></PageErrorBoundary>} />
              <Route path="/parks/*" element={<PageErrorBoundary><ParksPage /></PageErrorBoundary>} />
              <Route path="/events/*" element={<PageErrorBoundary><EventsArea /></PageErrorBoundary>} />
              <Route path="/requests/*" element={<PageErrorBoundary><RequestsArea /></PageErrorBoundary>} />
              <Route path="/reports/*" element={<PageErrorBoundary><ReportsArea /></PageErrorBoundary>} />
              <Route path="/settings/*" element={<PageErrorBoundary><SettingsArea /></PageErrorBoundary>} />
              <Route path="*" element={<Navigate to="/workbench" replace />} />
            </Routes>
            </QuickEntryProvider>
          </Layout.Content>
        </Layout>
      </AntApp>
    </ConfigProvider>
  )
}
