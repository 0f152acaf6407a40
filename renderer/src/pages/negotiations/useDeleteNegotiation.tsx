// Delete → recycle bin, with an undo in the toast (shell/useUndoableDelete.tsx).
import type { NegotiationView } from '../../../../db/domain/negotiation'
import { useUndoableDelete } from '../../shell/useUndoableDelete'

export const negotiationName = (n: Pick<NegotiationView, 'happenedOn' | 'summary'>) =>
  `${n.happenedOn} ${n.summary.length > 16 ? `${n.summary.slice(0, 16)}…` : n.summary}`

export function useDeleteNegotiation() {
  const remove = useUndoableDelete('negotiation-delete', 'negotiation')
  return (negotiation: NegotiationView) => remove(negotiation.id, negotiationName(negotiation))
}
