// The renderer's only way to the backend: the preload's invoke in the desktop window, the local
// HTTP API in browser mode. Same contract types either way.
import type { ApiError, Input, MethodName, Output, Result } from '../../../electron/contract'
import type { CrmBridge } from '../../../electron/contract/bridge'

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

const TOKEN_KEY = 'crm-token'

/** Browser mode: the token arrives once in the URL; keep it for reloads and take it out of sight. */
function browserToken(): string {
  const url = new URL(window.location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl)
    url.searchParams.delete('token')
    window.history.replaceState(null, '', url.toString())
    return fromUrl
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? ''
}

type Transport = (method: string, input: unknown) => Promise<Result<unknown>>

function httpTransport(): Transport {
  const token = browserToken()
  return async (method, input) => {
    let response: Response
    try {
      response = await fetch(`/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-crm-token': token },
        body: JSON.stringify(input ?? {}),
      })
    } catch (error) {
      return { ok: false, error: { code: 'db_unavailable', message: `无法连接本地服务：${(error as Error).message}` } }
    }
    if (response.status === 403) {
      return { ok: false, error: { code: 'forbidden', message: '访问被拒绝：请使用启动时打印的完整地址打开' } }
    }
    return (await response.json()) as Result<unknown>
  }
}

const transport: Transport = window.crm ? window.crm.invoke : httpTransport()

export async function call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  const result = await transport(method, input)
  if (!result.ok) throw new ApiCallError(result.error)
  return result.value as Output<M>
}

export const isDesktop = (): boolean => window.crm !== undefined
