// The reports area: /reports/<tab>, with the filters in the query string.
import { Navigate, Route, Routes, useLocation, useParams } from 'react-router-dom'
import { ReportsPage } from './ReportsPage'
import { isReportTab } from './reportTabs'

function TabRoute() {
  const { tab } = useParams()
  const { search } = useLocation()
  if (!isReportTab(tab)) return <Navigate to={{ pathname: '/reports/funnel', search }} replace />
  return <ReportsPage tab={tab} />
}

export function ReportsArea() {
  const { search } = useLocation()
  return (
    <Routes>
      <Route index element={<Navigate to={{ pathname: 'funnel', search }} replace />} />
      <Route path=":tab" element={<TabRoute />} />
    </Routes>
  )
}
