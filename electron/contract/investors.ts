// Investors (客商), their contacts, duplicate warnings and merges.
import {
  ContactCreate,
  ContactUpdate,
  type ContactView,
  type DuplicateCandidate,
  DuplicateQuery,
  InvestorCreate,
  type InvestorDetail,
  InvestorListQuery,
  type InvestorPage,
  InvestorUpdate,
  MergeInput,
  MergePair,
  type MergePreview,
} from '../../db/domain/investor'
import { ById } from '../../db/domain/park'
import { method } from './define'

export const investorsContract = {
  'investor-list': method(InvestorListQuery).returns<InvestorPage>(),
  'investor-get': method(ById).returns<InvestorDetail>(),
  'investor-create': method(InvestorCreate).returns<InvestorDetail>(),
  'investor-update': method(InvestorUpdate).returns<InvestorDetail>(),
  'investor-delete': method(ById).returns<null>(),
  'investor-restore': method(ById).returns<InvestorDetail>(),
  'investor-duplicates': method(DuplicateQuery).returns<DuplicateCandidate[]>(),
  'investor-merge-preview': method(MergePair).returns<MergePreview>(),
  'investor-merge': method(MergeInput).returns<InvestorDetail>(),
  'contact-create': method(ContactCreate).returns<ContactView>(),
  'contact-update': method(ContactUpdate).returns<ContactView>(),
  'contact-delete': method(ById).returns<null>(),
  'contact-restore': method(ById).returns<ContactView>(),
}
