// The events area: the list at /events, one event at /events/:id.
import { Route, Routes } from 'react-router-dom'
import { EventDetailPage } from './EventDetailPage'
import { EventListPage } from './EventListPage'

export function EventsArea() {
  return (
    <Routes>
      <Route index element={<EventListPage />} />
      <Route path=":id" element={<EventDetailPage />} />
    </Routes>
  )
}
