// The projects area: its own routes below /projects.
import { Route, Routes } from 'react-router-dom'
import { ImportPage } from './import/ImportPage'
import { ProjectBoardPage } from './ProjectBoardPage'
import { ProjectDetailPage } from './ProjectDetailPage'
import { ProjectListPage } from './ProjectListPage'

export function ProjectsArea() {
  return (
    <Routes>
      <Route index element={<ProjectListPage />} />
      <Route path="board" element={<ProjectBoardPage />} />
      <Route path="import" element={<ImportPage />} />
      <Route path=":id" element={<ProjectDetailPage />} />
    </Routes>
  )
}
