// One typed way to call the API from Node, for the command line and the tests: method names,
// inputs and answers come from the contract, and the call goes through dispatch, so it is
// validated exactly like an IPC or HTTP call. A failed call throws ApiCallError with the typed error,
// its message in the caller's locale.
import type { Locale } from '../../db/domain/error-text'
import type { ApiError } from '../../db/domain/errors'
import type { Input, MethodName, Output } from '../contract'
import { LOCALE_FIELD, dispatch } from './dispatch'
import type { HandlerEnv } from './types'

export class ApiCallError extends Error {
  constructor(
    readonly method: string,
    readonly apiError: ApiError,
  ) {
    super(`${method}: ${apiError.code}: ${apiError.message}`)
    this.name = 'ApiCallError'
  }
}

export type CallApi = <M extends MethodName>(method: M, input: Input<M>) => Promise<Output<M>>

export async function callApi<M extends MethodName>(env: HandlerEnv, method: M, input: Input<M>): Promise<Output<M>> {
  return (await callAnyApi(env, method, input)) as Output<M>
}

/** A method named at run time (the command line's `call`): the contract's schema checks the input. */
export async function callAnyApi(env: HandlerEnv, method: string, input: unknown, locale: Locale = 'zh'): Promise<unknown> {
  const localized = locale === 'zh' || typeof input !== 'object' || input === null ? input : { ...input, [LOCALE_FIELD]: locale }
  const result = await dispatch(env, method, localized)
  if (!result.ok) throw new ApiCallError(method, result.error)
  return result.value
}

/** The caller bound to one backend, as command handlers and test helpers take it. */
export const apiCaller =
  (env: HandlerEnv, locale: Locale = 'zh'): CallApi =>
  async (method, input) =>
    (await callAnyApi(env, method, input, locale)) as never
