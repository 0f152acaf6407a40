// The renderer's only way to the backend: the preload's invoke in the desktop window, the local
// HTTP API in browser mode. Same contract types either way.
import i18next from 'i18next'
import type { ApiError, Input, MethodName, Output, Result } from '../../../electron/contract'
import type { CrmBridge } from '../../../electron/contract/bridge'
import type { DataChange } from '../../../electron/contract/events'

declare global {
  interface Window {
    crm?: CrmBridge
  }
}

export class ApiCallError extends Error {
  readonly code: ApiError['code']
  readonly details: unknown

  constructor(error: ApiError) {
    super(error.message)
    this.name = 'ApiCallError'
    this.code = error.code
    this.details = error.details
  }
}

const SESSION_KEY = 'crm-session'
const SESSION_CHANNEL = 'crm-session'

/** Shown when this tab has no session: a bare URL, or a tab opened while no app tab was open. */
const NO_SESSION =
  '此标签页尚未获得本应用的授权。请使用启动浏览器模式（npm run web）时打印的完整地址打开；应用已在其他标签页打开时，请从应用里按住 Ctrl 单击链接打开新标签页。'
const SESSION_ENDED = '会话已失效（本地服务可能已重新启动）。请使用重新启动时打印的完整地址打开。'

/**
 * Browser mode's credential (see electron/server/web-server.ts): the URL's one-time token, taken out
 * of the address bar at once and exchanged for a session kept in this tab's sessionStorage; a tab
 * without one asks the app's open tabs over a BroadcastChannel, which only pages of this origin
 * (this server's port) can join. Never a cookie: other servers on 127.0.0.1 would receive it.
 */
async function browserSession(): Promise<string | null> {
  const url = new URL(window.location.href)
  const launch = url.searchParams.get('token')
  if (launch) {
    url.searchParams.delete('token')
    window.history.replaceState(window.history.state, '', url.toString())
    const response = await fetch('/session', { method: 'POST', headers: { 'x-crm-launch': launch } }).catch(() => null)
    if (response?.ok) sessionStorage.setItem(SESSION_KEY, ((await response.json()) as { value: { session: string } }).value.session)
  }
  const session = sessionStorage.getItem(SESSION_KEY) ?? (await askOpenTabs())
  if (session) shareWithNewTabs(session)
  return session
}

function askOpenTabs(): Promise<string | null> {
  if (typeof BroadcastChannel === 'undefined') return Promise.resolve(null)
  return new Promise((resolve) => {
    const channel = new BroadcastChannel(SESSION_CHANNEL)
    const done = (session: string | null) => {
      clearTimeout(timer)
      channel.close()
      if (session) sessionStorage.setItem(SESSION_KEY, session)
      resolve(session)
    }
    // No app tab answering within a second: this tab was not opened from the app.
    const timer = setTimeout(() => done(null), 1000)
    channel.onmessage = (event: MessageEvent<{ type?: string; session?: unknown }>) => {
      if (event.data?.type === 'session' && typeof event.data.session === 'string') done(event.data.session)
    }
    channel.postMessage({ type: 'ask' })
  })
}

function shareWithNewTabs(session: string): void {
  if (typeof BroadcastChannel === 'undefined') return
  const channel = new BroadcastChannel(SESSION_CHANNEL)
  channel.onmessage = (event: MessageEvent<{ type?: string }>) => {
    if (event.data?.type === 'ask') channel.postMessage({ type: 'session', session })
  }
}

type Transport = (method: string, input: unknown) => Promise<Result<unknown> & { changed?: DataChange }>

/** Browser mode's session for this tab (null in the desktop window, or when the tab has none). */
export const browserSessionId: Promise<string | null> = window.crm ? Promise.resolve(null) : browserSession()

function httpTransport(): Transport {
  const session = browserSessionId
  return async (method, input) => {
    const id = await session
    if (!id) return { ok: false, error: { code: 'forbidden', message: NO_SESSION } }
    let response: Response
    try {
      response = await fetch(`/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-crm-session': id },
        body: JSON.stringify(input ?? {}),
      })
    } catch (error) {
      return { ok: false, error: { code: 'db_unavailable', message: `无法连接本地服务：${(error as Error).message}` } }
    }
    if (response.status === 403) return { ok: false, error: { code: 'forbidden', message: SESSION_ENDED } }
    return (await response.json()) as Result<unknown>
  }
}

const transport: Transport = window.crm ? window.crm.invoke : httpTransport()

/**
 * A create may carry a client request id: sent twice (double click, retry), it creates once and
 * both answers are the first result (electron/handlers/client-request.ts).
 */
export type CallInput<M extends MethodName> = Input<M> & { clientRequestId?: string }

/**
 * The UI's language rides with every call (the `locale` field, taken off by dispatch), so errors
 * come back in it: the same for the desktop window's IPC and browser mode's HTTP.
 */
function withLocale(input: unknown): unknown {
  if (i18next.language !== 'en' || typeof input !== 'object' || input === null) return input
  return { ...input, locale: 'en' }
}

let applyOwnChange: ((change: DataChange) => Promise<void>) | null = null

/** Set once by the events module: how a write's own answer refreshes the queries it affects. */
export function onOwnChange(apply: (change: DataChange) => Promise<void>): void {
  applyOwnChange = apply
}

/**
 * A call and what it changed (null: the records layer saw no write). A write resolves only after
 * the queries reading its tables have refreshed, so the page that follows shows it.
 */
export async function callReporting<M extends MethodName>(method: M, input: Input<M>): Promise<{ value: Output<M>; changed: DataChange | null }> {
  const result = await transport(method, withLocale(input))
  if (!result.ok) throw new ApiCallError(result.error)
  if (result.changed) await applyOwnChange?.(result.changed)
  return { value: result.value as Output<M>, changed: result.changed ?? null }
}

/**
 * A read for a cached query. An answer carries only what its own call wrote (writes outside calls,
 * such as the hub's background sync, come as data-changed events), so a pure read carries nothing;
 * but a method read here may still write (a list that records something): its refresh starts
 * but is not awaited, because the query being fetched is among those it refreshes, and TanStack
 * hands a query's refresh the fetch already in flight when it has no data yet — the very fetch
 * that would be waiting (the page then stays loading for good).
 */
export async function read<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  const result = await transport(method, withLocale(input))
  if (!result.ok) throw new ApiCallError(result.error)
  if (result.changed) void applyOwnChange?.(result.changed)
  return result.value as Output<M>
}

export async function call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  return (await callReporting(method, input)).value
}

export const isDesktop = (): boolean => window.crm !== undefined
