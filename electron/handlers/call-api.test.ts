// The typed caller the command line and the tests share: answers typed by the contract, the
// contract's validation applied, failures as ApiCallError carrying the typed error.
import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from 'vitest'
import { openBackend, type Backend } from '../../db/backend'
import type { ParkView } from '../../db/domain/park'
import { ApiCallError, apiCaller, callAnyApi, callApi } from './call-api'
import type { HandlerEnv } from './types'

let backend: Backend
let env: HandlerEnv
beforeEach(async () => {
  backend = await openBackend({ file: ':memory:' })
  env = { ctx: backend.ctx, backend, shell: 'cli' }
})
afterEach(() => backend.close())

describe('callApi', () => {
  it('answers with the type the contract gives the method', async () => {
    const district = await callApi(env, 'district-create', { name: '槐荫区' })
    const park = await apiCaller(env)('park-create', { name: '西城科创园', districtId: district.id })
    expectTypeOf(park).toEqualTypeOf<ParkView>()
    expect(park).toMatchObject({ name: '西城科创园', districtId: district.id })
  })

  it('validates like every shell and throws the typed error', async () => {
    const error = await callApi(env, 'park-create', { name: '', districtId: 'nope' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiCallError)
    expect((error as ApiCallError).apiError.code).toBe('validation')
    expect((error as ApiCallError).method).toBe('park-create')
  })

  it('a method named at run time (the command line’s call) that does not exist is unknown_method', async () => {
    const error = (await callAnyApi(env, 'park-explode', {}).catch((e: unknown) => e)) as ApiCallError
    expect(error.apiError).toMatchObject({ code: 'unknown_method', message: '没有这个接口：park-explode' })
  })
})
