// A real backend on a fresh in-memory database (real migrations), called through the contract
// exactly as the shells call it.
import { openBackend } from '../../db/backend'
import type { Input, MethodName, Output } from '../../electron/contract'
import type { ApiError } from '../../db/domain/errors'
import { callApi } from '../../electron/handlers/call-api'
import { dispatch } from '../../electron/handlers/dispatch'
import type { HandlerEnv } from '../../electron/handlers/types'

export interface TestBackend {
  env: HandlerEnv
  /** Calls a method (electron/handlers/call-api.ts); throws ApiCallError (with .apiError) when the answer is an error. */
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>
  /** Calls a method expecting an error; returns it (fails the test if the call succeeds). */
  fail(method: MethodName, input: unknown): Promise<ApiError>
  /** Moves the test clock (ISO date or timestamp). */
  setNow(iso: string): void
  close(): Promise<void>
}

export async function testBackend(options: { file?: string; now?: string } = {}): Promise<TestBackend> {
  let now = new Date(options.now ?? '2026-11-27T09:00:00+08:00')
  const backend = await openBackend({ file: options.file ?? ':memory:', now: () => now })
  const env: HandlerEnv = { ctx: backend.ctx, backend, shell: 'test' }
  return {
    env,
    call: (method, input) => callApi(env, method, input),
    async fail(method, input) {
      const result = await dispatch(env, method, input)
      if (result.ok) throw new Error(`${method} was expected to fail but returned ${JSON.stringify(result.value)}`)
      return result.error
    },
    setNow(iso) {
      now = new Date(iso)
    },
    close: () => backend.close(),
  }
}
