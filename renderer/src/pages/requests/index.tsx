// The requests area: the list at /requests, one request at /requests/:id.
import { Route, Routes } from 'react-router-dom'
import { RequestDetailPage } from './RequestDetailPage'
import { RequestListPage } from './RequestListPage'

export function RequestsArea() {
  return (
    <Routes>
      <Route index element={<RequestListPage />} />
      <Route path=":id" element={<RequestDetailPage />} />
    </Routes>
  )
}
