// After first contact: negotiations and their next steps, agreements, funds in place, enterprise
// requests, events, and the year's targets.
import {
  AgreementFields,
  AgreementUpdate,
  ByProject,
  FundsFields,
  FundsListQuery,
  type FundsPage,
  FundsSummaryQuery,
  type FundsSummary,
  FundsUpdate,
  type FundsView,
  type SavedAgreement,
} from '../../db/domain/deal'
import { type EventDetail, EventFields, EventListQuery, EventUpdate, type EventView } from '../../db/domain/event'
import {
  type DueSummary,
  DueSummaryQuery,
  NegotiationCompleteStep,
  NegotiationFields,
  NegotiationListQuery,
  NegotiationUpdate,
  type NegotiationView,
  type Page,
} from '../../db/domain/negotiation'
import { ById } from '../../db/domain/park'
import { RequestAdvance, RequestFields, RequestListQuery, RequestUpdate, type RequestView } from '../../db/domain/request'
import { TargetListQuery, TargetSet, type TargetView } from '../../db/domain/target'
import type { Agreement } from '../../db/schema'
import { method } from './define'

export const followupsContract = {
  'negotiation-list': method(NegotiationListQuery).returns<Page<NegotiationView>>(),
  'negotiation-get': method(ById).returns<NegotiationView>(),
  'negotiation-create': method(NegotiationFields).returns<NegotiationView>(),
  'negotiation-update': method(NegotiationUpdate).returns<NegotiationView>(),
  'negotiation-delete': method(ById).returns<null>(),
  'negotiation-restore': method(ById).returns<NegotiationView>(),
  'negotiation-complete-step': method(NegotiationCompleteStep).returns<NegotiationView>(),
  'negotiation-due-summary': method(DueSummaryQuery).returns<DueSummary>(),

  'agreement-list-by-project': method(ByProject).returns<Agreement[]>(),
  'agreement-create': method(AgreementFields).returns<SavedAgreement>(),
  'agreement-update': method(AgreementUpdate).returns<SavedAgreement>(),
  'agreement-delete': method(ById).returns<null>(),
  'agreement-restore': method(ById).returns<SavedAgreement>(),

  'funds-list': method(FundsListQuery).returns<FundsPage>(),
  'funds-summary': method(FundsSummaryQuery).returns<FundsSummary>(),
  'funds-create': method(FundsFields).returns<FundsView>(),
  'funds-update': method(FundsUpdate).returns<FundsView>(),
  'funds-delete': method(ById).returns<null>(),
  'funds-restore': method(ById).returns<FundsView>(),

  'request-list': method(RequestListQuery).returns<Page<RequestView>>(),
  'request-get': method(ById).returns<RequestView>(),
  'request-create': method(RequestFields).returns<RequestView>(),
  'request-update': method(RequestUpdate).returns<RequestView>(),
  'request-advance': method(RequestAdvance).returns<RequestView>(),
  'request-delete': method(ById).returns<null>(),
  'request-restore': method(ById).returns<RequestView>(),

  'event-list': method(EventListQuery).returns<Page<EventView>>(),
  'event-get': method(ById).returns<EventDetail>(),
  'event-create': method(EventFields).returns<EventDetail>(),
  'event-update': method(EventUpdate).returns<EventDetail>(),
  'event-delete': method(ById).returns<null>(),
  'event-restore': method(ById).returns<EventDetail>(),

  'target-list': method(TargetListQuery).returns<TargetView[]>(),
  'target-set': method(TargetSet).returns<TargetView>(),
  'target-delete': method(ById).returns<null>(),
}
