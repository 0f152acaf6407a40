// The projects area: its own routes below /projects. The list is the area's own chunk; the board,
// the import and a project's page load when first opened (and in the background once the window is
// idle, shell/lazyPage.tsx), so that a window opening on the list parses only what the list needs.
import { Route, Routes } from 'react-router-dom'
import { lazyPage } from '../../shell/lazyPage'
import { ProjectListPage } from './ProjectListPage'

const ProjectBoardPage = lazyPage(() => import('./ProjectBoardPage'), 'ProjectBoardPage')
const ImportPage = lazyPage(() => import('./import/ImportPage'), 'ImportPage')
const ProjectDetailPage = lazyPage(() => import('./ProjectDetailPage'), 'ProjectDetailPage')

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
