// The negotiations area: its own routes below /negotiations.
import { Navigate, Route, Routes } from 'react-router-dom'
import { NegotiationListPage } from './NegotiationListPage'

export function NegotiationsArea() {
  return (
    <Routes>
      <Route index element={<NegotiationListPage />} />
      <Route path="*" element={<Navigate to="/negotiations" replace />} />
    </Routes>
  )
}
