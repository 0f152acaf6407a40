// React bindings for the API: queries are cached by method and input; mutations refresh them.
import { type UseQueryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { Input, MethodName, Output } from '../../../electron/contract'
import { type ApiCallError, type CallInput, callReporting, read } from './client'
import { ALL_TABLES, invalidateTables } from './invalidation'

/**
 * A read as the query cache knows it: the key is the method and its input. One description for
 * the hook and for asking ahead (shell/openingQueries.ts), so that a page finds what was asked.
 */
export function apiQuery<M extends MethodName>(method: M, input: Input<M>) {
  return { queryKey: [method, input], queryFn: () => read(method, input) }
}

export function useApiQuery<M extends MethodName>(
  method: M,
  input: Input<M>,
  options: Omit<UseQueryOptions<Output<M>, ApiCallError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<Output<M>, ApiCallError>({ ...apiQuery(method, input), ...options })
}

/**
 * A write: the queries reading the tables it changed refresh before it resolves (the client does
 * that for every call, see api/invalidation.ts). A write the records layer does not see (settings,
 * the chosen user, the hub's address) refreshes everything, as every write once did.
 */
export function useApiMutation<M extends MethodName>(method: M) {
  const queryClient = useQueryClient()
  return useMutation<Output<M>, ApiCallError, CallInput<M>>({
    // The client request id travels inside the input; dispatch takes it off before validation.
    mutationFn: async (input) => {
      const { value, changed } = await callReporting(method, input as Input<M>)
      if (!changed) await invalidateTables(queryClient, [ALL_TABLES])
      return value
    },
  })
}
