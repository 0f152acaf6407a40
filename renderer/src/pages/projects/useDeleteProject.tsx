// Delete → recycle bin, with an undo in the toast (shell/useUndoableDelete.tsx): the detail page
// leaves for the list, and the undo comes back to it.
import { useNavigate } from 'react-router-dom'
import { useUndoableDelete } from '../../shell/useUndoableDelete'

export function useDeleteProject() {
  const navigate = useNavigate()
  const remove = useUndoableDelete('project-delete', 'project', {
    afterDelete: () => navigate('/projects'),
    afterRestore: (id) => navigate(`/projects/${id}`),
    duration: 8,
  })
  return (project: { id: string; name: string }) => remove(project.id, project.name)
}
