import type { followupsContract } from '../contract/followups'
import * as agreements from '../../db/services/agreements'
import * as events from '../../db/services/events'
import * as funds from '../../db/services/funds'
import * as negotiations from '../../db/services/negotiations'
import * as requests from '../../db/services/requests'
import * as targets from '../../db/services/targets'
import type { HandlerSlice } from './types'

export const followupsHandlers: HandlerSlice<keyof typeof followupsContract> = {
  'negotiation-list': (input, { ctx }) => negotiations.listNegotiations(ctx, input),
  'negotiation-get': ({ id }, { ctx }) => negotiations.getNegotiation(ctx, id),
  'negotiation-create': (input, { ctx }) => negotiations.createNegotiation(ctx, input),
  'negotiation-update': (input, { ctx }) => negotiations.updateNegotiation(ctx, input),
  'negotiation-delete': async ({ id }, { ctx }) => (await negotiations.deleteNegotiation(ctx, id), null),
  'negotiation-restore': ({ id }, { ctx }) => negotiations.restoreNegotiation(ctx, id),
  'negotiation-complete-step': (input, { ctx }) => negotiations.completeNextStep(ctx, input),
  'negotiation-due-summary': (input, { ctx }) => negotiations.dueSummary(ctx, input),

  'agreement-list-by-project': ({ projectId }, { ctx }) => agreements.listAgreementsByProject(ctx, projectId),
  'agreement-create': (input, { ctx }) => agreements.createAgreement(ctx, input),
  'agreement-update': (input, { ctx }) => agreements.updateAgreement(ctx, input),
  'agreement-delete': async ({ id }, { ctx }) => (await agreements.deleteAgreement(ctx, id), null),
  'agreement-restore': ({ id }, { ctx }) => agreements.restoreAgreement(ctx, id),

  'funds-list': (input, { ctx }) => funds.listFunds(ctx, input),
  'funds-summary': (input, { ctx }) => funds.fundsSummary(ctx, input),
  'funds-create': (input, { ctx }) => funds.createFunds(ctx, input),
  'funds-update': (input, { ctx }) => funds.updateFunds(ctx, input),
  'funds-delete': async ({ id }, { ctx }) => (await funds.deleteFunds(ctx, id), null),
  'funds-restore': ({ id }, { ctx }) => funds.restoreFunds(ctx, id),

  'request-list': (input, { ctx }) => requests.listRequests(ctx, input),
  'request-get': ({ id }, { ctx }) => requests.getRequest(ctx, id),
  'request-create': (input, { ctx }) => requests.createRequest(ctx, input),
  'request-update': (input, { ctx }) => requests.updateRequest(ctx, input),
  'request-advance': (input, { ctx }) => requests.advanceRequest(ctx, input),
  'request-delete': async ({ id }, { ctx }) => (await requests.deleteRequest(ctx, id), null),
  'request-restore': ({ id }, { ctx }) => requests.restoreRequest(ctx, id),

  'event-list': (input, { ctx }) => events.listEvents(ctx, input),
  'event-get': ({ id }, { ctx }) => events.getEvent(ctx, id),
  'event-create': (input, { ctx }) => events.createEvent(ctx, input),
  'event-update': (input, { ctx }) => events.updateEvent(ctx, input),
  'event-delete': async ({ id }, { ctx }) => (await events.deleteEvent(ctx, id), null),
  'event-restore': ({ id }, { ctx }) => events.restoreEvent(ctx, id),

  'target-list': (input, { ctx }) => targets.listTargets(ctx, input),
  'target-set': (input, { ctx }) => targets.setTarget(ctx, input),
  'target-delete': async ({ id }, { ctx }) => (await targets.deleteTarget(ctx, id), null),
}
