// The workbench area: its own routes below /workbench.
import { Navigate, Route, Routes } from 'react-router-dom'
import { WorkbenchPage } from './WorkbenchPage'

export function WorkbenchArea() {
  return (
    <Routes>
      <Route index element={<WorkbenchPage />} />
      <Route path="*" element={<Navigate to="/workbench" replace />} />
    </Routes>
  )
}
