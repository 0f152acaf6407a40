// The PostgreSQL hub: status (never waits on the network), settings, sync on demand, test connection.
import { z } from 'zod'
import { type HubStatus, type HubTestResult, HubConfigureInput, HubSyncNowInput, HubTestInput } from '../../db/domain/hub'
import { method } from './define'

export const hubContract = {
  'hub-status': method(z.object({})).returns<HubStatus>(),
  'hub-configure': method(HubConfigureInput).returns<HubStatus>(),
  'hub-sync-now': method(HubSyncNowInput).returns<HubStatus>(),
  'hub-test-connection': method(HubTestInput).returns<HubTestResult>(),
}
