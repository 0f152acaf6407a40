// Delete → recycle bin, with an undo in the toast (shell/useUndoableDelete.tsx).
import { useUndoableDelete } from '../../shell/useUndoableDelete'

export function useDeleteInvestor(afterDelete?: () => void, afterRestore?: (id: string) => void) {
  const remove = useUndoableDelete('investor-delete', 'investor', { afterDelete, afterRestore })
  return (investor: { id: string; name: string }) => remove(investor.id, investor.name)
}
