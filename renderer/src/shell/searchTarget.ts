// Where a search hit opens: each kind's own page. Contacts open their investor; negotiation notes
// open the negotiations list focused on that record.
import type { SearchHit } from '../../../db/domain/search'

export function searchTarget(hit: SearchHit): string {
  switch (hit.kind) {
    case 'project':
      return `/projects/${hit.id}`
    case 'investor':
      return `/investors/${hit.id}`
    case 'contact':
      return hit.investorId ? `/investors/${hit.investorId}?contact=${hit.id}` : '/investors'
    case 'negotiation':
      return `/negotiations?id=${hit.id}`
  }
}
