import { inTransaction } from '../../db/context'
import { ensureHubAutoSync, hubStatus, requestHubSync, restartHubAutoSync } from '../../db/hub/auto-sync'
import { HUB_KEYS, saveHubConnection, writeHubSetting } from '../../db/hub/settings'
import { testHubConnection } from '../../db/hub/test-connection'
import type { hubContract } from '../contract/hub'
import type { HandlerSlice } from './types'

export const hubHandlers: HandlerSlice<keyof typeof hubContract> = {
  'hub-status': async (_, { ctx }) => {
    ensureHubAutoSync(ctx)
    return hubStatus(ctx)
  },
  'hub-configure': async ({ url, password, intervalMinutes }, { ctx }) => {
    await inTransaction(ctx, async () => {
      saveHubConnection(ctx, url, password === undefined ? undefined : password || null)
      if (intervalMinutes !== undefined) writeHubSetting(ctx, HUB_KEYS.intervalMinutes, intervalMinutes)
      // A different hub has a different cursor: start reading it from the beginning.
      writeHubSetting(ctx, HUB_KEYS.lastError, null)
    })
    restartHubAutoSync(ctx)
    return hubStatus(ctx)
  },
  'hub-sync-now': async ({ wait }, { ctx }) => {
    const running = requestHubSync(ctx)
    if (wait) await running
    return hubStatus(ctx)
  },
  'hub-test-connection': async (input, { ctx }) => testHubConnection(ctx, input),
}
