// The investors area: its own routes below /investors.
import { Navigate, Route, Routes } from 'react-router-dom'
import { InvestorDetailPage } from './InvestorDetailPage'
import { InvestorListPage } from './InvestorListPage'

export function InvestorsArea() {
  return (
    <Routes>
      <Route index element={<InvestorListPage />} />
      <Route path=":id" element={<InvestorDetailPage />} />
      <Route path="*" element={<Navigate to="/investors" replace />} />
    </Routes>
  )
}
