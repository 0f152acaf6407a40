// Background sync with the hub: every few minutes and on demand, one sync at a time per database.
// Callers never wait on the network: requestHubSync starts the work and returns its promise; the UI
// asks hub-status (which only reads SQLite) to see progress, the queue and the last error.
import type Sqlite from 'better-sqlite3'
import type { Ctx } from '../context'
import { describeHubError } from './connect'
import { HUB_KEYS, loadHubConnection, readHubSetting, writeHubSetting } from './settings'
import type { HubStatus, HubSyncResult } from '../domain/hub'
import { asBackgroundWriter } from '../written-tables'
import { DEFAULT_INTERVAL_MINUTES, readHubStatus } from './status'
import { type HubSyncOptions, syncWithHub } from './sync'

interface Runner {
  ctx: Ctx
  running: Promise<HubSyncResult | null> | null
  timer: NodeJS.Timeout | null
  nextSyncAt: Date | null
}

const runners = new WeakMap<Sqlite.Database, Runner>()

function runnerOf(ctx: Ctx): Runner {
  let runner = runners.get(ctx.sqlite)
  if (!runner) {
    runner = { ctx, running: null, timer: null, nextSyncAt: null }
    runners.set(ctx.sqlite, runner)
  }
  return runner
}

/** Starts a sync unless one is running (then joins it). Resolves null when it failed; the reason is in the status. */
export function requestHubSync(ctx: Ctx, options: HubSyncOptions = {}): Promise<HubSyncResult | null> {
  const runner = runnerOf(ctx)
  // The sync is a writer of its own: the tables it pulled into are announced when it ends, never
  // carried by whichever call happens to come next (or the call that started it and returned).
  runner.running ??= asBackgroundWriter(ctx.sqlite, 'hub', async () => {
    try {
      const result = await syncWithHub(ctx, options)
      if (!ctx.sqlite.open) return result
      ctx.sqlite.transaction(() => {
        writeHubSetting(ctx, HUB_KEYS.lastSyncAt, result.at)
        writeHubSetting(ctx, HUB_KEYS.lastResult, result)
        writeHubSetting(ctx, HUB_KEYS.lastError, null)
      })()
      return result
    } catch (error) {
      if (ctx.sqlite.open) writeHubSetting(ctx, HUB_KEYS.lastError, { message: describeHubError(error), at: ctx.now().toISOString() })
      return null
    } finally {
      runner.running = null
    }
  })
  return runner.running
}

/** Keeps the background timer going while a hub is configured; safe to call often (every status read). */
export function ensureHubAutoSync(ctx: Ctx): void {
  const runner = runnerOf(ctx)
  if (runner.timer || !loadHubConnection(ctx.sqlite)) return
  const minutes = readHubSetting<number>(ctx.sqlite, HUB_KEYS.intervalMinutes) ?? DEFAULT_INTERVAL_MINUTES
  const schedule = (delayMs: number) => {
    runner.nextSyncAt = new Date(Date.now() + delayMs)
    runner.timer = setTimeout(() => {
      // The database was closed (app quit, or a restore swapped it): this runner's work is over.
      if (!ctx.sqlite.open || !loadHubConnection(ctx.sqlite)) {
        runner.timer = null
        runner.nextSyncAt = null
        return
      }
      void requestHubSync(ctx).finally(() => ctx.sqlite.open && schedule(minutes * 60_000))
    }, delayMs)
    // Never keeps a command-line process alive.
    runner.timer.unref()
  }
  // Soon after start (the laptop may have been offline for days), then every few minutes.
  schedule(Math.min(30_000, minutes * 60_000))
}

/** Restarts the timer with the current settings (after hub-configure). */
export function restartHubAutoSync(ctx: Ctx): void {
  const runner = runnerOf(ctx)
  if (runner.timer) clearTimeout(runner.timer)
  runner.timer = null
  runner.nextSyncAt = null
  ensureHubAutoSync(ctx)
}

export function hubStatus(ctx: Ctx): HubStatus {
  const runner = runnerOf(ctx)
  return readHubStatus(ctx, { running: runner.running !== null, nextSyncAt: runner.nextSyncAt?.toISOString() ?? null })
}
